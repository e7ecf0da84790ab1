import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEV_ORIGIN, MISSING_SITE_URL, siteFor } from '../site.ts';

test('a build without SITE_URL stops with a message that says what to set', () => {
  assert.throws(() => siteFor('build', undefined), { message: MISSING_SITE_URL });
  assert.throws(() => siteFor('build', '  '), { message: MISSING_SITE_URL });
  assert.match(MISSING_SITE_URL, /SITE_URL=https:\/\/your\.domain npm run build/);
});

test('the dev server and check commands may default to localhost', () => {
  assert.equal(siteFor('dev', undefined), DEV_ORIGIN);
  assert.equal(siteFor('sync', undefined), DEV_ORIGIN);
});

test('SITE_URL is used as an origin, and refused when it is not one', () => {
  assert.equal(siteFor('build', 'https://leveragelab.example'), 'https://leveragelab.example');
  assert.equal(siteFor('build', 'https://leveragelab.example/'), 'https://leveragelab.example');
  assert.equal(siteFor('dev', 'http://127.0.0.1:4416'), 'http://127.0.0.1:4416');
  assert.throws(() => siteFor('build', 'leveragelab.example'), /not an absolute URL/);
  assert.throws(() => siteFor('build', 'ftp://leveragelab.example'), /must start with https:\/\//);
  assert.throws(() => siteFor('build', 'https://leveragelab.example/course/'), /origin only/);
});
