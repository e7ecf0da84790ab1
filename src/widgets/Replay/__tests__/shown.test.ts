/**
 * The replay's first result travels in the page (hydrate.ts) and the view formats exact decimal strings (shown.ts):
 * figures worked by hand from the shipped Binance rows (see model.test.ts for the arithmetic), the digit rule of prices
 * worked by hand, and the JSON round trip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeReplay, showReplay } from '../model.ts';
import { replayParams } from '../params.ts';
import { WINDOWS, marketWindow, type MarketWindow } from '../windows.ts';
import { resultBlockText, resultFromBlock } from '../hydrate.ts';
import { priceText } from '../shown.ts';

const DATA_DIR = new URL('../../../../content/market-data/crash-windows/', import.meta.url);
const info = WINDOWS.find((w) => w.id === 'btc-2020-03');
assert.ok(info);
const w1: MarketWindow = marketWindow(info.id, readFileSync(new URL(info.file, DATA_DIR), 'utf8'));

function shownDefaults() {
  const out = computeReplay(replayParams.defaults, { windows: { [w1.id]: w1 }, random: null, csv: null });
  assert.ok(out.ok);
  return showReplay(out.value);
}

test('the view gets exact decimal strings: the defaults are liquidated and lose the whole 1,000 USDT margin', () => {
  // Entry: candle 24's perpetual close, 7,938.39; liquidation 7,938.39 × (1 − 1/10) / (1 − 0.005) = 7,180.4532663…
  const r = shownDefaults();
  assert.equal(r.entryPrice, '7938.39');
  assert.match(r.liquidation ?? '', /^7180\.4532663/);
  assert.equal(r.finalPnl, '-1000');
  assert.equal(r.loss, true);
  assert.equal(r.leverage, '10');
  assert.equal(r.balance, '1000');
  assert.equal(r.end?.kind, 'liquidation');
  assert.equal(r.end?.index, 34);
  // Before entry there is no position: no equity.
  assert.equal(r.equity[0], null);
  assert.ok(
    r.equity.every((e) => e === null || /^-?\d+(\.\d+)?$/.test(e)),
    'plain decimals, never exponents',
  );
});

test('the first result travels in the page as JSON and comes back the same, on its window', () => {
  const r = shownDefaults();
  const text = resultBlockText(r);
  assert.ok(!text.includes('<'), 'no raw < inside a script block');
  assert.ok(!text.includes('"candles"'), 'the candles travel once, in the window block');
  assert.deepEqual(resultFromBlock(text, w1), r);
});

test('prices get up to 4 digits below 10 and 2 from 10 up', () => {
  assert.equal(priceText(null), 'none');
  assert.equal(priceText('7938.39'), '7,938.39 USDT');
  assert.equal(priceText('0.5'), '0.50 USDT');
  assert.equal(priceText('0.123456'), '0.1235 USDT');
  assert.equal(priceText('-9.5'), '-9.50 USDT');
  assert.equal(priceText('10'), '10.00 USDT');
  assert.equal(priceText('9.99'), '9.99 USDT');
  assert.equal(priceText('9.98765'), '9.9877 USDT');
  // Just below 10 the 4 digits round up to 10.0000, shown as 10.00 like a price of 10 itself.
  assert.equal(priceText('9.999999995'), '10.00 USDT');
  // Candle prices are floats.
  assert.equal(priceText(0.5), '0.50 USDT');
  assert.equal(priceText(42000), '42,000.00 USDT');
});
