import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BUDGETS, browserOver, measureSite, staticImports, table } from '../js-budget.ts';

/** A tiny built site: a light page, a lesson without widgets, and a deliberately heavy page. */
function fixtureSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'js-budget-'));
  mkdirSync(join(root, '_astro'));
  mkdirSync(join(root, 'heavy'));
  mkdirSync(join(root, 'lessons', 'prose'), { recursive: true });
  // Random bytes do not compress: 60 KB of them stay about 60 KB after gzip.
  writeFileSync(join(root, '_astro', 'heavy.js'), `export const blob = "${randomBytes(45_000).toString('base64')}";`);
  writeFileSync(join(root, '_astro', 'island.js'), 'import{blob}from"./heavy.js";import"./side.js";console.log(blob);');
  writeFileSync(join(root, '_astro', 'side.js'), 'export const x = 1; import("./chart.js");');
  writeFileSync(join(root, '_astro', 'chart.js'), `export const c = "${randomBytes(90_000).toString('base64')}";`);
  writeFileSync(join(root, '_astro', 'small.js'), 'document.title = "ok";');
  writeFileSync(join(root, 'index.html'), '<script type="module" src="/_astro/small.js"></script>');
  writeFileSync(
    join(root, 'heavy', 'index.html'),
    '<astro-island component-url="/_astro/island.js" renderer-url="/_astro/small.js"></astro-island>',
  );
  // Two islands that hydrate when scrolled to: only the heavier one is charged.
  mkdirSync(join(root, 'two'));
  writeFileSync(join(root, '_astro', 'light.js'), 'import"./side.js";export const l=1;');
  writeFileSync(
    join(root, 'two', 'index.html'),
    '<astro-island client="visible" component-url="/_astro/light.js" renderer-url="/_astro/small.js"></astro-island>' +
      '<astro-island client="visible" component-url="/_astro/island.js" renderer-url="/_astro/small.js"></astro-island>',
  );
  writeFileSync(
    join(root, 'lessons', 'prose', 'index.html'),
    '<script type="module" src="/_astro/small.js"></script><script>window.a=1</script>',
  );
  return root;
}

test('a deliberately heavy page goes over the 40 KB budget, counting its static imports', () => {
  const reports = measureSite(fixtureSite());
  const heavy = reports.find((r) => r.path === '/heavy/');
  assert.ok(heavy);
  assert.equal(heavy.ok, false);
  assert.ok(heavy.bytes > 40 * 1024, `${heavy.bytes}`);
  assert.deepEqual(heavy.files, ['/_astro/heavy.js', '/_astro/island.js', '/_astro/side.js', '/_astro/small.js']);
});

test('code behind a dynamic import does not count until it is needed', () => {
  const heavy = measureSite(fixtureSite()).find((r) => r.path === '/heavy/');
  assert.ok(!heavy?.files.includes('/_astro/chart.js'));
  assert.ok((heavy?.bytes ?? 0) < 90 * 1024);
});

test('light pages pass, and a lesson without widgets is held to 2 KB', () => {
  const reports = measureSite(fixtureSite());
  const home = reports.find((r) => r.path === '/');
  const lesson = reports.find((r) => r.path === '/lessons/prose/');
  assert.equal(home?.ok, true);
  assert.equal(lesson?.limit, 2048);
  assert.equal(lesson?.ok, true);
});

test('static imports are found; dynamic imports are not', () => {
  assert.deepEqual(staticImports('import{a as b}from"./x.js";import"./y.js";const z=import("./z.js");'), [
    './x.js',
    './y.js',
  ]);
  assert.deepEqual(staticImports('export{q}from"./re.js";'), ['./re.js']);
});

test('of several islands that hydrate when visible, the page is charged its heaviest', () => {
  const reports = measureSite(fixtureSite());
  const two = reports.find((r) => r.path === '/two/');
  const heavy = reports.find((r) => r.path === '/heavy/');
  assert.deepEqual(two?.files, ['/_astro/heavy.js', '/_astro/island.js', '/_astro/side.js', '/_astro/small.js']);
  assert.equal(two?.bytes, heavy?.bytes);
});

test('the table prints the gated static count beside the browser measure, "-" where the browser did not go', () => {
  const lines = table(
    [
      { path: '/a/', bytes: 2048, files: [], hasIsland: true, limit: 40 * 1024, reason: '', ok: true },
      { path: '/loader.js', bytes: 3072, files: [], hasIsland: false, limit: 2048, reason: '', ok: false },
    ],
    [{ path: '/a/', bytes: 51 * 1024, files: [] }],
  );
  assert.equal(lines.length, 3);
  // 2048 B = 2.0 KB, 40 × 1024 B = 40.0 KB, 51 × 1024 B = 51.0 KB.
  assert.match(lines[1] ?? '', /^\/a\/ +2\.0 KB +40\.0 KB +ok +51\.0 KB$/);
  assert.match(lines[2] ?? '', /^\/loader\.js +3\.0 KB +2\.0 KB +OVER +-$/);
});

test('the browser measure is gated at 40 KB on embed and tool pages only, and the table marks them', () => {
  const browser = [
    { path: '/embed/v1/position/', bytes: 40 * 1024, files: [] },
    { path: '/embed/v1/liquidation/', bytes: 40 * 1024 + 1, files: [] },
    { path: '/tools/replay/', bytes: 41 * 1024, files: [] },
    { path: '/lessons/liquidation/', bytes: 90 * 1024, files: [] },
  ];
  // 40 × 1024 B is at the limit (allowed); one byte more, or 41 KB, is over; a lesson page is only reported.
  assert.deepEqual(
    browserOver(browser).map((b) => b.path),
    ['/embed/v1/liquidation/', '/tools/replay/'],
  );
  const report = (path: string) => ({
    path,
    bytes: 0,
    files: [],
    hasIsland: true,
    limit: 40 * 1024,
    reason: '',
    ok: true,
  });
  const lines = table(
    [report('/embed/v1/position/'), report('/tools/replay/'), report('/lessons/liquidation/')],
    browser,
  );
  assert.match(lines[1] ?? '', /40\.0 KB \(gated\)$/);
  assert.match(lines[2] ?? '', /41\.0 KB OVER$/);
  assert.match(lines[3] ?? '', /90\.0 KB$/);
});

test('only a widget configurator page gets the 42 KB allowance; tool pages, the list and lessons keep 40 KB', () => {
  const limit = (path: string) => BUDGETS.find((b) => b.test(path))?.limit;
  assert.equal(limit('/widgets/margin-modes/'), 42 * 1024);
  assert.equal(limit('/widgets/'), 40 * 1024);
  assert.equal(limit('/tools/margin-modes/'), 40 * 1024);
  assert.equal(limit('/embed/v1/margin-modes/'), 40 * 1024);
  assert.equal(limit('/lessons/liquidation/'), 40 * 1024);
});
