/** Serves src/embed/loader.ts as plain JavaScript at /embed/v1/loader.js, compiled at build time. */
import type { APIRoute } from 'astro';
import ts from 'typescript';
import source from '../../../embed/loader.ts?raw';

export const GET: APIRoute = () => {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, removeComments: true },
  });
  return new Response(outputText, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
