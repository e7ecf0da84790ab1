import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHeaders, headersFor, matches } from '../serve.ts';
import { headersFile, inlineHashes } from '../../src/build/securityHeaders.ts';

test('patterns: a trailing * matches the folder and everything under it', () => {
  assert.ok(matches('/embed/*', '/embed/v1/position/'));
  assert.ok(matches('/*', '/'));
  assert.ok(!matches('/embed/*', '/lessons/x/'));
  assert.ok(matches('/robots.txt', '/robots.txt'));
});

test('embed pages may be framed by anyone; other pages only by the site itself', () => {
  const rules = parseHeaders(headersFile('https://leveragelab.example', { scripts: ["'sha256-abc'"], styles: [] }));
  const site = headersFor(rules, '/lessons/liquidation/');
  assert.equal(site.get('content-security-policy')?.[1], "frame-ancestors 'self'");
  assert.equal(site.get('access-control-allow-origin'), undefined);

  const embed = headersFor(rules, '/embed/v1/position/');
  const csp = embed.get('content-security-policy')?.[1] ?? '';
  assert.match(csp, /frame-ancestors \*/);
  assert.doesNotMatch(csp, /frame-ancestors 'self'/);
  assert.match(csp, /script-src 'self' https:\/\/leveragelab\.example 'sha256-abc'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(embed.get('access-control-allow-origin')?.[1], '*');
  assert.equal(embed.get('referrer-policy')?.[1], 'no-referrer');
  assert.ok(embed.get('permissions-policy'));

  assert.equal(headersFor(rules, '/_astro/x.js').get('access-control-allow-origin')?.[1], '*');
});

test('inline scripts and styles are hashed (sha256, base64), script tags with src are not', () => {
  const { scripts, styles } = inlineHashes([
    '<script>alert(1)</script><script type="module" src="/a.js"></script><style>a{color:red}</style>',
  ]);
  // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
  assert.deepEqual(scripts, ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
  assert.equal(styles.length, 1);
});
