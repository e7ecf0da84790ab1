import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import fc from 'fast-check';
import {
  parseFrameHash,
  resizeMessages,
  resizeMessageSchema,
  setThemeMessageSchema,
  wordpressHeightSchema,
} from '../protocol.ts';

test('the frame hash gives the instance id and WordPress’s 10-character secret', () => {
  assert.deepEqual(parseFrameHash('#id=w1'), { id: 'w1', secret: null });
  assert.deepEqual(parseFrameHash('#?secret=Ab12Cd34Ef'), { id: 'embed', secret: 'Ab12Cd34Ef' });
  assert.deepEqual(parseFrameHash('#id=calc-2&?secret=Ab12Cd34Ef'), { id: 'calc-2', secret: 'Ab12Cd34Ef' });
  // Secrets with other characters or lengths are ignored, as wp-embed.js ignores them.
  assert.equal(parseFrameHash('#?secret=Ab12Cd34E!').secret, null);
  assert.equal(parseFrameHash('#?secret=Ab12Cd34Ef99').secret, null);
  assert.equal(parseFrameHash('#id=<script>').id, 'embed');
});

test('one height becomes the three dialects, each valid under its schema', () => {
  // The frame's live address carries the reader's scenario (mirrored as they type) and the secret: neither is sent.
  const m = resizeMessages(
    611.2,
    { id: 'w1', secret: 'Ab12Cd34Ef' },
    'https://x.example/embed/v1/position/?margin=4321.77&side=short#?secret=Ab12Cd34Ef',
  );
  assert.deepEqual(m.ours, { source: 'leveragelab', v: 1, type: 'resize', id: 'w1', height: 612 });
  assert.ok(z.safeParse(resizeMessageSchema, m.ours).success);
  assert.deepEqual(m.wordpress, { message: 'height', value: 612, secret: 'Ab12Cd34Ef' });
  assert.ok(z.safeParse(wordpressHeightSchema, m.wordpress).success);
  assert.deepEqual(JSON.parse(m.embedly), {
    context: 'iframe.resize',
    src: 'https://x.example/embed/v1/position/',
    height: 612,
  });
  assert.equal(resizeMessages(500, { id: 'w1', secret: null }, 'https://x.example/e/').wordpress, null);
  for (const message of [m.ours, m.wordpress, m.embedly]) assert.doesNotMatch(JSON.stringify(message), /4321|short/);
});

test('only a well-formed set-theme with light or dark is accepted by a frame', () => {
  const ok = { source: 'leveragelab', v: 1, type: 'set-theme', theme: 'dark' };
  assert.ok(z.safeParse(setThemeMessageSchema, ok).success);
  for (const bad of [
    { ...ok, theme: 'javascript:alert(1)' },
    { ...ok, v: 2 },
    { ...ok, source: 'evil' },
    { ...ok, type: 'navigate', url: 'https://evil.example' },
    'set-theme dark',
    null,
  ]) {
    assert.equal(z.safeParse(setThemeMessageSchema, bad).success, false, JSON.stringify(bad));
  }
});

test('the frame’s hand-written guards agree with the protocol’s zod schemas', async () => {
  const { isSetTheme, isWordpressReady } = await import('../messages.ts');
  const { wordpressReadySchema } = await import('../protocol.ts');
  const message = fc.record(
    {
      source: fc.constantFrom('leveragelab', 'other', 1),
      v: fc.constantFrom(1, 2, '1'),
      type: fc.constantFrom('set-theme', 'resize', 'navigate'),
      theme: fc.constantFrom('light', 'dark', 'auto', '', 0),
      message: fc.constantFrom('ready', 'height'),
      secret: fc.constantFrom('Ab12Cd34Ef', 'Ab12Cd34E!', 'short', 12),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.oneof(message, fc.anything()), (data) => {
      const theme = isSetTheme(data) === z.safeParse(setThemeMessageSchema, data).success;
      const ready =
        isWordpressReady(data, 'Ab12Cd34Ef') ===
        (z.safeParse(wordpressReadySchema, data).success && (data as { secret?: unknown }).secret === 'Ab12Cd34Ef');
      return theme && ready;
    }),
    { numRuns: 2000 },
  );
});
