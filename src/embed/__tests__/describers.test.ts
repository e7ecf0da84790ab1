/**
 * Real fallbacks for every widget: one describer per widget (src/embed/describers/<id>.ts, through the widget's own
 * model), at least two named presets whose parameters the widget's schema accepts, and card text that fits its card.
 * The registry is read at run time, so a widget added to it without these fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { widgets } from '../../widgets/registry.ts';
import { paramsSchema } from '../../widgets/shared/paramsSchema.ts';
import { describers } from '../describers/index.ts';
import { presetsFor } from '../presets.ts';
import { cardFor, wrap, CARD_TEXT } from '../cards.ts';
import { oembedResponse } from '../oembed.ts';

const describersDir = new URL('../describers/', import.meta.url);

test('every widget in the registry has exactly one describer, in its own file, that goes through its model', () => {
  assert.deepEqual(Object.keys(describers).sort(), widgets.map((w) => w.id).sort());
  for (const w of widgets) {
    const file = new URL(`${w.id}.ts`, describersDir);
    assert.ok(existsSync(file), `src/embed/describers/${w.id}.ts`);
    const source = readFileSync(file, 'utf8');
    assert.match(source, new RegExp(`from '\\.\\./\\.\\./widgets/${w.island}/model\\.ts'`), `${w.id} uses its model`);
    // No maths of its own: the numbers are the model's (Decimal arithmetic is banned outside src/calc).
    assert.doesNotMatch(source, /\.(plus|minus|times|div|dividedBy|mul|sub|add|pow|abs|neg|negated|mod|sqrt)\(/, w.id);
  }
});

test('every widget has at least two named presets, each accepted as is by the widget’s parameter schema', () => {
  for (const w of widgets) {
    const presets = presetsFor(w.id);
    assert.ok(presets.length >= 2, `${w.id} has ${presets.length} presets`);
    assert.equal(new Set(presets.map((p) => p.id)).size, presets.length, `${w.id}: preset ids are unique`);
    const schema = paramsSchema(w.params).strict();
    for (const p of presets) {
      assert.match(p.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${w.id}/${p.id}: a path segment`);
      const parsed = schema.safeParse(p.params);
      assert.ok(parsed.success, `${w.id}/${p.id}: ${JSON.stringify(parsed.error?.issues)}`);
    }
    // Presets are public paths (v1): one that repeats the defaults stays, but a widget needs one that does not.
    const differs = (p: (typeof presets)[number]) =>
      Object.entries(p.params).some(([k, v]) => (w.params.defaults as Record<string, string>)[k] !== v);
    assert.ok(presets.some(differs), `${w.id}: a preset other than the default scenario`);
  }
});

test('every scenario’s card and blockquote read as a sentence with numbers, and fit the card', () => {
  const site = new URL('https://leveragelab.example');
  for (const w of widgets) {
    for (const p of [undefined, ...presetsFor(w.id)]) {
      const name = `${w.id}/${p?.id ?? '(default)'}`;
      const card = cardFor(w.id, p?.params ?? {}, p?.title);
      assert.match(card.scenario, /^[A-Z“].{40,}[.)]$/s, `${name}: a sentence`);
      if (w.id !== 'us-access') assert.match(card.scenario, /\d/, `${name}: carries numbers`);
      const titleLines = wrap(card.title, CARD_TEXT.titleWidth).length;
      assert.ok(titleLines <= CARD_TEXT.titleLines, `${name}: title fits`);
      const lines = titleLines + wrap(card.scenario, CARD_TEXT.scenarioWidth).length;
      assert.ok(lines <= CARD_TEXT.textLines, `${name}: title and scenario take ${lines} lines`);
      assert.ok(card.figures.length <= 3, name);
      for (const [label, value] of card.figures) {
        assert.ok(label.length <= 26 && value.length <= 24, `${name}: ${label} / ${value} fit a third of the card`);
      }
      const oembed = oembedResponse(site, p ? { widgetId: w.id, presetId: p.id } : { widgetId: w.id });
      assert.ok(oembed.html.startsWith(`<blockquote><p>${card.scenario.replace(/&/g, '&amp;')}`), name);
    }
  }
});

test('the liquidation card states the liquidation price and its distance from entry (worked by hand)', () => {
  const card = cardFor('liquidation', {});
  // Defaults: isolated long, 1,000 USDT margin at 10x from 60,000 USDT, Binance BTCUSDT rule, no close fee.
  // Notional 10,000 USDT (tier 1 of Binance's 2021-03-18 table: rate 0.4 %, amount 0), q = 10,000 / 60,000 = 1/6 BTC.
  // Binance isolated long: LP = (WB + cum − q·E) / (q·MMR − q) = (1,000 − 10,000) / ((1/6)(0.004 − 1))
  // = 54,000 / 0.996 = 54,216.867… USDT; distance 54,216.867 / 60,000 − 1 = −9.6386 % → 9.64 % below.
  // Bankruptcy: 1,000 + (1/6)(P − 60,000) = 0 → P = 54,000 USDT.
  // Source: https://www.binance.com/en/support/faq/how-to-calculate-liquidation-price-of-usd%E2%93%A2-m-futures-contracts-b3c689c1f50a44cabb3a84e663b81d93
  assert.deepEqual(card.figures, [
    ['Liquidation price', '54,216.87 USDT'],
    ['Distance from entry', '9.64% below'],
    ['Bankruptcy price', '54,000.00 USDT'],
  ]);
  assert.match(card.scenario, /is liquidated at 54,216\.87 USDT, 9\.64% below entry/);
});
