/**
 * Build step: writes `_headers` (the format Cloudflare Pages and Netlify read) for the built site.
 * Embed pages may be framed by anyone (`frame-ancestors *`) under a strict CSP that names our
 * origin and the hashes of the few inline scripts and styles Astro emits there; every other page
 * may only be framed by our own site. The test server (scripts/serve.ts) applies the same file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

function htmlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...htmlFilesUnder(full));
    else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Hashes of every inline <script> and <style> in the given HTML documents. */
export function inlineHashes(htmls: string[]): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const html of htmls) {
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      if (m[1]?.trim()) scripts.add(sha256(m[1]));
    }
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) styles.add(sha256(m[1] ?? ''));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

export function headersFile(origin: string, hashes: { scripts: string[]; styles: string[] }): string {
  const self = `'self' ${origin}`;
  const embedCsp = [
    "default-src 'none'",
    `script-src ${self} ${hashes.scripts.join(' ')}`.trim(),
    `style-src ${self} ${hashes.styles.join(' ')}`.trim(),
    `img-src ${self} data:`,
    `connect-src ${self}`,
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ');
  return [
    '# Generated at build time by src/build/securityHeaders.ts. Rules apply in order; "! Name" removes a header.',
    '/*',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    '  X-Content-Type-Options: nosniff',
    "  Content-Security-Policy: frame-ancestors 'self'",
    '/embed/*',
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${embedCsp}`,
    '  Referrer-Policy: no-referrer',
    '  Access-Control-Allow-Origin: *',
    '  Cross-Origin-Resource-Policy: cross-origin',
    '/_astro/*',
    '  Access-Control-Allow-Origin: *',
    '  Cross-Origin-Resource-Policy: cross-origin',
    '/oembed/*',
    '  Access-Control-Allow-Origin: *',
    '',
  ].join('\n');
}

export function securityHeaders(): AstroIntegration {
  let origin = '';
  return {
    name: 'leverage-lab:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        origin = new URL(config.site ?? 'http://127.0.0.1:4321').origin;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const htmls = htmlFilesUnder(join(root, 'embed')).map((f) => readFileSync(f, 'utf8'));
        writeFileSync(join(root, '_headers'), headersFile(origin, inlineHashes(htmls)));
      },
    },
  };
}
