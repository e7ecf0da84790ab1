/**
 * Build step: writes `_headers` (the format Cloudflare Pages and Netlify read) for the built site.
 * Embed pages may be framed by anyone (`frame-ancestors *`) under a strict CSP that names our
 * origin and the hashes of the few inline scripts and styles Astro emits there; every other page
 * may only be framed by our own site. The test server (scripts/serve.ts) applies the same file; the README's nginx
 * recipe is checked against it (src/build/__tests__/headers.test.ts).
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

/** One `_headers` rule: a path pattern and the headers it sets. */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/** Sent everywhere, with the same value: the one rule that overlaps the others, on header names no other rule sets. */
const EVERYWHERE: [string, string][] = [
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['X-Content-Type-Options', 'nosniff'],
];
/** Site pages: framed only by the site itself. */
const SITE: [string, string][] = [
  ['Content-Security-Policy', "frame-ancestors 'self'"],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];
/** Files a sandboxed frame (`Origin: null`) or another site loads: module scripts, styles, JSON, images. */
const CORS: [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
];
/** Top-level folders whose files embeds or other sites load (besides /embed/ itself). */
const CORS_FOLDERS = new Set(['_astro', 'oembed', 'cards']);
/** Written into the output after this step: the sitemap (its integration runs later), Pagefind (after the build). */
export const LATER_ENTRIES = ['sitemap-index.xml', 'sitemap-0.xml', 'pagefind'];

/**
 * The rules of the site's `_headers`. Cloudflare Pages joins the values of a header that several matching rules set,
 * and detaches with `! Name`; Netlify ignores `!` and, for one header in several matching rules, keeps one value. So
 * that both serve the same headers, no two rules that can match one path set the same header, and there are no `!`
 * lines: `/*` sets only what is the same everywhere, and each top-level entry of the site (`/embed/*`, `/lessons/*`,
 * `/`, `/favicon.svg` …) gets exactly one rule with the rest. src/build/__tests__/headers.test.ts checks the file under
 * each host's documented rules.
 *
 * @param origin The site's origin, named in the embed CSP instead of `'self'` (a sandboxed frame's own origin is opaque).
 * @param entries The names at the top of the built site (files and folders).
 */
export function headerRules(
  origin: string,
  hashes: { scripts: string[]; styles: string[] },
  entries: readonly string[],
): HeaderRule[] {
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
  const rules: HeaderRule[] = [
    { pattern: '/*', headers: EVERYWHERE },
    {
      pattern: '/embed/*',
      headers: [['Content-Security-Policy', embedCsp], ['Referrer-Policy', 'no-referrer'], ...CORS],
    },
  ];
  const names = [...new Set([...entries, ...LATER_ENTRIES])]
    .filter((name) => name !== 'embed' && !name.startsWith('_headers') && !name.startsWith('_redirects'))
    .sort();
  for (const name of names) {
    const headers = CORS_FOLDERS.has(name) ? [...SITE, ...CORS] : SITE;
    if (name === 'index.html') rules.push({ pattern: '/', headers }, { pattern: '/index.html', headers });
    else if (name.includes('.')) rules.push({ pattern: `/${name}`, headers });
    else rules.push({ pattern: `/${name}/*`, headers });
  }
  return rules;
}

export function headersFile(rules: readonly HeaderRule[]): string {
  return [
    '# Generated at build time by src/build/securityHeaders.ts for Cloudflare Pages and Netlify.',
    '# No two rules that match one path set the same header, and there are no "!" lines: both hosts read it alike.',
    ...rules.flatMap((r) => [r.pattern, ...r.headers.map(([name, value]) => `  ${name}: ${value}`)]),
    '',
  ].join('\n');
}

export function securityHeaders(): AstroIntegration {
  let origin = '';
  return {
    name: 'leverage-lab:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('[leverage-lab] the site origin is not set (see src/build/site.ts)');
        origin = new URL(config.site).origin;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const htmls = htmlFilesUnder(join(root, 'embed')).map((f) => readFileSync(f, 'utf8'));
        const rules = headerRules(origin, inlineHashes(htmls), readdirSync(root));
        writeFileSync(join(root, '_headers'), headersFile(rules));
      },
    },
  };
}
