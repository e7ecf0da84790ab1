/**
 * The sandbox's model: parsing, field errors and the shaping of calc's result. Expected figures are worked by hand in
 * the comments (the walk itself is tested in src/calc/__tests__/marginModes*.test.ts).
 *
 * The default scenario, used throughout: wallet 2,000, 0.5 % maintenance, market −10 %; BTC long 10,000 at 60,000,
 * 10x (margin 1,000), own move −4 % (−14 % in all); ETH long 5,000 at 3,000, 10x (margin 500), −10 %; SOL long 2,000
 * at 150, 5x (margin 400), −10 %. Margins 1,900, so 100 of the wallet is free in isolated mode.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeSandbox, type SandboxResult } from '../model.ts';
import { chartFor } from '../chart.ts';
import { marginModesParams, type MarginModesValues } from '../params.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';

const base = marginModesParams.defaults;

function run(patch: Partial<MarginModesValues> = {}): SandboxResult {
  const out = computeSandbox({ ...base, ...patch });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.value;
}

function errors(patch: Partial<MarginModesValues>): Record<string, string> {
  const out = computeSandbox({ ...base, ...patch });
  assert.ok(!out.ok, `expected an error for ${JSON.stringify(patch)}`);
  return out.errors;
}

test('defaults: isolated BTC goes first, then the whole cross account, then isolated ETH', () => {
  const r = run();
  assert.deepEqual(
    r.events.map((e) => `${e.mode} ${e.asset}`),
    ['isolated BTC', 'cross BTC', 'isolated ETH'],
  );
  // Isolated 10x long at 0.5 %: 1000 + 10000·d − 50·(1 + d) = 0 → d = −19/199 = −9.5477…%, at 60000 × 0.9 / 0.995.
  const btc = r.isolated[0];
  assert.ok(btc);
  assert.equal(btc.liquidation?.toFixed(6), '54271.356784');
  // BTC moves −14 % in all, so it gets there (19/199) / 0.14 = 950/1393 of the way.
  assert.equal(btc.liquidatedAt?.toFixed(10), '0.6819813352');
  assert.equal(r.events[0]?.assetMove.toFixed(10), '-0.0954773869');
  assert.equal(r.events[0]?.atPercent.toFixed(4), '68.1981');
  assert.equal(r.crossEquity.toFixed(), '0');
});

test('isolated caps each loss at the margin; cross loses the whole wallet', () => {
  const r = run();
  // BTC and ETH liquidated: 1,000 + 500 of margin gone. Left: the 100 USDT not used as margin, plus SOL
  // (2,000 at 5x = 400 margin) still open at −10 %, 400 − 200 = 200.
  assert.equal(r.isolatedEquity.toFixed(2), '300.00');
  assert.equal(r.isolatedLost.toFixed(2), '1700.00');
  assert.equal(r.isolatedChange.toFixed(2), '-1700.00');
  assert.equal(r.isolatedMarginLost.toFixed(2), '1500.00');
  assert.deepEqual(
    r.isolated.map((row) => [row.equity.toFixed(), row.pnl.toFixed()]),
    [
      ['0', '-1000'],
      ['0', '-500'],
      ['200', '-200'],
    ],
  );
  assert.equal(r.events.find((e) => e.mode === 'cross')?.lost.toFixed(), '2000');
  assert.equal(r.crossLost.toFixed(), '2000');
});

test('the cross account goes 3830/4179 of the way, with every position at its liquidation price then', () => {
  const r = run();
  // Cross health 2000 + Σ N·d·t − 0.005·Σ N·(1 + d·t) = 1915 − 2089.5·t → t = 1915 / 2089.5 = 3830/4179.
  assert.equal(r.crossLiquidatedAt?.toFixed(10), '0.9164871979');
  // BTC then: 60000 × (1 − 0.14 t) = 52,301.5075…; ETH 3000 × (1 − 0.1 t) = 2,725.0538…; SOL 136.2527….
  assert.deepEqual(
    r.cross.map((row) => row.price.toFixed(4)),
    ['52301.5075', '2725.0538', '136.2527'],
  );
  assert.deepEqual(
    r.cross.map((row) => row.liquidationNow?.toFixed(4)),
    ['52301.5075', '2725.0538', '136.2527'],
  );
  // BTC's move then, −0.14 t = −12.83 %.
  assert.equal(r.events[1]?.assetMove.toFixed(4), '-0.1283');
});

test('a losing position drags the others’ cross liquidation prices towards their marks', () => {
  const r = run({ market: '-5' });
  const eth = r.cross[1];
  assert.ok(eth);
  // At entry the others add 2000 − 50 − 10 = 1940: (5/3)(P − 3000) + 1940 = 0.005·(5/3)·P → P = 9180 / 4.975.
  assert.equal(eth.liquidationAtEntry?.toFixed(4), '1845.2261');
  // At the end BTC is at 54,600 (−900 PnL, 45.5 maintenance) and SOL at 142.5 (−100, 9.5): 2000 − 1055 = 945 →
  // P = (5000 − 945) / ((5/3) × 0.995) = 12165 / 4.975 = 2,445.2261…, closer to ETH's 2,850.
  assert.equal(eth.liquidationNow?.toFixed(4), '2445.2261');
  assert.equal(eth.price.toFixed(), '2850');
});

test('the verdict is computed from the results and changes with the market move', () => {
  assert.equal(
    run({ market: '-10' }).verdict,
    'Cross kept BTC open longer (to -12.83% instead of -9.55%) but lost the whole 2,000.00 USDT wallet when BTC had ' +
      'fallen 12.83%; isolated lost only the BTC and ETH margins (1,500.00 USDT) and kept SOL open.',
  );
  // −7 %: BTC −11 % passes −9.55 %; ETH and SOL at −7 % do not. Isolated: 100 + (500 − 350) + (400 − 140) = 510.
  // Cross: 2000 − 1100 − 350 − 140 = 410, above the requirement 0.005 × (8900 + 4650 + 1860) = 77.05.
  assert.equal(
    run({ market: '-7' }).verdict,
    'Isolated liquidated BTC when it had fallen 9.55%, losing its 1,000.00 USDT margin; cross kept every position ' +
      'open and ends with 410.00 USDT against isolated’s 510.00 USDT.',
  );
  // −5 %: BTC −9 %, nothing reaches a liquidation price; both end at 2000 − 900 − 250 − 100 = 750.
  assert.equal(
    run({ market: '-5' }).verdict,
    'Nothing was liquidated in either mode: both accounts end with 750.00 USDT. Margin mode only makes a difference ' +
      'once a position nears its liquidation price.',
  );
});

test('a larger wallet lets cross survive a move that liquidates an isolated position', () => {
  const r = run({ wallet: '6000' });
  assert.equal(r.crossLiquidatedAt, null);
  assert.deepEqual(
    r.events.map((e) => `${e.mode} ${e.asset}`),
    ['isolated BTC', 'isolated ETH'],
  );
  // Cross equity = wallet + every PnL at the end: BTC −14 % of 10,000, ETH and SOL −10 % of 5,000 and 2,000.
  assert.equal(r.crossEquity.toFixed(2), '3900.00');
  // Isolated: 6000 − 1900 free + SOL's 200 = 4,300.
  assert.equal(r.isolatedEquity.toFixed(2), '4300.00');
  assert.match(r.verdict, /^Isolated liquidated BTC and ETH \(BTC first, when it had fallen 9\.55%\)/);
});

test('lesson 5’s scenario: at ether −10 % both copies end at 2,400; at −20 % cross has lost twice as much', () => {
  // Wallet 3,000; BTC 6,000 at 60,000 and ETH 6,000 at 3,000, both 10x (600 margin each), 0.5 % maintenance.
  const lesson: Partial<MarginModesValues> = {
    wallet: '3000',
    count: '2',
    market: '0',
    p1size: '6000',
    p1move: '0',
    p2size: '6000',
    p2move: '-10',
  };
  // −10 %: isolated ETH goes at −9.55 % and loses its 600; cross loses 2 × 300 = 600 on paper: 2,400 both.
  const same = run(lesson);
  assert.equal(same.isolatedEquity.toFixed(), '2400');
  assert.equal(same.crossEquity.toFixed(), '2400');
  // −20 %: isolated still loses only the 600 margin; cross loses 2 × 600 = 1,200 and ends at 1,800.
  const apart = run({ ...lesson, p2move: '-20' });
  assert.equal(apart.isolatedEquity.toFixed(), '2400');
  assert.equal(apart.crossEquity.toFixed(), '1800');
});

test('a short gains when the market falls and is liquidated when it rises', () => {
  const r = run({ count: '4', market: '15', p1move: '0' });
  const xrp = r.isolated[3];
  assert.ok(xrp);
  assert.equal(xrp.position.side, 'short');
  // 5x short, margin 100: 100 − 500·d − 2.5·(1 + d) = 0 → d = 97.5 / 502.5 ≈ 19.4 %, not reached at +15 %.
  assert.equal(xrp.liquidatedAt, null);
  assert.equal(xrp.pnl.toFixed(), '-75');
  // BTC long +15 % of 10,000.
  assert.equal(r.cross[0]?.pnl.toFixed(), '1500');
});

test('the chart shows both equities every 5 % of the move, and a marker per liquidation', () => {
  const r = run();
  assert.deepEqual(
    r.curve.map((p) => p.at),
    Array.from({ length: 21 }, (_, k) => k * 5),
  );
  const chart = chartFor(r);
  // Start: both 2,000, requirement 0.005 × 17,000 = 85. End: isolated 300, cross 0 (liquidated), requirement
  // 0.005 × (8,600 + 4,500 + 1,800) = 74.50.
  assert.deepEqual(chart.table.rows[0], ['0%', '2,000.00 USDT', '2,000.00 USDT', '85.00 USDT']);
  assert.deepEqual(chart.table.rows.at(-1), ['100%', '300.00 USDT', '0.00 USDT', '74.50 USDT']);
  assert.deepEqual(
    chart.spec.markers?.map((m) => [m.x.toFixed(2), m.label]),
    [
      ['68.20', 'BTC isolated liquidated'],
      ['91.65', 'Cross account liquidated'],
      ['95.48', 'ETH isolated liquidated'],
    ],
  );
  assert.match(chart.summary, /liquidated 92% of the way\.$/);
});

test('bad inputs come back as messages on the right field', () => {
  assert.ok(errors({ wallet: 'abc' })['wallet']);
  assert.ok(errors({ wallet: '0' })['wallet']);
  assert.match(errors({ wallet: '1000' })['wallet'] ?? '', /margin/);
  assert.ok(errors({ mmr: '-1' })['mmr']);
  assert.ok(errors({ mmr: '' })['mmr']);
  assert.ok(errors({ market: '1e999' })['market']);
  assert.ok(errors({ p1size: '-5' })['p1size']);
  assert.ok(errors({ p2entry: '0' })['p2entry']);
  assert.ok(errors({ p3lev: '0' })['p3lev']);
  assert.ok(errors({ p1lev: '250' })['p1lev']);
  assert.ok(errors({ p1lev: '' })['p1lev']);
  // 200x at 0.5 % maintenance: the margin (0.5 %) is not above the requirement.
  assert.ok(errors({ p1lev: '200', wallet: '5000' })['p1lev']);
  assert.ok(errors({ p2move: 'abc' })['p2move']);
  assert.match(errors({ p1move: '-95' })['p1move'] ?? '', /above −100%/);
  assert.match(errors({ p3asset: 'ETH' })['p3asset'] ?? '', /already ETH/);
  // Position 4 is ignored while only three are shown.
  assert.ok(computeSandbox({ ...base, p4size: 'abc' }).ok);
  assert.ok(errors({ count: '4', p4size: 'abc' })['p4size']);
});

test('URL parameters round-trip and bad ones fall back to the defaults', () => {
  const values = { ...base, market: '-3', p2side: 'short' as const, count: '2' as const };
  const parsed = parseParams(marginModesParams, serializeParams(marginModesParams, values));
  assert.deepEqual(parsed.values, values);
  const bad = parseParams(marginModesParams, '?p1asset=LUNA&p1size=lots&count=9');
  assert.equal(bad.values.p1asset, 'BTC');
  assert.equal(bad.values.count, '3');
  assert.equal(bad.notes.length, 3);
});

test('property: any moves give finite figures or field errors, never NaN', () => {
  const move = fc.integer({ min: -99, max: 300 }).map(String);
  fc.assert(
    fc.property(move, move, move, move, fc.constantFrom('2', '3', '4'), (market, a, b, c, count) => {
      const out = computeSandbox({ ...base, market, p1move: a, p2move: b, p3move: c, count: count });
      if (!out.ok) {
        for (const message of Object.values(out.errors)) assert.doesNotMatch(message, /NaN|Infinity/);
        return;
      }
      const r = out.value;
      assert.doesNotMatch(r.verdict, /NaN|Infinity/);
      assert.ok(r.isolatedEquity.isFinite() && r.crossEquity.isFinite());
      assert.ok(r.isolatedEquity.gte(0) && r.crossEquity.gte(0));
      for (const e of r.events) assert.ok(e.at.gte(0) && e.at.lte(1));
    }),
    { numRuns: 150 },
  );
});
