import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal, liquidationPrice, pnl } from '../../../calc/index.ts';
import { computeSandbox, type SandboxResult } from '../model.ts';
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
  // Isolated 10x long at 0.5% maintenance: liquidated by a fall of 1 − 0.9 / 0.995 = 9.547…%.
  const btc = liquidationPrice({
    side: 'long',
    quantity: new Decimal(10000).div(60000),
    entryPrice: 60000,
    marginMode: 'isolated',
    leverage: 10,
    maintenanceMarginRate: 0.005,
  });
  const isoBtc = r.isolated[0];
  assert.ok(isoBtc && isoBtc.liquidation && btc.price && btc.distance);
  assert.equal(isoBtc.liquidation.toFixed(6), btc.price.toFixed(6));
  // BTC moves −14% in all (market −10%, own −4%), so it reaches −9.547% after 9.547 / 14 of the way.
  assert.equal(isoBtc.liquidatedAt?.toFixed(10), btc.distance.div(-0.14).toFixed(10));
  assert.equal(r.events[0]?.assetMove.toFixed(10), btc.distance.toFixed(10));
  assert.equal(r.crossEquity.toFixed(), '0');
});

test('isolated caps each loss at the margin; cross loses the whole wallet', () => {
  const r = run();
  // BTC and ETH liquidated: 1,000 + 500 of margin gone. Left: the 100 USDT not used as margin, plus SOL
  // (2,000 at 5x = 400 margin) still open at −10%, 400 − 200 = 200.
  assert.equal(r.isolatedEquity.toFixed(2), '300.00');
  for (const row of r.isolated) {
    if (row.liquidatedAt !== null) {
      assert.equal(row.equity.toFixed(), '0');
      assert.equal(row.pnl.toFixed(), row.position.margin.neg().toFixed());
    }
  }
  const lost = r.events.find((e) => e.mode === 'cross')?.lost;
  assert.equal(lost?.toFixed(), '2000');
});

test('at the cross liquidation point, equity equals the total maintenance requirement and the loser sits at its cross liquidation price', () => {
  const r = run();
  const t = r.crossLiquidatedAt;
  assert.ok(t);
  let equity = r.wallet;
  let requirement = new Decimal(0);
  for (const p of r.positions) {
    const price = p.entry.times(p.move.times(t).plus(1));
    equity = equity.plus(pnl({ side: p.side, quantity: p.quantity, entryPrice: p.entry, exitPrice: price }));
    requirement = requirement.plus(p.quantity.times(price).times(r.mmr));
  }
  assert.ok(equity.minus(requirement).abs().lt('1e-20'), equity.minus(requirement).toFixed());
  // The calc module's cross liquidation price for BTC, with ETH and SOL at their marks then, is BTC's price then.
  const [btc, ...others] = r.positions;
  assert.ok(btc);
  const liq = liquidationPrice({
    side: 'long',
    quantity: btc.quantity,
    entryPrice: btc.entry,
    marginMode: 'cross',
    walletBalance: r.wallet,
    maintenanceMarginRate: r.mmr,
    otherPositions: others.map((o) => ({
      side: o.side,
      quantity: o.quantity,
      entryPrice: o.entry,
      markPrice: o.entry.times(o.move.times(t).plus(1)),
      maintenanceMarginRate: r.mmr,
    })),
  });
  const btcThen = btc.entry.times(btc.move.times(t).plus(1));
  assert.ok(liq.price && liq.price.minus(btcThen).abs().lt('1e-12'));
  assert.equal(r.cross[0]?.liquidationNow?.toFixed(6), btcThen.toFixed(6));
});

test('a losing position drags the others’ cross liquidation prices towards their marks', () => {
  const r = run({ market: '-5' });
  const eth = r.cross[1];
  assert.ok(eth?.liquidationAtEntry && eth.liquidationNow);
  // Before the move ETH could fall to about 1,845; after BTC's loss a smaller fall liquidates everything.
  assert.ok(eth.liquidationNow.gt(eth.liquidationAtEntry));
  assert.ok(eth.liquidationNow.lt(eth.price));
});

test('the verdict is computed from the results and changes with the market move', () => {
  const severe = run({ market: '-10' }).verdict;
  const middle = run({ market: '-7' }).verdict;
  const calm = run({ market: '-5' }).verdict;
  assert.match(
    severe,
    /^Cross kept BTC open longer \(to -12\.83% instead of -9\.55%\) but lost the whole 2,000\.00 USDT wallet/,
  );
  assert.match(severe, /isolated lost only the BTC and ETH margins \(1,500\.00 USDT\) and kept SOL open\.$/);
  assert.match(
    middle,
    /^Isolated liquidated BTC when it had fallen 9\.55%, losing its 1,000\.00 USDT margin; cross kept every position open/,
  );
  assert.match(calm, /^Nothing was liquidated in either mode: both accounts end with 750\.00 USDT\./);
  assert.equal(new Set([severe, middle, calm]).size, 3);
});

test('a larger wallet lets cross survive a move that liquidates an isolated position', () => {
  const r = run({ wallet: '6000' });
  assert.equal(r.crossLiquidatedAt, null);
  assert.deepEqual(
    r.events.map((e) => `${e.mode} ${e.asset}`),
    ['isolated BTC', 'isolated ETH'],
  );
  // Cross equity = wallet + every PnL at the end: BTC −14% of 10,000, ETH and SOL −10% of 5,000 and 2,000.
  assert.equal(r.crossEquity.toFixed(2), '3900.00');
  assert.match(r.verdict, /^Isolated liquidated BTC and ETH \(BTC first, when it had fallen 9\.55%\)/);
});

test('a short gains when the market falls and is liquidated when it rises', () => {
  const r = run({ count: '4', market: '15', p1move: '0' });
  const xrp = r.isolated[3];
  assert.ok(xrp);
  assert.equal(xrp.position.side, 'short');
  // 5x short: liquidated by a rise of about 19.6%, not reached at +15%.
  assert.equal(xrp.liquidatedAt, null);
  assert.ok(xrp.pnl.isNeg());
  assert.ok(r.cross[0]?.pnl.gt(0));
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
  // 190x at 0.5% maintenance: the margin (0.53%) is barely above the requirement, fine; 200x is not.
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
      const out = computeSandbox({ ...base, market, p1move: a, p2move: b, p3move: c, count: count as '2' });
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
