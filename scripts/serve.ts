/**
 * A small static server for the built site, used by the e2e tests (playwright.config.ts) and the
 * browser JavaScript measure (js-transfer.ts).
 * It applies the built `_headers` file as Cloudflare Pages does (combining the values of every matching rule,
 * `! Name` detaching one), so the tests see the headers that host would send: `frame-ancestors *` on embeds only,
 * CORS on embed assets. The built file never sets one header twice for one path, so Netlify sends the same
 * (src/build/__tests__/headers.test.ts).
 *
 *   node scripts/serve.ts [root] [port]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * One rule of a `_headers` file as Cloudflare Pages reads it
 * (https://developers.cloudflare.com/pages/configuration/headers/).
 */
export interface HeaderRule {
  /** A path (`/embed/*`, `/blog/:slug`) or an absolute `https://host/path` pattern. */
  pattern: string;
  /** Header names in lower case; a name given twice in one rule holds both values joined with ", ". */
  set: Map<string, string>;
  /** `! Name` lines: headers attached by an earlier matching rule, detached for these paths. */
  detach: string[];
}

/** Parses the `_headers` format: a pattern line, then indented `Name: value` or `! Name` lines; `#` comments. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (/^(\/|https:\/\/)/.test(line)) {
      rules.push({ pattern: line, set: new Map(), detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    const colon = line.indexOf(':');
    if (colon === -1) {
      if (line.startsWith('!')) rule.detach.push(line.slice(1).trim().toLowerCase());
      continue;
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!name || !value || name.includes(' ')) continue;
    const before = rule.set.get(name);
    rule.set.set(name, before ? `${before}, ${value}` : value);
  }
  return rules;
}

const escapeRegExp = (s: string) => s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');

/**
 * Whether a rule's pattern matches a request: `*` matches any run of characters (slashes included), `:name` one path
 * segment, the rest literally, over the whole path; an absolute pattern (`https://host/…`) matches host and path.
 */
export function matches(pattern: string, path: string, host = '127.0.0.1'): boolean {
  const source = pattern
    .split('*')
    .map((part) => escapeRegExp(part).replace(/:([A-Za-z]\w*)/g, '[^/]+'))
    .join('.*');
  const subject = pattern.startsWith('https://') ? `https://${host}${path}` : path;
  return new RegExp(`^${source}$`).test(subject);
}

/**
 * The headers Cloudflare Pages attaches for a path: every matching rule applies, in file order. A rule first detaches
 * its `! Name` headers, then attaches its own; a header that an earlier matching rule attached gets the new value
 * added after a comma (the values of all matching rules are combined), not replaced.
 */
export function headersFor(rules: HeaderRule[], path: string, host?: string): Map<string, string> {
  const out = new Map<string, string>();
  const attached = new Set<string>();
  for (const rule of rules) {
    if (!matches(rule.pattern, path, host)) continue;
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.set) {
      const current = out.get(name);
      out.set(name, attached.has(name) && current !== undefined ? `${current}, ${value}` : value);
      attached.add(name);
    }
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export function startServer(root: string, port: number, host = '127.0.0.1') {
  const base = resolve(root);
  const headersFile = join(base, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];

  function send(res: ServerResponse, status: number, path: string, file: string | null, method: string): void {
    for (const [name, value] of headersFor(rules, path)) res.setHeader(name, value);
    if (!file) {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(method === 'HEAD' ? undefined : 'Not found');
      return;
    }
    res.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(method === 'HEAD' ? undefined : readFileSync(file));
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      send(res, 400, '/', null, method);
      return;
    }
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      send(res, 404, path, null, method);
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/${new URL(req.url ?? '/', 'http://x').search}` });
        res.end();
        return;
      }
      const index = join(file, 'index.html');
      if (existsSync(index)) return send(res, 200, path, index, method);
    } else if (existsSync(file)) {
      return send(res, 200, path, file, method);
    }
    const notFound = join(base, '404.html');
    send(res, 404, path, existsSync(notFound) ? notFound : null, method);
  });
  server.listen(port, host);
  return server;
}

if (process.argv[1]?.endsWith('serve.ts')) {
  const root = process.argv[2] ?? process.env['OUT_DIR'] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env['PORT'] ?? 4321);
  startServer(root, port);
  console.log(`serving ${root} on http://127.0.0.1:${port}`);
}
