import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oembedResponse, embedPaths } from '../oembed.ts';
import { cardFor, cardSvg, wrap } from '../cards.ts';
import { presets } from '../presets.ts';
import { widgets } from '../../widgets/registry.ts';
import { computePosition } from '../../widgets/PositionCalculator/model.ts';
import { positionParams } from '../../widgets/PositionCalculator/params.ts';

const site = new URL('https://leveragelab.example');

test('every widget and preset has a rich oEmbed with html, width and height (required for rich)', () => {
  for (const w of widgets) {
    for (const presetId of [undefined, ...(presets[w.id] ?? []).map((p) => p.id)]) {
      const body = oembedResponse(site, presetId ? { widgetId: w.id, presetId } : { widgetId: w.id });
      assert.equal(body.type, 'rich');
      assert.ok(body.width > 0 && body.height > 0 && body.height <= 1000);
      assert.match(body.html, /^<blockquote><p>[^<]+<\/p><a href="https:\/\/leveragelab\.example\/tools\//);
      assert.match(
        body.html,
        /<iframe src="https:\/\/leveragelab\.example\/embed\/v1\/[^"]+" width="720" height="\d+" title="[^"]+" frameborder="0"><\/iframe>$/,
      );
      // Only the attributes WordPress keeps.
      assert.doesNotMatch(body.html, / sandbox=| style=|<script/);
    }
  }
});

test('paths of a preset', () => {
  assert.deepEqual(embedPaths({ widgetId: 'position', presetId: 'ten-x-long' }), {
    embed: '/embed/v1/position/ten-x-long/',
    oembed: '/oembed/position/ten-x-long.json',
    card: '/cards/position/ten-x-long.png',
    tool: '/tools/position/',
  });
});

test('a card’s key numbers are the widget model’s numbers', () => {
  const preset = presets['position']?.[1];
  assert.ok(preset);
  const card = cardFor('position', preset.params, preset.title);
  const out = computePosition({ ...positionParams.defaults, ...preset.params });
  assert.ok(out.ok);
  assert.equal(card.figures[0]?.[1], `${out.value.netPnl.toFixed(2)} USDT`);
  assert.match(cardSvg(card), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
});

test('card text is escaped and wrapped', () => {
  const svg = cardSvg({ title: '<script>&', scenario: 'x', figures: [] });
  assert.ok(svg.includes('&lt;script&gt;&amp;'));
  assert.deepEqual(wrap('aa bb cc dd', 5), ['aa bb', 'cc dd']);
});
