/** Serves src/embed/loader.ts as plain JavaScript at /embed/v1/loader.js, compiled at build time. */
import type { APIRoute } from 'astro';
import { compileLoader } from '../../../embed/compileLoader.ts';

export const GET: APIRoute = () =>
  new Response(compileLoader(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
