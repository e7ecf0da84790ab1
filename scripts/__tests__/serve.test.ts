/**
 * The test server applies `_headers` as Cloudflare Pages documents it
 * (https://developers.cloudflare.com/pages/configuration/headers/): every matching rule applies, the values of a
 * header from several rules are joined with a comma, and `! Name` detaches a header a broader rule attached.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHeaders, headersFor, matches } from '../serve.ts';
import { headerRules, headersFile, inlineHashes } from '../../src/build/securityHeaders.ts';

/** The example file of Cloudflare's "Attach a header" section. */
const cloudflareExample = `# This is a comment
/secure/page
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer

/static/*
  Access-Control-Allow-Origin: *
  X-Robots-Tag: nosnippet

https://myproject.pages.dev/*
  X-Robots-Tag: noindex
`;

const asObject = (m: Map<string, string>) => Object.fromEntries(m);

test('Cloudflare’s example: a request inherits the headers of every rule it matches, values joined by commas', () => {
  const rules = parseHeaders(cloudflareExample);
  // The results Cloudflare's page lists for its example file.
  assert.deepEqual(asObject(headersFor(rules, '/secure/page', 'custom.domain')), {
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  assert.deepEqual(asObject(headersFor(rules, '/home', 'myproject.pages.dev')), { 'x-robots-tag': 'noindex' });
  assert.deepEqual(asObject(headersFor(rules, '/secure/page', 'myproject.pages.dev')), {
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex',
  });
  assert.deepEqual(asObject(headersFor(rules, '/static/styles.css', 'myproject.pages.dev')), {
    'access-control-allow-origin': '*',
    'x-robots-tag': 'nosnippet, noindex',
  });
});

test('Cloudflare’s detach example: "! Name" removes a header a broader rule attached', () => {
  const rules = parseHeaders(`/*
  Content-Security-Policy: default-src 'self';

/*.jpg
  ! Content-Security-Policy
`);
  assert.equal(headersFor(rules, '/').get('content-security-policy'), "default-src 'self';");
  assert.equal(headersFor(rules, '/images/cat.jpg').get('content-security-policy'), undefined);
});

test('patterns: a splat matches any run of characters, a placeholder one path segment, the rest exactly', () => {
  assert.ok(matches('/embed/*', '/embed/v1/position/'));
  assert.ok(matches('/*', '/'));
  assert.ok(matches('/*.jpg', '/a/b.jpg'));
  assert.ok(!matches('/embed/*', '/lessons/x/'));
  assert.ok(matches('/robots.txt', '/robots.txt'));
  assert.ok(!matches('/robots.txt', '/robots.txt.bak'));
  assert.ok(matches('/blog/:slug', '/blog/a-post'));
  assert.ok(!matches('/blog/:slug', '/blog/a/post'));
});

test('a header named twice in one rule keeps both values', () => {
  const rules = parseHeaders('/*\n  Link: </a.css>; rel=preload\n  Link: </b.js>; rel=preload\n');
  assert.equal(headersFor(rules, '/x').get('link'), '</a.css>; rel=preload, </b.js>; rel=preload');
});

test('our file: embed pages may be framed by anyone, other pages only by the site itself', () => {
  const rules = parseHeaders(
    headersFile(
      headerRules('https://leveragelab.example', { scripts: ["'sha256-abc'"], styles: [] }, ['lessons', '_astro']),
    ),
  );
  const site = headersFor(rules, '/lessons/liquidation/');
  assert.equal(site.get('content-security-policy'), "frame-ancestors 'self'");
  assert.equal(site.get('access-control-allow-origin'), undefined);

  const embed = headersFor(rules, '/embed/v1/position/');
  // Only the embed rule sets it there, so the site's policy is not combined with the embed's (both would be enforced).
  const csp = embed.get('content-security-policy') ?? '';
  assert.match(csp, /frame-ancestors \*/);
  assert.doesNotMatch(csp, /frame-ancestors 'self'/);
  assert.match(csp, /script-src 'self' https:\/\/leveragelab\.example 'sha256-abc'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(embed.get('access-control-allow-origin'), '*');
  assert.equal(embed.get('referrer-policy'), 'no-referrer');
  assert.ok(embed.get('permissions-policy'));

  assert.equal(headersFor(rules, '/_astro/x.js').get('access-control-allow-origin'), '*');
});

test('inline scripts and styles are hashed (sha256, base64), script tags with src are not', () => {
  const { scripts, styles } = inlineHashes([
    '<script>alert(1)</script><script type="module" src="/a.js"></script><style>a{color:red}</style>',
  ]);
  // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
  assert.deepEqual(scripts, ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
  assert.equal(styles.length, 1);
});
