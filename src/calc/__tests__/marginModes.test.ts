/**
 * simulateMarginModes and straightLinePath against hand-worked scenarios. Every expected value is worked out in the
 * comment above it from the identities the function documents (isolated health M + s·q·(P − E) − q·P·r, cross health
 * W + Σ[s·q·(P − E) − q·P·r]; Binance USDⓈ-M https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { simulateMarginModes, straightLinePath } from '../marginModes.ts';
import { near, throwsCalc } from './helpers.ts';

/** The fraction a/b, for expected values worked by hand as fractions. */
const frac = (a: number, b: number) => new Decimal(a).div(b);
const texts = (values: readonly (Decimal | null)[]) => values.map((v) => (v === null ? null : v.toFixed()));

/** Lesson 5's ether long: 2 ETH at 3,000, 10x (margin 6,000 / 10 = 600), 0.5 % maintenance, in a 3,000 wallet. */
const eth = { side: 'long' as const, quantity: 2, entryPrice: 3000, leverage: 10, maintenanceMarginRate: 0.005 };

describe('simulateMarginModes: one position', () => {
  it('ether falls 20 %: isolated loses only its 600 margin, cross loses 1,200 of the wallet', () => {
    const r = simulateMarginModes({ walletBalance: 3000, positions: [eth], path: [[3000], [2400]] });
    assert.equal(r.positions[0]?.margin.toFixed(), '600');
    assert.equal(r.freeBalance.toFixed(), '2400');
    // Isolated health: 600 + 2(P − 3000) − 0.01·P. At 3000: 600 − 30 = 570; at 2400: 600 − 1200 − 24 = −624.
    // Crossing f = 570 / (570 + 624) = 95/199; price 3000 − 600·95/199 = 540000/199 = 2713.5678…,
    // which is the isolated liquidation price 1.99·P = 5400 → P = 5400/1.99.
    const iso = r.isolated.positions[0];
    assert.ok(iso?.liquidation);
    near(iso.liquidation.fraction, frac(95, 199));
    near(iso.liquidation.at, frac(95, 199));
    near(iso.liquidation.share, frac(95, 199));
    assert.equal(iso.liquidation.step, 0);
    near(iso.liquidation.prices[0], frac(540000, 199));
    near(iso.liquidationPrice, frac(540000, 199));
    // Move at that moment: (540000/199) / 3000 − 1 = 180/199 − 1 = −19/199.
    near(iso.liquidation.moves[0], frac(-19, 199));
    assert.equal(iso.pnl.toFixed(), '-600');
    assert.equal(iso.equity.toFixed(), '0');
    near(iso.exitPrice, frac(540000, 199));
    // Isolated equity: 2400 free + (600 + 0) at the start; 2400 + 0 once liquidated.
    assert.deepEqual(texts(r.isolated.equity), ['3000', '2400']);
    assert.deepEqual(
      r.isolated.health.map((row) => texts(row)),
      [['570'], [null]],
    );
    assert.equal(r.isolated.finalEquity.toFixed(), '2400');
    assert.equal(r.isolated.change.toFixed(), '-600');
    assert.equal(r.isolated.lost.toFixed(), '600');
    assert.equal(r.isolated.liquidatedMargin.toFixed(), '600');
    // Cross health: 3000 + 2(P − 3000) − 0.01·P = 1.99·P − 3000: 2970 at 3000, 1776 at 2400, never zero on the path.
    // Liquidation price 3000 / 1.99 = 1507.537…, the same at the start and the end (no other position).
    assert.equal(r.cross.liquidation, null);
    assert.deepEqual(texts(r.cross.health), ['2970', '1776']);
    assert.deepEqual(texts(r.cross.maintenance), ['30', '24']);
    assert.deepEqual(texts(r.cross.equity), ['3000', '1800']);
    near(r.cross.positions[0]?.liquidationAtStart, frac(300000, 199));
    near(r.cross.positions[0]?.liquidationAtEnd, frac(300000, 199));
    assert.equal(r.cross.positions[0]?.pnl.toFixed(), '-1200');
    assert.equal(r.cross.finalEquity.toFixed(), '1800');
    assert.equal(r.cross.lost.toFixed(), '1200');
    assert.deepEqual(
      r.events.map((e) => [e.mode, e.position, e.lost.toFixed()]),
      [['isolated', 0, '600']],
    );
  });

  it('ether falls and comes back: cross rides it out, isolated has already lost the margin', () => {
    const r = simulateMarginModes({ walletBalance: 3000, positions: [eth], path: [[3000], [2600], [3000]] });
    // Isolated health at 2600: 600 − 800 − 26 = −226; f = 570 / (570 + 226) = 285/398 in the first segment;
    // share of the path (2 segments) = 285/796; price 3000 − 400·285/398 = 540000/199 again.
    const iso = r.isolated.positions[0]?.liquidation;
    assert.ok(iso);
    near(iso.at, frac(285, 398));
    near(iso.share, frac(285, 796));
    near(iso.prices[0], frac(540000, 199));
    assert.deepEqual(texts(r.isolated.equity), ['3000', '2400', '2400']);
    // Cross: 3000 + PnL (0, −800, 0); requirement 0.005 × 2 × P (30, 26, 30).
    assert.deepEqual(texts(r.cross.equity), ['3000', '2200', '3000']);
    assert.deepEqual(texts(r.cross.maintenance), ['30', '26', '30']);
    assert.deepEqual(texts(r.cross.health), ['2970', '2174', '2970']);
    assert.equal(r.cross.lost.toFixed(), '0');
    assert.equal(r.cross.change.toFixed(), '0');
    assert.equal(r.isolated.lost.toFixed(), '600');
  });

  it('a short gains below entry and is liquidated above it', () => {
    // 10 units short at 100, margin 200 (5x), 1 % maintenance, wallet 1,000, price rises to 130.
    // Isolated health 200 − 10(P − 100) − 0.1·P = 1200 − 10.1·P: 190 at 100, −113 at 130 → f = 190/303,
    // price 100 + 30·190/303 = 36000/303 = 12000/101 = 1200/10.1 = 118.81…
    // Cross health 1000 − 10(P − 100) − 0.1·P = 2000 − 10.1·P: 687 at 130, liquidation at 2000/10.1 = 20000/101.
    const r = simulateMarginModes({
      walletBalance: 1000,
      positions: [{ side: 'short', quantity: 10, entryPrice: 100, margin: 200, maintenanceMarginRate: 0.01 }],
      path: [[100], [130]],
    });
    near(r.isolated.positions[0]?.liquidation?.fraction, frac(190, 303));
    near(r.isolated.positions[0]?.liquidation?.prices[0], frac(12000, 101));
    near(r.isolated.positions[0]?.liquidationPrice, frac(12000, 101));
    assert.equal(r.cross.liquidation, null);
    near(r.cross.positions[0]?.liquidationAtEnd, frac(20000, 101));
    // Isolated: 800 free + 0; cross: 1000 − 300.
    assert.equal(r.isolated.finalEquity.toFixed(), '800');
    assert.equal(r.cross.finalEquity.toFixed(), '700');
    assert.equal(r.cross.health[1]?.toFixed(), '687');
  });

  it('a price that lands exactly on the liquidation price liquidates at that step (f = 1)', () => {
    // 1 unit long at 100 with margin 10 and no maintenance: health 10 + (P − 100), zero at 90 exactly.
    // The wallet is the margin, so cross is the same account: both cross at step 1 of 2, share 1/2.
    const r = simulateMarginModes({
      walletBalance: 10,
      positions: [{ side: 'long', quantity: 1, entryPrice: 100, margin: 10, maintenanceMarginRate: 0 }],
      path: [[100], [90], [80]],
    });
    for (const c of [r.isolated.positions[0]?.liquidation, r.cross.liquidation]) {
      assert.ok(c);
      assert.equal(c.step, 0);
      assert.equal(c.fraction.toFixed(), '1');
      assert.equal(c.at.toFixed(), '1');
      assert.equal(c.share.toFixed(), '0.5');
      assert.equal(c.prices[0]?.toFixed(), '90');
    }
    assert.deepEqual(texts(r.isolated.equity), ['10', '0', '0']);
    assert.deepEqual(texts(r.cross.equity), ['10', '0', '0']);
    assert.equal(r.cross.lost.toFixed(), '10');
    assert.deepEqual(
      r.events.map((e) => e.mode),
      ['isolated', 'cross'],
    );
  });
});

describe('simulateMarginModes: the sandbox’s three longs in a 2,000 wallet', () => {
  // BTC 10,000 at 60,000 (10x, margin 1,000), ETH 5,000 at 3,000 (10x, 500), SOL 2,000 at 150 (5x, 400); 0.5 %
  // maintenance. The market falls 10 %, BTC 4 % more: moves −14 %, −10 %, −10 %, in one straight segment.
  const positions = [
    { side: 'long' as const, notional: 10000, entryPrice: 60000, leverage: 10, maintenanceMarginRate: 0.005 },
    { side: 'long' as const, notional: 5000, entryPrice: 3000, leverage: 10, maintenanceMarginRate: 0.005 },
    { side: 'long' as const, notional: 2000, entryPrice: 150, leverage: 5, maintenanceMarginRate: 0.005 },
  ];
  const path = [
    [60000, 3000, 150],
    [51600, 2700, 135],
  ];
  const r = simulateMarginModes({ walletBalance: 2000, positions, path });

  it('isolated: BTC, then ETH, are liquidated; SOL stays open', () => {
    // A 10x long is liquidated at a move d with 1000 + 10000·d − 50·(1 + d) = 0 → d = −950/9950 = −19/199.
    // BTC moves −0.14·t: t = (19/199) / 0.14 = 950/1393; ETH moves −0.1·t: t = 190/199. SOL (5x) would need
    // 400 + 2000·d − 10·(1 + d) = 0 → d = −39/199 ≈ −19.6 %, not reached at −10 %.
    near(r.isolated.positions[0]?.liquidation?.at, frac(950, 1393));
    near(r.isolated.positions[0]?.liquidation?.moves[0], frac(-19, 199));
    near(r.isolated.positions[1]?.liquidation?.at, frac(190, 199));
    assert.equal(r.isolated.positions[2]?.liquidation, null);
    // SOL open at −10 %: PnL −200, equity 400 − 200 = 200. Account: 2000 − 1900 free = 100, + 200 = 300.
    assert.equal(r.isolated.positions[2]?.pnl.toFixed(), '-200');
    assert.equal(r.isolated.finalEquity.toFixed(), '300');
    assert.equal(r.isolated.lost.toFixed(), '1700');
    assert.equal(r.isolated.liquidatedMargin.toFixed(), '1500');
  });

  it('cross: the whole account goes between the two isolated liquidations', () => {
    // H(t) = 2000 + Σ N·d·t − 0.005·Σ N·(1 + d·t), Σ N·d = −1400 − 500 − 200 = −2100, Σ N = 17000:
    // H(t) = 2000 − 2100t − 85 + 10.5t = 1915 − 2089.5t → t = 1915/2089.5 = 3830/4179 ≈ 0.9165.
    const c = r.cross.liquidation;
    assert.ok(c);
    near(c.at, frac(3830, 4179));
    // BTC then: 60000 × (1 − 0.14 × 3830/4179) = 60000 − 8400 × 3830/4179 = 60000 − 32172000/4179.
    near(c.prices[0], new Decimal(60000).minus(frac(32172000, 4179)));
    near(c.moves[0], frac(-536.2, 4179));
    assert.equal(r.cross.finalEquity.toFixed(), '0');
    assert.equal(r.cross.lost.toFixed(), '2000');
    // At the account's liquidation every position's cross liquidation price is its price then.
    near(r.cross.positions[1]?.liquidationAtEnd, c.prices[1]);
    // ETH at the start, BTC and SOL at entry: the others add 2000 − 50 − 10 = 1940, so 1940 + (5/3)(P − 3000) =
    // 0.005·(5/3)·P → P = (5000 − 1940) / ((5/3) × 0.995) = 9180 / 4.975 = 1845.226…
    near(r.cross.positions[1]?.liquidationAtStart, frac(9180, 4.975));
    assert.deepEqual(
      r.events.map((e) => `${e.mode} ${e.position} ${e.lost.toFixed()}`),
      ['isolated 0 1000', 'cross 0 2000', 'isolated 1 500'],
    );
  });
});

describe('straightLinePath', () => {
  it('moves each price in equal steps to start × (1 + common + own)', () => {
    // 100 × (1 − 0.14 × k/2): 100, 93, 86.
    assert.deepEqual(
      straightLinePath({ startPrices: [100], moves: [-0.04], commonMove: -0.1, steps: 2 }).map((row) => texts(row)),
      [['100'], ['93'], ['86']],
    );
    // Halfway through 100 steps: 60000 × (1 − 0.07) = 55800; 0.5 × (1 + 0.15 × 0.5) = 0.5375.
    const path = straightLinePath({ startPrices: [60000, '0.5'], moves: [-0.04, 0.25], commonMove: -0.1, steps: 100 });
    assert.equal(path.length, 101);
    assert.deepEqual(texts(path[50]), ['55800', '0.5375']);
    assert.deepEqual(texts(path[100]), ['51600', '0.575']);
  });
  it('refuses a move that would take a price to zero or below, and other bad input', () => {
    throwsCalc(
      () => straightLinePath({ startPrices: [100, 100], moves: [0, -0.95], commonMove: -0.05, steps: 10 }),
      'moves[1]',
      'out_of_range',
    );
    throwsCalc(() => straightLinePath({ startPrices: [100], moves: [0, 0], steps: 10 }), 'moves', 'inconsistent');
    throwsCalc(() => straightLinePath({ startPrices: [100], moves: ['abc'], steps: 10 }), 'moves[0]', 'not_a_number');
    throwsCalc(
      () => straightLinePath({ startPrices: ['0'], moves: [0], steps: 10 }),
      'startPrices[0]',
      'must_be_positive',
    );
    throwsCalc(() => straightLinePath({ startPrices: [100], moves: [0], steps: 0 }), 'steps', 'out_of_range');
    throwsCalc(() => straightLinePath({ startPrices: [], moves: [], steps: 1 }), 'startPrices', 'required');
  });
});

describe('simulateMarginModes refuses bad input', () => {
  const run = (
    patch: Record<string, unknown>,
    position: Record<string, unknown> = {},
    path: unknown = [[3000], [2400]],
  ) =>
    simulateMarginModes({
      walletBalance: 3000,
      positions: [{ ...eth, ...position }],
      path,
      ...patch,
    } as unknown as Parameters<typeof simulateMarginModes>[0]);
  it('names the field and the reason', () => {
    throwsCalc(() => run({ walletBalance: 0 }), 'walletBalance', 'must_be_positive');
    throwsCalc(() => run({ positions: [] }), 'positions', 'required');
    throwsCalc(() => run({}, { notional: 6000 }), 'positions[0].notional', 'inconsistent');
    throwsCalc(() => run({}, { quantity: undefined }), 'positions[0].quantity', 'required');
    throwsCalc(() => run({}, { leverage: undefined }), 'positions[0].margin', 'required');
    throwsCalc(() => run({}, { leverage: 250 }), 'positions[0].leverage', 'out_of_range');
    // 200x at 0.5 %: the margin (0.5 % of notional) is not above the requirement (0.5 %).
    throwsCalc(() => run({}, { leverage: 200 }), 'positions[0].leverage', 'inconsistent');
    throwsCalc(() => run({}, { maintenanceMarginRate: 1 }), 'positions[0].maintenanceMarginRate', 'out_of_range');
    throwsCalc(() => run({}, { side: 'up' }), 'positions[0].side', 'out_of_range');
    // 2 ETH at 3,000 and 1x needs 6,000 of margin; the wallet holds 3,000.
    throwsCalc(() => run({}, { leverage: 1 }), 'walletBalance', 'inconsistent');
    throwsCalc(() => run({}, {}, [[3000]]), 'path', 'out_of_range');
    throwsCalc(() => run({}, {}, [[3000], [2400, 1]]), 'path[1]', 'inconsistent');
    throwsCalc(() => run({}, {}, [[3000], [0]]), 'path[1][0]', 'must_be_positive');
    throwsCalc(() => run({}, {}, [[3000], ['abc']]), 'path[1][0]', 'not_a_number');
    // Starting at 2,700 is past the isolated liquidation price (2,713.57…).
    throwsCalc(() => run({}, {}, [[2700], [2400]]), 'path[0][0]', 'inconsistent');
  });
});
