/**
 * The host-page loader exactly as shipped (the committed public/embed/v1/loader.js, which the build copies as is), run
 * against a stub page: the clamp tested here is the one bloggers' pages run. Its bytes are pinned by their SRI hash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { LOADER_INTEGRITY, LOADER_PATH } from '../loaderIntegrity.ts';

const OURS = 'https://leveragelab.example';
const bytes = readFileSync(new URL(`../../../public${LOADER_PATH}`, import.meta.url));
const shipped = bytes.toString('utf8');

test('the loader is the immutable v1 file: its SRI hash is the one snippets carry and the README prints', () => {
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  assert.equal(
    integrity,
    LOADER_INTEGRITY,
    'public/embed/v1/loader.js changed: v1 is immutable (pasted snippets pin its hash). Restore it, and put a new ' +
      'loader at /embed/v2/loader.js instead.',
  );
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(LOADER_INTEGRITY), 'README.md prints the loader’s integrity value');
  // Under 2 KB gzip, with no network and no storage.
  assert.ok(gzipSync(bytes, { level: 9 }).length < 2048);
  assert.doesNotMatch(shipped, /fetch\(|XMLHttpRequest|localStorage|sessionStorage|document\.cookie|eval\(|innerHTML/);
});

/** A host page with one of our frames; returns a way to post a message to the loader, and the frame's element. */
function hostPage() {
  let onMessage: ((e: unknown) => void) | undefined;
  const frameWindow = { postMessage() {} };
  const iframe = {
    src: `${OURS}/embed/v1/position/`,
    contentWindow: frameWindow,
    style: { height: '' },
    hasAttribute: () => false,
  };
  runInNewContext(shipped, {
    URL,
    location: { origin: 'https://blog.example' },
    document: {
      currentScript: { src: `${OURS}/embed/v1/loader.js` },
      querySelectorAll: () => [iframe],
      documentElement: { className: '', getAttribute: () => null },
      body: null,
      readyState: 'complete',
      addEventListener() {},
    },
    addEventListener: (type: string, handler: (e: unknown) => void) => {
      if (type === 'message') onMessage = handler;
    },
    matchMedia: () => ({ matches: false, addEventListener() {} }),
    MutationObserver: class {
      observe() {}
    },
  });
  const post = (height: unknown, source: unknown = frameWindow, origin = OURS) =>
    onMessage?.({ source, origin, data: { source: 'leveragelab', v: 1, type: 'resize', id: 'w1', height } });
  return { post, iframe };
}

test('the loader applies a reported height in whole pixels, clamped to 120–4000 px', () => {
  const { post, iframe } = hostPage();
  post(611.1);
  assert.equal(iframe.style.height, '612px');
  post(50);
  assert.equal(iframe.style.height, '120px');
  post(1e9);
  assert.equal(iframe.style.height, '4000px');
});

test('for any positive reported number the applied height is whole pixels within the clamp', () => {
  const { post, iframe } = hostPage();
  fc.assert(
    fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e12, noNaN: true }), (h) => {
      post(h);
      const px = Number(iframe.style.height.replace(/px$/, ''));
      // Expected: ceil(h) held to [120, 4000].
      return Number.isInteger(px) && px >= 120 && px <= 4000 && px === Math.min(Math.max(Math.ceil(h), 120), 4000);
    }),
  );
});

test('nonsense heights, impostor frames and foreign origins change nothing', () => {
  const { post, iframe } = hostPage();
  post(700);
  for (const bad of [0, -5, Number.NaN, Infinity, '900', null]) post(bad);
  post(900, { postMessage() {} });
  post(900, undefined, 'https://evil.example');
  assert.equal(iframe.style.height, '700px');
});

test('a sandboxed frame (opaque origin "null") is still ours by its window, and is sized', () => {
  const { post, iframe } = hostPage();
  post(800.2, undefined, 'null');
  assert.equal(iframe.style.height, '801px');
});
