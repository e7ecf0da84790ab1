/**
 * The order-fills model on the shipped hourly windows. Expected values are worked by hand from the rows named in each
 * test (content/market-data/crash-windows/w1_2020-03-12_black-thursday_1h.csv; candle numbers count data rows from 1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeOrderFills, LOADING, type OrderFillsModelResult } from '../model.ts';
import { orderFillsParams, WINDOW_IDS, type OrderFillsValues } from '../params.ts';
import { WINDOWS, marketWindow, type MarketWindow } from '../../Replay/windows.ts';
import { GARBAGE_VALUES } from './garbage.ts';

const DATA_DIR = new URL('../../../../content/market-data/crash-windows/', import.meta.url);
const ALL: Record<string, MarketWindow> = Object.fromEntries(
  WINDOWS.map((w) => [w.id, marketWindow(w.id, readFileSync(new URL(w.file, DATA_DIR), 'utf8'))]),
);

function run(patch: Partial<OrderFillsValues> = {}): OrderFillsModelResult {
  const out = computeOrderFills({ ...orderFillsParams.defaults, ...patch }, ALL);
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.value;
}
const order = (r: OrderFillsModelResult, id: string) => {
  const o = r.orders.find((x) => x.id === id);
  assert.ok(o, id);
  return o;
};

test('defaults: on Black Thursday the stop-markets fill at 06:00 UTC, the stop-limit never does', () => {
  // Entry: candle 24 (2020-03-11T23:00Z), perpetual close 7,938.39. Stop 5 %: 7,938.39 × 0.95 = 7,541.4705.
  // Candle 31 (2020-03-12T06:00Z): last open 7,650.78, low 7,460.00; mark open 7,646.77, low 7,458.49: both stops
  // trigger inside it and fill at 7,541.4705. PnL: 10,000 of position, −5 % = −500 USDT.
  const r = run();
  assert.equal(r.entryPrice, '7938.39');
  assert.equal(r.entryTime, '2020-03-11 23:00 UTC');
  for (const id of ['stop-last', 'stop-mark']) {
    const o = order(r, id);
    assert.equal(o.fillCandle, 31, id);
    assert.equal(o.fillTime, '2020-03-12 06:00 UTC');
    assert.equal(o.fillPrice, '7541.4705');
    // 10,000 × (7,541.4705 / 7,938.39 − 1) = −500 exactly, up to the 40-digit division of q = 10,000 / 7,938.39.
    assert.ok(Math.abs(Number(o.pnl) + 500) < 1e-30, String(o.pnl));
    assert.equal(o.closes, true);
  }
  // Limit 7,541.4705 × 0.995 = 7,503.7631475. Candle 31 trades down to 7,460.00 (past it) and closes at 7,502.00;
  // candle 32's high is 7,502.15 and no later high reaches 7,503.77: never filled.
  const sl = order(r, 'stop-limit');
  assert.equal(sl.status, 'not-filled');
  assert.equal(sl.triggerCandle, 31);
  assert.equal(sl.levels, '7,541.47 / 7,503.76 USDT');
  assert.match(sl.sentence, /never filled\. On candle 31 \(2020-03-12 06:00 UTC\) the price fell from 7,650\.78 USDT/);
  // Liquidation 7,938.39 × 0.9 / 0.995 = 7,180.4532663…; mark lows 7,345.47, 7,315.47, 7,341.95 (candles 32–34),
  // then 5,620.86 at candle 35 (2020-03-12T10:00Z).
  assert.match(r.liquidationPrice ?? '', /^7180\.453266/);
  assert.equal(r.liquidation?.candle, 35);
  assert.equal(r.liquidation?.pnl, '-1000');
  assert.match(sl.sentence, /The position stayed open and was liquidated on candle 35 \(2020-03-12 10:00 UTC\)\.$/);
  // Take-profit 10 %: 8,732.229; the highest last price after entry in this window is below it.
  assert.equal(order(r, 'take-profit').status, 'not-triggered');
});

test('the result is plain JSON, so the server can hand it to the browser', () => {
  const r = run();
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

test('the loading state and field errors keep the result shape', () => {
  const out = computeOrderFills(orderFillsParams.defaults, {});
  assert.deepEqual(out, { ok: false, errors: { [LOADING]: 'Loading the price path…' } });
  for (const [field, values] of Object.entries(GARBAGE_VALUES)) {
    for (const value of values) {
      const bad = computeOrderFills({ ...orderFillsParams.defaults, [field]: value }, ALL);
      assert.equal(bad.ok, false, `${field} = ${value}`);
      if (!bad.ok) assert.ok(bad.errors[field], `${field} = ${value}: ${JSON.stringify(bad.errors)}`);
    }
  }
  // The last candle cannot be the entry: nothing follows it (96 candles).
  const late = computeOrderFills({ ...orderFillsParams.defaults, entry: '96' }, ALL);
  assert.ok(!late.ok && late.errors['entry']);
});

test('a short mirrors the words: its stops wait for a rise', () => {
  const r = run({ side: 'short', entry: '36' });
  for (const o of r.orders) assert.ok(!/NaN|Infinity|undefined/.test(o.sentence), o.sentence);
  assert.ok(r.orders.every((o) => o.sentence.length > 40));
});

test('every shipped window gives a result at its defaults', () => {
  for (const id of WINDOW_IDS) assert.ok(run({ window: id }).orders.length === 4, id);
});
