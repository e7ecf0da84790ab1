/** The embed loader as shipped: src/embed/loader.ts compiled to plain JavaScript, and its SRI hash. */
import { createHash } from 'node:crypto';
import source from './loader.ts?raw';
import { transpileLoader } from './transpileLoader.ts';

export function compileLoader(): string {
  return transpileLoader(source);
}

/** The Subresource Integrity value bloggers paste with the loader (sha384, as browsers expect). */
export function loaderIntegrity(): string {
  return `sha384-${createHash('sha384').update(compileLoader(), 'utf8').digest('base64')}`;
}
