import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { isJavaScript, pagePaths, sumJavaScript } from '../js-transfer.ts';

test('the pages are the sitemap locations plus every embed route, which the sitemap leaves out', () => {
  const root = mkdtempSync(join(tmpdir(), 'js-transfer-'));
  writeFileSync(
    join(root, 'sitemap-0.xml'),
    '<urlset><url><loc>https://x.example/</loc></url><url><loc>https://x.example/tools/a/</loc></url></urlset>',
  );
  writeFileSync(join(root, 'sitemap-index.xml'), '<sitemapindex><sitemap><loc>https://x.example/sitemap-0.xml</loc>');
  mkdirSync(join(root, 'embed', 'v1', 'a', 'preset'), { recursive: true });
  writeFileSync(join(root, 'embed', 'v1', 'a', 'index.html'), '');
  writeFileSync(join(root, 'embed', 'v1', 'a', 'preset', 'index.html'), '');
  writeFileSync(join(root, 'embed', 'v1', 'loader.js'), '');
  assert.deepEqual(pagePaths(root), ['/', '/embed/v1/a/', '/embed/v1/a/preset/', '/tools/a/']);
});

test('JavaScript is told by its content type, or by its file name when it has none', () => {
  assert.equal(isJavaScript('http://h/_astro/a.js', 'text/javascript; charset=utf-8'), true);
  assert.equal(isJavaScript('http://h/x', 'application/javascript'), true);
  assert.equal(isJavaScript('http://h/a.js', 'text/html'), false);
  assert.equal(isJavaScript('http://h/a.mjs?v=1', undefined), true);
  assert.equal(isJavaScript('http://h/a.css', undefined), false);
});

test('a page is charged the gzip size of each JavaScript file once, and nothing else', () => {
  const js = Buffer.from(randomBytes(3000).toString('base64'));
  const chart = Buffer.from(randomBytes(9000).toString('base64'));
  const report = sumJavaScript('/p/', [
    { url: 'http://h/p/', contentType: 'text/html', body: Buffer.from('<html>'.repeat(100)) },
    { url: 'http://h/_astro/a.js', contentType: 'text/javascript', body: js },
    // A chunk fetched by two frames is downloaded once (same URL).
    { url: 'http://h/_astro/a.js', contentType: 'text/javascript', body: js },
    { url: 'http://h/_astro/chart.js', contentType: 'text/javascript', body: chart },
    { url: 'http://h/_astro/s.css', contentType: 'text/css', body: Buffer.from('a{}') },
  ]);
  // The expected bytes are node's own gzip of the two bodies, an independent count of what was sent.
  const expected = gzipSync(js, { level: 9 }).length + gzipSync(chart, { level: 9 }).length;
  assert.equal(report.bytes, expected);
  assert.deepEqual(report.files, ['/_astro/a.js', '/_astro/chart.js']);
});
