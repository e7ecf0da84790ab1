import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oembedResponse, embedPaths } from '../oembed.ts';
import { cardFor, cardSvg, wrap } from '../cards.ts';
import { presets } from '../presets.ts';
import { widgets } from '../../widgets/registry.ts';

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

test('a card’s scenario and key numbers, worked by hand for the 50x short preset', () => {
  const preset = presets['position']?.find((p) => p.id === 'fifty-x-short');
  assert.ok(preset);
  const card = cardFor('position', preset.params, preset.title);
  // Short, linear, margin 200 USDT at 50x, entry 60,000 (default), exit 60,600, fee 0.05 %, maintenance 0.5 %.
  // Notional = 200 × 50 = 10,000 USDT; quantity = 10,000 / 60,000 = 1/6 BTC.
  // PnL = q × (entry − exit) = (1/6) × (−600) = −100; fees = 0.0005 × 10,000 + 0.0005 × (1/6 × 60,600 = 10,100)
  // = 5 + 5.05 = 10.05; net = −110.05 USDT. Net return on margin = −110.05 / 200 = −55.025 % → −55.03 %.
  // Isolated short liquidates when margin + q × (entry − P) = mmr × q × P (Binance, no maintenance amount at this
  // size): P = (200 + 10,000) / ((1/6) × 1.005) = 61,200 / 1.005 = 60,895.5223… USDT.
  assert.equal(
    card.scenario,
    'A 50x short of 10,000.00 USDT on 200.00 USDT of margin, from 60,000.00 USDT to 60,600.00 USDT, makes ' +
      '-110.05 USDT after fees (-55.03% of the margin); it is liquidated at 60,895.52 USDT.',
  );
  assert.deepEqual(card.figures, [
    ['PnL after fees', '-110.05 USDT'],
    ['Return on margin', '-55.03%'],
    ['Liquidation price', '60,895.52 USDT'],
  ]);
  assert.match(cardSvg(card), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
});

test('card text is escaped and wrapped', () => {
  const svg = cardSvg({ title: '<script>&', scenario: 'x', figures: [] });
  assert.ok(svg.includes('&lt;script&gt;&amp;'));
  assert.deepEqual(wrap('aa bb cc dd', 5), ['aa bb', 'cc dd']);
});

test('declared heights: the measured height at 720 px, clamped at 1000, never a ratio WordPress crops', async () => {
  const { declaredHeight } = await import('../oembed.ts');
  assert.equal(declaredHeight(654), 654);
  assert.equal(declaredHeight(2266), 1000);
  // 720 × 3/4 = 540 (4:3) and 720 × 9/16 = 405 (16:9) are both cropped by the editor.
  assert.equal(declaredHeight(540), 541);
  assert.equal(declaredHeight(405), 406);
});
