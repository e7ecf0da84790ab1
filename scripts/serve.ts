/**
 * A small static server for the built site, used by the e2e tests and `npm run preview:headers`.
 * It applies the same `_headers` file a static host (Cloudflare Pages, Netlify) reads, so the tests
 * see the real security headers: `frame-ancestors *` on embeds only, CORS on embed assets.
 *
 *   node scripts/serve.ts [root] [port]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

export interface HeaderRule {
  pattern: string;
  set: [string, string][];
  /** `! Name` lines: headers an earlier rule set, removed for these paths. */
  detach: string[];
}

/** Parses the `_headers` format: a path pattern line, then indented `Name: value` or `! Name` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    const line = raw.trim();
    if (line.startsWith('!')) rule.detach.push(line.slice(1).trim().toLowerCase());
    else {
      const i = line.indexOf(':');
      if (i > 0) rule.set.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

/** `/embed/*` matches `/embed/` and everything under it; other patterns match exactly. */
export function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/** The headers for a path: rules apply in file order; a later value replaces an earlier one. */
export function headersFor(rules: HeaderRule[], path: string): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.set) out.set(name.toLowerCase(), [name, value]);
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
    for (const [, [name, value]] of headersFor(rules, path)) res.setHeader(name, value);
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
