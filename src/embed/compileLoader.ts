/** The embed loader as shipped: src/embed/loader.ts compiled to plain JavaScript, and its SRI hash. */
import { createHash } from 'node:crypto';
import ts from 'typescript';
import source from './loader.ts?raw';

export function compileLoader(): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, removeComments: true },
  }).outputText;
}

/** The Subresource Integrity value bloggers paste with the loader (sha384, as browsers expect). */
export function loaderIntegrity(): string {
  return `sha384-${createHash('sha384').update(compileLoader(), 'utf8').digest('base64')}`;
}
