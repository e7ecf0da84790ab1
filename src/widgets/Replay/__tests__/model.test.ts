import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liquidationPrice, positionFromMargin, replay } from '../../../calc/index.ts';
import { computeReplay, type ReplayModelResult } from '../model.ts';
import { replayParams, type ReplayValues } from '../params.ts';
import { HISTORICAL_IDS, historical, historicalCandles, loadRandom, loadScenario } from '../scenarios.ts';
import { randomCandles } from '../random.ts';
import { parseCandles, type ParsedCandle } from '../csv.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';

const base = replayParams.defaults;

function run(patch: Partial<ReplayValues> = {}, csv: ParsedCandle[] | null = null): ReplayModelResult {
  const out = computeReplay({ ...base, ...patch }, csv);
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.value;
}

test('defaults: a 10x long opened at the 8 March 2020 close is liquidated on 12 March, as the calc replay says', () => {
  const r = run();
  const scenario = historical('btc-2020-03');
  assert.ok(scenario);
  const candles = historicalCandles(scenario);
  const entry = candles[7]?.close ?? 0;
  assert.equal(entry, 8108.116211);
  const { quantity } = positionFromMargin({ margin: 1000, leverage: 10, price: entry });
  const liq = liquidationPrice({
    side: 'long',
    quantity,
    entryPrice: entry,
    marginMode: 'isolated',
    leverage: 10,
    maintenanceMarginRate: 0.005,
  });
  const expected = replay({
    position: { side: 'long', entryPrice: entry, liquidationPrice: liq.price ?? undefined },
    candles: candles.slice(8),
  });
  assert.equal(expected.outcome, 'liquidation');
  assert.equal(r.end?.kind, 'liquidation');
  assert.equal(r.end?.index, 8 + (expected.candleIndex ?? -99));
  assert.equal(r.candles[r.end?.index ?? 0]?.time, '2020-03-12');
  assert.equal(r.liquidation?.toFixed(), liq.price?.toFixed());
  assert.equal(r.finalPnl.toFixed(), '-1000');
});

test('a 5% stop fires first, on 9 March, when the low of 7,690 passes 7,702.71', () => {
  const r = run({ stop: '5' });
  assert.equal(r.end?.kind, 'stop');
  assert.equal(r.candles[r.end?.index ?? 0]?.time, '2020-03-09');
  assert.equal(r.end?.price.toFixed(2), '7702.71');
  assert.equal(r.finalPnl.toFixed(2), '-500.00');
});

test('cross margin with an extra balance moves liquidation further away but loses the extra too', () => {
  const iso = run();
  const cross = run({ mode: 'cross', extra: '1000' });
  assert.ok(cross.liquidation && iso.liquidation && cross.liquidation.lt(iso.liquidation));
  assert.equal(cross.end?.kind, 'liquidation');
  assert.equal(cross.balance.toFixed(), '2000');
  assert.equal(cross.finalPnl.toFixed(), '-2000');
  // With a large enough balance the position survives the crash.
  const rich = run({ mode: 'cross', extra: '100000' });
  assert.equal(rich.end, null);
});

test('a short takes profit at 20% on 12 March, and equity freezes once the position is closed', () => {
  const r = run({ side: 'short', tp: '20' });
  assert.equal(r.end?.kind, 'takeProfit');
  assert.equal(r.candles[r.end?.index ?? 0]?.time, '2020-03-12');
  assert.equal(r.finalPnl.toFixed(2), '2000.00');
  assert.equal(r.equity[6], null);
  assert.equal(r.equity[7]?.toFixed(), '1000');
  const end = r.end?.index ?? 0;
  for (let i = end; i < r.candles.length; i++) assert.equal(r.equity[i]?.toFixed(2), '3000.00');
});

test('May 2021 loads on demand; a 10x long from 1 May is liquidated on 12 May', async () => {
  const before = computeReplay({ ...base, scenario: 'btc-2021-05', entry: '1' });
  if (!historical('btc-2021-05')) assert.ok(!before.ok && before.errors['loading']);
  await loadScenario('btc-2021-05');
  const r = run({ scenario: 'btc-2021-05', entry: '1' });
  assert.equal(r.end?.kind, 'liquidation');
  assert.equal(r.candles[r.end?.index ?? 0]?.time, '2021-05-12');
  assert.equal(r.historical?.source.repository, '12saga34/Bitcoin_price_prediction');
});

test('random paths are reproducible from the seed, valid candles, and differ between seeds', async () => {
  const before = computeReplay({ ...base, scenario: 'random' });
  assert.ok(!before.ok && before.errors['loading']);
  await loadRandom();
  const a = randomCandles(7, 0.8);
  assert.deepEqual(a, randomCandles(7, 0.8));
  assert.notDeepEqual(a, randomCandles(8, 0.8));
  assert.equal(a.length, 60);
  for (const c of a) {
    assert.ok(c.low <= Math.min(c.open, c.close) && c.high >= Math.max(c.open, c.close));
  }
  for (let i = 1; i < a.length; i++) assert.equal(a[i]?.open, a[i - 1]?.close);
  const r = run({ scenario: 'random', seed: '7' });
  assert.equal(r.candles.length, 60);
});

test('shipped scenarios are valid, cited candles', async () => {
  for (const { id, title } of HISTORICAL_IDS) {
    const s = await loadScenario(id);
    assert.ok(s);
    assert.equal(s.title, title);
    const csv = s.candles.map((c) => `${c.time},${c.open},${c.high},${c.low},${c.close}`).join('\n');
    const parsed = parseCandles(`time,open,high,low,close\n${csv}`);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.error));
    assert.match(s.source.url, new RegExp(`^https://github.com/${s.source.repository}/blob/${s.source.commit}/`));
  }
});

test('your own candles replay like any other path; without them the CSV field asks for them', () => {
  const parsed = parseCandles('time,open,high,low,close\n1,100,101,99,100\n2,100,100,80,85\n3,85,90,84,88\n');
  assert.ok(parsed.ok);
  const r = run({ scenario: 'csv', entry: '1' }, parsed.candles);
  assert.equal(r.end?.kind, 'liquidation');
  assert.equal(r.end?.index, 1);
  const missing = computeReplay({ ...base, scenario: 'csv' }, null);
  assert.ok(!missing.ok && missing.errors['csv']);
});

test('bad inputs come back as messages on the right field', () => {
  const errors = (patch: Partial<ReplayValues>) => {
    const out = computeReplay({ ...base, ...patch });
    assert.ok(!out.ok, JSON.stringify(patch));
    return out.errors;
  };
  assert.ok(errors({ entry: '0' })['entry']);
  assert.ok(errors({ entry: '25' })['entry']);
  assert.ok(errors({ entry: '2.5' })['entry']);
  assert.ok(errors({ entry: 'abc' })['entry']);
  assert.ok(errors({ leverage: '0' })['leverage']);
  assert.ok(errors({ leverage: '1e999' })['leverage']);
  assert.ok(errors({ margin: '-5' })['margin']);
  assert.ok(errors({ stop: 'abc' })['stop']);
  assert.ok(errors({ stop: '0' })['stop']);
  assert.ok(errors({ stop: '100' })['stop']);
  assert.ok(errors({ tp: '-5' })['tp']);
  assert.ok(errors({ mmr: '' })['mmr']);
  assert.ok(errors({ mode: 'cross', extra: '-5' })['extra']);
  // (The random generator is loaded by the test above.)
  assert.ok(errors({ scenario: 'random', seed: '1.5' })['seed']);
  assert.ok(errors({ scenario: 'random', vol: '0' })['vol']);
  // 200x at 0.5% maintenance is refused by the calc module.
  assert.ok(errors({ leverage: '200' })['leverage']);
});

test('URL parameters round-trip, and an empty stop means none', () => {
  const values = { ...base, scenario: 'random' as const, seed: '99', stop: '3', side: 'short' as const };
  assert.deepEqual(parseParams(replayParams, serializeParams(replayParams, values)).values, values);
  const parsed = parseParams(replayParams, '?stop=&tp=abc&scenario=nope');
  assert.equal(parsed.values.stop, '');
  assert.equal(parsed.values.tp, '');
  assert.equal(parsed.values.scenario, 'btc-2020-03');
  assert.equal(parsed.notes.length, 2);
});
