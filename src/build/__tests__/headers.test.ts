/**
 * The built `_headers` must mean the same on every static host. Two small evaluators read it as each host documents:
 *
 * - Cloudflare Pages, https://developers.cloudflare.com/pages/configuration/headers/ : a rule line is a path or an
 *   absolute `https://` URL; `*` (a splat) matches any run of characters greedily, `:name` one path segment, the rest
 *   literally and case-sensitively. "An incoming request which matches multiple rules' URL patterns will inherit all
 *   rules' headers", and a header set by more than one of them has its values "joined with a comma separator";
 *   `! Name` detaches a header attached by an earlier rule. At most 100 rules, 2,000 characters a line.
 * - Netlify, https://docs.netlify.com/manage/routing/headers/ : a rule line is a path beginning with `/`; a header line
 *   is `Name: value` (a line without a colon, such as Cloudflare's `! Name`, sets nothing). The docs do not say what a
 *   header set by several matching rules becomes; Netlify's own engine (netlify/build packages/headers-parser
 *   for_regexp.ts and @netlify/headers headersForPath, used by `netlify dev`) matches case-insensitively with an
 *   optional trailing slash, a standalone `*` segment being optional, and keeps the last matching rule's value.
 *
 * A file whose rules never set one header twice for one path, and has no `!` lines, reads the same under both; these
 * tests check that, and the README's nginx recipe against the same headers (nginx's add_header is inherited from the
 * server level only by locations that have none of their own: https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header;
 * a request uses the location with the longest matching prefix: https://nginx.org/en/docs/http/ngx_http_core_module.html#location).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { headerRules, headersFile } from '../securityHeaders.ts';

const ORIGIN = 'https://leveragelab.example';
const HASHES = { scripts: ["'sha256-abc='"], styles: ["'sha256-def='"] };
/** The top of a built site (dist/), as `astro build` leaves it. */
const ENTRIES = [
  '404.html',
  '_astro',
  '_headers',
  'cards',
  'embed',
  'favicon.svg',
  'glossary',
  'index.html',
  'lessons',
  'oembed',
  'og.png',
  'progress',
  'robots.txt',
  'search',
  'sitemap-0.xml',
  'sitemap-index.xml',
  'tools',
  'widgets',
];
const FILE = headersFile(headerRules(ORIGIN, HASHES, ENTRIES));
const EMBED_CSP = /^ {2}Content-Security-Policy: (.+)$/m.exec(FILE.split('/embed/*')[1] ?? '')?.[1] ?? '';

interface Rule {
  pattern: string;
  set: [string, string][];
  detach: string[];
}

function parse(text: string, isRuleLine: (line: string) => boolean): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (isRuleLine(line)) {
      rules.push({ pattern: line, set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    const colon = line.indexOf(':');
    if (colon === -1) {
      if (line.startsWith('!')) rule.detach.push(line.slice(1).trim().toLowerCase());
      continue;
    }
    rule.set.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

const escape = (s: string) => s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
/** As escape-string-regexp, which Netlify's engine uses (a `u` regexp refuses `\-`). */
const escapeU = (s: string) => s.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replace(/-/g, '\\x2d');

const cloudflare = {
  rules: (text: string) => parse(text, (l) => l.startsWith('/') || l.startsWith('https://')),
  matches(pattern: string, path: string): boolean {
    const source = pattern
      .split('*')
      .map((part) => escape(part).replace(/:([A-Za-z]\w*)/g, '[^/]+'))
      .join('.*');
    return new RegExp(`^${source}$`).test(pattern.startsWith('https://') ? `https://leveragelab.example${path}` : path);
  },
  headers(rules: Rule[], path: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const rule of rules.filter((r) => this.matches(r.pattern, path))) {
      for (const name of rule.detach) out.delete(name);
      for (const [name, value] of rule.set) out.set(name, out.has(name) ? `${out.get(name)}, ${value}` : value);
    }
    return out;
  },
};

const netlify = {
  rules: (text: string) => parse(text, (l) => l.startsWith('/')).map((r) => ({ ...r, detach: [] })), // `! Name` has no colon: nothing
  matches(pattern: string, path: string): boolean {
    const parts = pattern
      .split('/')
      .filter(Boolean)
      .map((part) =>
        part.startsWith(':')
          ? '([^/]+)'
          : part === '*'
            ? '?(.*)'
            : part.includes('*')
              ? part.replaceAll('*', '(.*)')
              : escapeU(part),
      );
    return new RegExp(`^/${parts.join('/')}/?$`, 'iu').test(path);
  },
  headers(rules: Rule[], path: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const rule of rules.filter((r) => this.matches(r.pattern, path))) {
      const own = new Map<string, string>();
      for (const [name, value] of rule.set) own.set(name, own.has(name) ? `${own.get(name)}, ${value}` : value);
      for (const [name, value] of own) out.set(name, value); // a later rule's value replaces an earlier one's
    }
    return out;
  },
};

/** Paths the built site serves: folders with their trailing slash, files as they are. */
const PATHS = [
  '/',
  '/index.html',
  '/404.html',
  '/favicon.svg',
  '/og.png',
  '/robots.txt',
  '/sitemap-index.xml',
  '/lessons/',
  '/lessons/04-liquidation/',
  '/tools/liquidation/',
  '/widgets/position/',
  '/glossary/',
  '/search/',
  '/progress/',
  '/embed/v1/position/',
  '/embed/v1/position/ten-x-long/',
  '/embed/v1/quiz/what-leverage-is/',
  '/embed/v1/loader.js',
  '/embed/v1/theme.js',
  '/_astro/Embed.abc123.css',
  '/_astro/client.def456.js',
  '/oembed/position.json',
  '/oembed/position/ten-x-long.json',
  '/cards/position.png',
  '/pagefind/pagefind.js',
];

const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b));

test('the file has no "!" lines, only path rules, and stays inside Cloudflare’s limits', () => {
  assert.doesNotMatch(FILE, /^\s*!/m);
  const ruleLines = FILE.split('\n').filter((l) => l && !l.startsWith(' ') && !l.startsWith('#'));
  assert.ok(
    ruleLines.every((l) => l.startsWith('/')),
    'Netlify reads only rule lines that begin with "/"',
  );
  assert.ok(ruleLines.length <= 100, `${ruleLines.length} rules`);
  for (const line of FILE.split('\n')) assert.ok(line.length <= 2000, line.slice(0, 60));
});

test('no two rules that match one path set the same header, under either host’s matching', () => {
  for (const host of [cloudflare, netlify]) {
    const rules = host.rules(FILE);
    for (const path of PATHS) {
      const seen = new Set<string>();
      for (const rule of rules.filter((r) => host.matches(r.pattern, path))) {
        for (const name of new Set(rule.set.map(([n]) => n))) {
          assert.ok(!seen.has(name), `${path}: ${name} is set by two rules`);
          seen.add(name);
        }
      }
    }
  }
});

test('Cloudflare Pages and Netlify send the same headers for every path the site serves', () => {
  const cf = cloudflare.rules(FILE);
  const nf = netlify.rules(FILE);
  for (const path of PATHS)
    assert.deepEqual(sorted(cloudflare.headers(cf, path)), sorted(netlify.headers(nf, path)), path);
  // And for any page under a folder of the site.
  const folders = ENTRIES.filter((e) => !e.includes('.') && e !== '_headers');
  fc.assert(
    fc.property(
      fc.constantFrom(...folders),
      fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 4 }),
      fc.boolean(),
      (folder, segments, file) => {
        const path = `/${folder}/${segments.map((s) => `${s}/`).join('')}${file ? 'page.html' : ''}`;
        const a = sorted(cloudflare.headers(cf, path));
        return JSON.stringify(a) === JSON.stringify(sorted(netlify.headers(nf, path)));
      },
    ),
  );
});

test('embeds may be framed by anyone under one strict policy; every other page only by the site itself', () => {
  const rules = cloudflare.rules(FILE);
  for (const path of PATHS) {
    const h = cloudflare.headers(rules, path);
    assert.equal(h.get('x-content-type-options'), 'nosniff', path);
    assert.match(h.get('permissions-policy') ?? '', /camera=\(\)/, path);
    if (path.startsWith('/embed/')) {
      assert.equal(h.get('content-security-policy'), EMBED_CSP, path);
      assert.equal(h.get('referrer-policy'), 'no-referrer', path);
      assert.equal(h.get('access-control-allow-origin'), '*', path);
      assert.equal(h.get('cross-origin-resource-policy'), 'cross-origin', path);
    } else {
      assert.equal(h.get('content-security-policy'), "frame-ancestors 'self'", path);
      assert.equal(h.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      const cors = /^\/(_astro|oembed|cards)\//.test(path);
      assert.equal(h.get('access-control-allow-origin'), cors ? '*' : undefined, path);
    }
  }
  assert.match(EMBED_CSP, /^default-src 'none'; script-src 'self' https:\/\/leveragelab\.example 'sha256-abc='; /);
  assert.match(EMBED_CSP, /frame-ancestors \*$/);
  assert.doesNotMatch(EMBED_CSP, /unsafe-inline/);
});

/** The README's nginx recipe, read as nginx does: server-level add_header, and prefix locations with their own. */
function nginxHeaders(conf: string, path: string): Map<string, string> {
  const server: [string, string][] = [];
  const locations: { prefix: string; headers: [string, string][] }[] = [];
  let current: [string, string][] = server;
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const location = /^location\s+(\/\S*)\s*\{$/.exec(line);
    if (location) {
      const entry = { prefix: location[1] ?? '', headers: [] as [string, string][] };
      locations.push(entry);
      current = entry.headers;
    } else if (line === '}') current = server;
    else {
      const add = /^add_header\s+(\S+)\s+"(.*)"\s+always;$/.exec(line);
      if (add) current.push([(add[1] ?? '').toLowerCase(), add[2] ?? '']);
      else assert.equal(line, '', `an nginx line this test does not read: ${raw}`);
    }
  }
  const best = locations.filter((l) => path.startsWith(l.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  const own = best && best.headers.length > 0 ? best.headers : server;
  return new Map(own);
}

test('the README’s nginx recipe sends the headers of _headers for every path', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const conf = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(conf, 'README.md has an nginx block');
  // The embed policy carries the build's hashes, so the recipe points at the built file for it.
  const placeholder = '<the Content-Security-Policy of /embed/* in dist/_headers>';
  assert.ok(conf.includes(placeholder), placeholder);
  const rules = cloudflare.rules(FILE);
  for (const path of PATHS) {
    const nginx = nginxHeaders(conf.replace(placeholder, EMBED_CSP), path);
    assert.deepEqual(sorted(nginx), sorted(cloudflare.headers(rules, path)), path);
  }
});
