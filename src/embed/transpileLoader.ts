/**
 * The loader's build step, kept apart from compileLoader.ts (which reads the source through Vite's `?raw`) so that
 * unit tests can run the very JavaScript the site ships. It is TypeScript's transpiler, run on every build.
 */
import ts from 'typescript';

/** src/embed/loader.ts as the plain ES2020 script served at /embed/v1/loader.js. */
export function transpileLoader(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, removeComments: true },
  }).outputText;
}
