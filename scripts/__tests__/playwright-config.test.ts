import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PLAYWRIGHT_DISABLED_FEATURES } from '../../playwright.config.ts';

test("the e2e browser repeats Playwright's own disabled features (Chromium keeps only the last --disable-features)", () => {
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(
    join(dirname(require.resolve('playwright-core/package.json')), 'lib/coreBundle.js'),
    'utf8',
  );
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle);
  assert.ok(
    list,
    "Playwright's disabledFeatures list was not found: read its launcher and update playwright.config.ts",
  );
  const theirs = [...(list[1] ?? '').replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(PLAYWRIGHT_DISABLED_FEATURES, theirs);
});
