/**
 * The practice arena's engine, on hand-made candles with hand-worked expected values (arithmetic in the comments;
 * formulas from Binance's USDⓈ-M liquidation page https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 * and funding page https://www.binance.com/en/support/faq/360033525031).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  arenaDebrief,
  arenaMission,
  fineArenaCandles,
  runArena,
  type ArenaAction,
  type ArenaCandle,
  type ArenaSettings,
} from '../arena.ts';
import { BINANCE_BTCUSDT } from '../venues.ts';
import { near, throwsCalc } from './helpers.ts';

const T0 = Date.UTC(2020, 2, 12, 5); // 05:00 UTC: the 08:00 funding time is candle 3, 16:00 is candle 11
const H = 3_600_000;
/** A candle whose mark price equals the last price unless given. */
function c(
  i: number,
  o: number,
  h: number,
  l: number,
  cl: number,
  mark?: [number, number, number, number],
): ArenaCandle {
  const [mo, mh, ml, mc] = mark ?? [o, h, l, cl];
  return {
    time: T0 + i * H,
    open: o,
    high: h,
    low: l,
    close: cl,
    markOpen: mo,
    markHigh: mh,
    markLow: ml,
    markClose: mc,
  };
}
const flat = (n: number, price = 10000): ArenaCandle[] =>
  Array.from({ length: n }, (_, i) => c(i, price, price, price, price));
/** One flat tier: 0.5 % maintenance, no amount, up to 100x. */
const TIER = [{ floor: 0, maintenanceMarginRate: '0.005', maxLeverage: 100 }];
const FREE: ArenaSettings = { startingBalance: 10000, takerFeeRate: 0, slippage: 0, fundingRate: 0, tiers: TIER };
const long10 = (step: number, extra: Partial<Extract<ArenaAction, { type: 'open' }>> = {}): ArenaAction => ({
  step,
  type: 'open',
  side: 'long',
  margin: 1000,
  leverage: 10,
  mode: 'isolated',
  ...extra,
});

describe('runArena: liquidation on the mark price (hand-worked)', () => {
  // Long 10x, margin 1,000 at 10,000: q = 1,000 × 10 / 10,000 = 1 BTC.
  // Liquidation: 1,000 + 1 × (P − 10,000) = 0.005 × 1 × P  →  0.995 P = 9,000  →  P = 9,045.2261306532…
  const P = '9045.226130653266331658291457286432160804';
  const candles = [
    c(0, 10000, 10000, 10000, 10000),
    c(1, 10000, 10050, 9500, 9800), // open here; mark low 9,500: safe
    c(2, 9800, 9800, 9000, 9300, [9800, 9800, 9100, 9300]), // last 9,000 below P, mark 9,100 above: survives
    c(3, 9300, 9300, 9100, 9200, [9300, 9300, 9040, 9200]), // mark low 9,040 < P: liquidated here
    c(4, 9200, 9300, 8800, 9000),
  ];
  const run = runArena({ candles, startStep: 0, actions: [long10(1)], settings: FREE });
  it('opens at the candle’s open with the hand-worked liquidation price', () => {
    const open = run.events.find((e) => e.kind === 'open');
    assert.ok(open && open.kind === 'open');
    near(open.price, 10000);
    near(open.quantity, 1);
    near(open.liquidationPrice, P, '1e-30');
  });
  it('survives the candle whose last price, not mark price, crossed it, and says so', () => {
    const miss = run.events.find((e) => e.kind === 'nearMiss');
    assert.ok(miss && miss.kind === 'nearMiss');
    assert.equal(miss.step, 2);
    assert.equal(miss.level, 'liquidation');
    near(miss.lastExtreme, 9000);
    near(miss.markExtreme, 9100);
    assert.equal(run.states[2].positions.length, 1);
  });
  it('is liquidated at the first candle whose mark low crosses it, losing the margin only', () => {
    const liq = run.events.find((e) => e.kind === 'liquidation');
    assert.ok(liq && liq.kind === 'liquidation');
    assert.equal(liq.step, 3);
    near(liq.price, P, '1e-30');
    near(liq.lost, 1000);
    // The last price went lowest at 8,800 one candle later.
    assert.equal(liq.lastExtreme.step, 4);
    near(liq.lastExtreme.price, 8800);
    near(run.finalEquity, 9000); // 10,000 − 1,000
    assert.equal(run.liquidations, 1);
  });
  it('equity at a close is cash + margin + uPnL at the mark close', () => {
    // Candle 1: 9,000 cash + 1,000 margin + 1 × (9,800 − 10,000) = 9,800.
    near(run.states[1].equity, 9800);
  });
});

describe('runArena: fees and slippage (hand-worked)', () => {
  const settings = { ...FREE, takerFeeRate: '0.0005', slippage: '0.001' };
  const candles = [...flat(2), c(2, 11000, 11000, 11000, 11000), c(3, 11000, 11000, 11000, 11000)];
  const run = runArena({ candles, startStep: 0, actions: [long10(1), { step: 3, type: 'close' }], settings });
  it('buys at open × (1 + slippage) and pays the taker fee on the notional', () => {
    const open = run.events.find((e) => e.kind === 'open');
    assert.ok(open && open.kind === 'open');
    near(open.price, 10010); // 10,000 × 1.001
    near(open.fee, 5); // notional 1,000 × 10 = 10,000 × 0.0005
    near(run.states[1].cash, 8995); // 10,000 − 1,000 − 5
  });
  it('sells at open × (1 − slippage) when closing', () => {
    const close = run.events.find((e) => e.kind === 'close');
    assert.ok(close && close.kind === 'close');
    near(close.price, 10989); // 11,000 × 0.999
    // q = 10,000 / 10,010; PnL = q × (10,989 − 10,010) = 979 × 10,000 / 10,010 = 978.0219780…
    near(close.pnl, '978.021978021978021978021978021978021978', '1e-30');
    // Fee = q × 10,989 × 0.0005 = 54.945 × 10,000 / 10,010 = 5.489010989…
    near(close.fee, '5.489010989010989010989010989010989010989', '1e-30');
    near(run.finalEquity, '10967.532967032967032967032967032967032967', '1e-30'); // 8,995 + 1,000 + 978.02… − 5.489…
  });
});

describe('runArena: funding every 8 hours (hand-worked)', () => {
  // Candles from 05:00 UTC: candle 3 opens at 08:00, candle 11 at 16:00.
  const candles = flat(13);
  const run = runArena({
    candles,
    startStep: 0,
    actions: [long10(1)],
    settings: { ...FREE, fundingRate: '0.0001' },
  });
  const funding = run.events.filter((e) => e.kind === 'funding');
  it('charges at each 8-hour boundary and nowhere else', () => {
    assert.deepEqual(
      funding.map((e) => e.step),
      [3, 11],
    );
  });
  it('a long pays q × mark × rate = 1 × 10,000 × 0.0001 = 1 USDT, taken from the isolated margin', () => {
    for (const e of funding) if (e.kind === 'funding') near(e.amount, -1);
    assert.equal(run.states[12].positions.length, 1);
    near(run.states[12].positions[0].margin, 998); // 1,000 − 1 − 1
    near(run.finalEquity, 9998);
  });
  it('a position opened at the funding candle itself pays nothing then', () => {
    const r = runArena({ candles, startStep: 0, actions: [long10(3)], settings: { ...FREE, fundingRate: '0.0001' } });
    assert.deepEqual(
      r.events.filter((e) => e.kind === 'funding').map((e) => e.step),
      [11],
    );
  });
});

describe('runArena: stop-market orders', () => {
  const stop = { price: 9500, trigger: 'last' as const };
  it('fills at the trigger when the candle trades through it', () => {
    const candles = [...flat(2), c(2, 9800, 9900, 9300, 9600)];
    const r = runArena({ candles, startStep: 0, actions: [long10(1, { stopLoss: stop })], settings: FREE });
    const e = r.events.find((x) => x.kind === 'stop');
    assert.ok(e && e.kind === 'stop');
    near(e.price, 9500);
    assert.equal(e.gapped, false);
    near(e.pnl, -500); // 1 × (9,500 − 10,000)
    near(r.finalEquity, 9500);
  });
  it('fills at the open when the candle opens beyond the trigger', () => {
    const candles = [...flat(2), c(2, 9400, 9450, 9300, 9350)];
    const r = runArena({ candles, startStep: 0, actions: [long10(1, { stopLoss: stop })], settings: FREE });
    const e = r.events.find((x) => x.kind === 'stop');
    assert.ok(e && e.kind === 'stop');
    near(e.price, 9400);
    assert.equal(e.gapped, true);
  });
  it('a mark-price stop ignores a last-price wick that a last-price stop takes', () => {
    const candles = [...flat(2), c(2, 9800, 9900, 9300, 9700, [9800, 9850, 9600, 9700])];
    const onMark = runArena({
      candles,
      startStep: 0,
      actions: [long10(1, { stopLoss: { price: 9500, trigger: 'mark' } })],
      settings: FREE,
    });
    assert.equal(
      onMark.events.some((e) => e.kind === 'stop'),
      false,
    );
    assert.ok(onMark.events.some((e) => e.kind === 'nearMiss' && e.level === 'stop'));
    const onLast = runArena({ candles, startStep: 0, actions: [long10(1, { stopLoss: stop })], settings: FREE });
    assert.ok(onLast.events.some((e) => e.kind === 'stop'));
  });
  it('a stop beyond the liquidation price never fires: liquidation comes first', () => {
    const candles = [...flat(2), c(2, 9800, 9800, 8000, 8500)];
    const r = runArena({
      candles,
      startStep: 0,
      actions: [long10(1, { stopLoss: { price: 9000, trigger: 'last' } })],
      settings: FREE,
    });
    assert.equal(r.events.find((e) => e.kind === 'liquidation')?.step, 2);
    assert.equal(
      r.events.some((e) => e.kind === 'stop'),
      false,
    );
  });
});

describe('runArena: margin and refusals', () => {
  it('adding 500 margin moves the 10x long’s liquidation to (10,000 − 1,500) / 0.995', () => {
    const r = runArena({
      candles: flat(4),
      startStep: 0,
      actions: [long10(1), { step: 2, type: 'addMargin', amount: 500 }],
      settings: FREE,
    });
    const e = r.events.find((x) => x.kind === 'addMargin');
    assert.ok(e && e.kind === 'addMargin');
    // 1,500 + (P − 10,000) = 0.005 P → P = 8,500 / 0.995 = 8,542.7135678…
    near(e.liquidationPrice, '8542.713567839195979899497487437185929648', '1e-30');
    near(r.states[3].cash, 8500);
  });
  it('removing more margin than the initial margin at the mark allows is refused, with the most allowed', () => {
    const r = runArena({
      candles: flat(4),
      startStep: 0,
      actions: [long10(1), { step: 2, type: 'removeMargin', amount: 1 }],
      settings: FREE,
    });
    const e = r.events.find((x) => x.kind === 'rejected');
    assert.ok(e && e.kind === 'rejected');
    assert.match(e.reason, /at most 0\.00 USDT/);
  });
  it('refuses leverage above the tier’s maximum, a margin above the balance, and a second long', () => {
    const r = runArena({
      candles: flat(5),
      startStep: 0,
      actions: [long10(1, { leverage: 125 }), long10(1, { margin: 20000 }), long10(2), long10(3)],
      settings: FREE,
    });
    const reasons = r.events.filter((e) => e.kind === 'rejected').map((e) => (e.kind === 'rejected' ? e.reason : ''));
    assert.equal(reasons.length, 3);
    assert.match(reasons[0], /at most 100x/);
    assert.match(reasons[1], /Not enough balance/);
    assert.match(reasons[2], /already hold a long/);
  });
  it('uses the venue’s tiers: 20x of 5,000 is 100,000 notional, in Binance’s 0.5 % tier (amount 50)', () => {
    const settings = { ...FREE, tiers: BINANCE_BTCUSDT.tiers ?? [] };
    const r = runArena({
      candles: flat(3),
      startStep: 0,
      actions: [long10(1, { margin: 5000, leverage: 20 })],
      settings,
    });
    const open = r.events.find((e) => e.kind === 'open');
    assert.ok(open && open.kind === 'open');
    // q = 10; 5,000 + 10 (P − 10,000) = 0.005 × 10 P − 50 → 9.95 P = 94,950 → P = 9,542.7135678…; notional 95,427 in
    // the 50,000–250,000 tier, so the tier is stable.
    near(open.liquidationPrice, '9542.713567839195979899497487437185929648', '1e-30');
  });
  it('throws a CalcInputError for actions out of order, unknown types and bad amounts', () => {
    const base = { candles: flat(4), startStep: 0, settings: FREE };
    throwsCalc(
      () => runArena({ ...base, actions: [long10(2), { step: 1, type: 'close' }] }),
      'actions[1].step',
      'out_of_range',
    );
    throwsCalc(
      () => runArena({ ...base, actions: [{ step: 1, type: 'jump' } as unknown as ArenaAction] }),
      'actions[0].type',
      'out_of_range',
    );
    throwsCalc(
      () => runArena({ ...base, actions: [long10(1, { margin: -5 })] }),
      'actions[0].margin',
      'must_be_positive',
    );
    throwsCalc(() => runArena({ ...base, startStep: 3, actions: [] }), 'startStep', 'out_of_range');
  });
});

describe('arenaDebrief and arenaMission', () => {
  // A fall to a mark low of 9,200 (−8 %): 10x is liquidated (9,045.23 < 9,200? no: 9,200 is above it, so 10x survives);
  // 12x: 1,000 + 1.2 (P − 10,000) = 0.006 P → 1.194 P = 11,000 → P = 9,212.73 > 9,200: liquidated.
  // 11x: 1.1 (P − 10,000) + 1,000 = 0.0055 P → 1.0945 P = 10,000 → P = 9,136.59 < 9,200: survives. Highest: 11x.
  const candles = [...flat(2), c(2, 10000, 10000, 9200, 9500), c(3, 9500, 9600, 9500, 9600)];
  const d = arenaDebrief({
    candles,
    startStep: 0,
    actions: [long10(1, { leverage: 5 })],
    settings: FREE,
    maxLeverage: 100,
  });
  it('finds the highest whole leverage that survives, by hand 11x', () => {
    assert.equal(d.highestSurvivingLeverage?.toString(), '11');
  });
  it('replays the trade at 1x, 3x and 10x: PnL scales with leverage, 10x still open', () => {
    const lev = d.variants.filter((v) => v.kind === 'leverage');
    assert.deepEqual(
      lev.map((v) => v.leverage.toString()),
      ['1', '3', '10'],
    );
    // Held to the end, valued at the last mark close 9,600: PnL = L × 1,000 / 10,000 × (−400) = −40 L.
    near(lev[0].change, -40);
    near(lev[1].change, -120);
    near(lev[2].change, -400);
  });
  it('the stop before the liquidation price fires; the one after it never does', () => {
    // At 5x: 1,000 + 0.5 (P − 10,000) = 0.0025 P → P = 4,000 / 0.4975 = 8,040.20; the mark never gets there, so both
    // stops (9,020.10 and 7,550.25) stay untouched and the trade is still open.
    const before = d.variants.find((v) => v.kind === 'stopBefore');
    const after = d.variants.find((v) => v.kind === 'stopAfter');
    near(before?.stopLoss, '9020.100502512562814070351758793969849246', '1e-30');
    near(after?.stopLoss, '7550.251256281407035175879396984924623116', '1e-30');
    assert.equal(before?.outcome, 'open');
    const deep = arenaDebrief({
      candles: [...flat(2), c(2, 10000, 10000, 7000, 7500)],
      startStep: 0,
      actions: [long10(1, { leverage: 5 })],
      settings: FREE,
    });
    assert.equal(deep.variants.find((v) => v.kind === 'stopBefore')?.outcome, 'stop');
    assert.equal(deep.variants.find((v) => v.kind === 'stopAfter')?.outcome, 'liquidation');
  });
  it('a mission checks the final fraction, the hold and liquidation', () => {
    const run = runArena({ candles, startStep: 0, actions: [long10(1, { leverage: 5 })], settings: FREE });
    // 5x: −40 × 5 = −200: 9,800 / 10,000 = 0.98.
    const m = arenaMission(run, {
      minFraction: '0.8',
      hold: { side: 'long', fromStep: 1, toStep: 3 },
      noLiquidation: true,
    });
    assert.equal(m.passed, true);
    near(m.fraction, '0.98');
    assert.equal(arenaMission(run, { hold: { side: 'short', fromStep: 1, toStep: 3 } }).passed, false);
    assert.equal(arenaMission(run, { minFraction: '0.99' }).passed, false);
  });
});

describe('runArena: properties', () => {
  const price = fc.integer({ min: 5000, max: 15000 });
  const candleArb = fc
    .tuple(price, price, price, price, fc.integer({ min: -300, max: 300 }))
    .map(([a, b, x, y, dm]) => {
      const [o, cl] = [a, b];
      const h = Math.max(o, cl, x, y);
      const l = Math.min(o, cl, x, y);
      return { o, h, l, cl, dm };
    });
  const candlesArb = fc
    .array(candleArb, { minLength: 6, maxLength: 30 })
    .map((xs) =>
      xs.map(({ o, h, l, cl, dm }, i) =>
        c(
          i,
          o,
          h,
          l,
          cl,
          [o + dm, h + Math.max(dm, 0) + 10, l + Math.min(dm, 0) - 10, cl + dm].map((v, k) =>
            k === 1 ? Math.max(v, o + dm, cl + dm) : k === 2 ? Math.min(v, o + dm, cl + dm) : v,
          ) as [number, number, number, number],
        ),
      ),
    );
  const actionArb = (n: number, mode: 'isolated' | 'cross') =>
    fc
      .array(
        fc.oneof(
          fc.record({
            step: fc.integer({ min: 1, max: n - 1 }),
            type: fc.constant('open' as const),
            side: fc.constantFrom('long' as const, 'short' as const),
            margin: fc.integer({ min: 10, max: 5000 }),
            leverage: fc.integer({ min: 1, max: 100 }),
            mode: fc.constant(mode),
          }),
          fc.record({
            step: fc.integer({ min: 1, max: n - 1 }),
            type: fc.constant('close' as const),
            side: fc.option(fc.constantFrom('long' as const, 'short' as const), { nil: undefined }),
          }),
          fc.record({
            step: fc.integer({ min: 1, max: n - 1 }),
            type: fc.constantFrom('addMargin' as const, 'removeMargin' as const),
            amount: fc.integer({ min: 1, max: 3000 }),
            side: fc.option(fc.constantFrom('long' as const, 'short' as const), { nil: undefined }),
          }),
        ),
        { maxLength: 8 },
      )
      .map((xs) => [...xs].sort((a, b) => a.step - b.step) as ArenaAction[]);
  const settings = { ...FREE, takerFeeRate: '0.0005', slippage: '0.0005', fundingRate: '0.0001' };

  it('the same actions give the same timeline', () => {
    fc.assert(
      fc.property(
        candlesArb.chain((cs) => fc.tuple(fc.constant(cs), actionArb(cs.length, 'isolated'))),
        ([cs, actions]) => {
          const a = runArena({ candles: cs, startStep: 0, actions, settings });
          const b = runArena({
            candles: cs,
            startStep: 0,
            actions: JSON.parse(JSON.stringify(actions)) as ArenaAction[],
            settings,
          });
          assert.equal(JSON.stringify(a), JSON.stringify(b));
        },
      ),
      { numRuns: 60 },
    );
  });
  it('equity never goes below zero for isolated positions, and a liquidation loses only the margin', () => {
    fc.assert(
      fc.property(
        candlesArb.chain((cs) => fc.tuple(fc.constant(cs), actionArb(cs.length, 'isolated'))),
        ([cs, actions]) => {
          const r = runArena({ candles: cs, startStep: 0, actions, settings });
          for (const st of r.states) {
            assert.ok(st.equity.gte(0));
            assert.ok(st.cash.gte(0));
          }
          for (const e of r.events) if (e.kind === 'liquidation') assert.ok(e.balanceAfter.gte(0));
        },
      ),
      { numRuns: 80 },
    );
  });
  it('cross positions share one liquidation: the wallet goes with it, and leverage does not move the price at one size', () => {
    fc.assert(
      fc.property(
        candlesArb.chain((cs) => fc.tuple(fc.constant(cs), actionArb(cs.length, 'cross'))),
        ([cs, actions]) => {
          const r = runArena({ candles: cs, startStep: 0, actions, settings });
          for (const st of r.states) {
            // Every open cross position shows the one liquidation price of the book.
            const prices = new Set(st.positions.map((p) => p.liquidationPrice?.toString() ?? 'none'));
            assert.ok(prices.size <= 1, `step ${st.step}: ${[...prices].join(' vs ')}`);
          }
          for (const e of r.events) {
            if (e.kind === 'liquidation') {
              assert.equal(e.balanceAfter.toString(), '0');
              // Nothing opened before the liquidation is still open after it: the book went as one.
              const after = r.states.find((s) => s.step === e.step);
              assert.ok(after?.positions.every((p) => p.openedAt === e.step && p.openedAt > -1));
              if (after?.positions.length === 0) assert.equal(after.equity.toString(), '0');
            }
          }
          assert.equal(r.liquidations, r.events.filter((e) => e.kind === 'liquidation').length);
        },
      ),
      { numRuns: 80 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(2, 4, 5, 8, 10, 16, 20, 25, 40, 50),
        fc.constantFrom(2, 4, 5, 8, 10, 16, 20, 25, 40, 50),
        (l1, l2) => {
          // Same quantity (margin × leverage fixed at 20,000 notional), different leverage: same cross liquidation price.
          const open = (l: number) =>
            runArena({
              candles: flat(3),
              startStep: 0,
              actions: [{ step: 1, type: 'open', side: 'long', margin: 20000 / l, leverage: l, mode: 'cross' }],
              settings: FREE,
            }).events[0];
          const a = open(l1);
          const b = open(l2);
          assert.ok(a.kind === 'open' && b.kind === 'open');
          near(a.liquidationPrice, (b.liquidationPrice ?? 0).toString(), '1e-20');
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('runArena: a long and a short at once (hedge mode, hand-worked)', () => {
  // Wallet 2,000; long 1 BTC (margin 1,000 at 10x) and short 0.5 BTC (margin 500 at 10x), both at 10,000; no fees;
  // one tier of 0.5 %. Binance's hedge-mode formula
  // LP = (WB + cumL + cumS − posL·EPL + posS·EPS) / (posL·MMRL + posS·MMRS − posL + posS)
  //    = (2,000 − 10,000 + 5,000) / (0.005 + 0.0025 − 1 + 0.5) = −3,000 / −0.4925 = 6,091.370558375634517766…
  // Bankruptcy (no maintenance): −3,000 / −0.5 = 6,000.
  const pair = (mode: 'isolated' | 'cross'): ArenaAction[] => [
    long10(1, { mode }),
    { step: 1, type: 'open', side: 'short', margin: 500, leverage: 10, mode },
  ];
  const candles = [
    ...flat(3),
    c(3, 10000, 10000, 6000, 6500, [10000, 10000, 6050, 6500]),
    c(4, 6500, 6500, 6500, 6500),
  ];
  const settings = { ...FREE, startingBalance: 2000 };
  const run = runArena({ candles, startStep: 0, actions: pair('cross'), settings });
  it('both cross positions show the one shared liquidation price', () => {
    const st = run.states[1];
    assert.equal(st.positions.length, 2);
    for (const p of st.positions) {
      near(p.liquidationPrice, '6091.370558375634517766497461928934010152', '1e-25');
      near(p.bankruptcyPrice, 6000);
      assert.equal(p.liquidationDirection, 'down');
    }
  });
  it('one liquidation takes both positions and the whole wallet', () => {
    const liqs = run.events.filter((e) => e.kind === 'liquidation');
    assert.equal(liqs.length, 1);
    const liq = liqs[0];
    assert.ok(liq.kind === 'liquidation');
    assert.equal(liq.step, 3);
    near(liq.price, '6091.370558375634517766497461928934010152', '1e-25');
    near(liq.lost, 2000);
    assert.deepEqual(
      liq.also.map((x) => x.side),
      ['short'],
    );
    assert.equal(run.states[2].positions.length, 2);
    assert.equal(run.states[3].positions.length, 0);
    near(run.finalEquity, 0);
    assert.equal(run.liquidations, 1);
  });
  it('isolated, the same two positions each have their own price, and only the long is liquidated', () => {
    // Long: (1,000 − 10,000) / (0.005 − 1) = 9,045.226130653266…; short: (500 + 5,000) / (0.0025 + 0.5) = 10,945.273631840796…
    const iso = runArena({ candles, startStep: 0, actions: pair('isolated'), settings });
    const [long, short] = iso.states[1].positions;
    near(long.liquidationPrice, '9045.226130653266331658291457286432160804', '1e-25');
    near(short.liquidationPrice, '10945.27363184079601990049751243781094527', '1e-25');
    const liq = iso.events.find((e) => e.kind === 'liquidation');
    assert.ok(liq && liq.kind === 'liquidation');
    assert.equal(liq.side, 'long');
    assert.equal(liq.also.length, 0);
    near(liq.lost, 1000);
    // The short is still open, and its gain counts: cash 500 + margin 500 + 0.5 × (10,000 − 6,500) = 2,750.
    assert.equal(iso.states[4].positions.length, 1);
    near(iso.finalEquity, 2750);
  });
  it('an action on one of two positions must name it; closing the short leaves the long alone in cross', () => {
    const r = runArena({
      candles: flat(4),
      startStep: 0,
      actions: [...pair('cross'), { step: 2, type: 'close' }, { step: 2, type: 'close', side: 'short' }],
      settings,
    });
    const refused = r.events.find((e) => e.kind === 'rejected');
    assert.ok(refused && refused.kind === 'rejected');
    assert.match(refused.reason, /say which position/);
    // The long alone on a wallet of 2,000: (2,000 − 10,000) / (0.005 − 1) = 8,040.201005025125628140703517587939698492.
    const long = r.states[2].positions;
    assert.equal(long.length, 1);
    assert.equal(long[0].side, 'long');
    near(long[0].liquidationPrice, '8040.201005025125628140703517587939698492', '1e-25');
  });
  it('refuses a second position in the other margin mode, and a cross one the wallet cannot carry', () => {
    const r = runArena({
      candles: flat(4),
      startStep: 0,
      actions: [
        long10(1),
        { step: 1, type: 'open', side: 'short', margin: 500, leverage: 10, mode: 'cross' },
        { step: 2, type: 'close' },
        long10(2, { mode: 'cross', margin: 1500 }),
        // Available: 2,000 − the long's initial margin 1,500 = 500 < 600.
        { step: 2, type: 'open', side: 'short', margin: 600, leverage: 10, mode: 'cross' },
      ],
      settings,
    });
    const reasons = r.events.flatMap((e) => (e.kind === 'rejected' ? [e.reason] : []));
    assert.equal(reasons.length, 2);
    assert.match(reasons[0], /must be isolated too/);
    assert.match(reasons[1], /Not enough balance: this needs 600\.00 USDT \(margin and fee\), you have 500\.00/);
  });
});

describe('fineArenaCandles: 15-minute candles with the hour’s mark price shared out', () => {
  const q = (k: number, o: number, h: number, l: number, cl: number) => ({
    time: T0 + k * 900_000,
    open: o,
    high: h,
    low: l,
    close: cl,
  });
  // Hour 0: the mark went beyond the last price (high 124 > 120, low 78 < 80); the last price made its high in part 1
  // and its low in part 2. Hour 1: the mark stayed inside the last price's range (112 < 115, 100 > 96), so clamping
  // shows.
  const hours = [c(0, 100, 120, 80, 110, [101, 124, 78, 109]), c(1, 110, 115, 96, 105, [110, 112, 100, 105])];
  const fine = [
    q(0, 100, 105, 95, 104),
    q(1, 104, 120, 103, 106),
    q(2, 106, 107, 80, 90),
    q(3, 90, 111, 89, 110),
    q(4, 110, 115, 108, 113),
    q(5, 113, 114, 96, 99),
    q(6, 99, 104, 98, 103),
    q(7, 103, 106, 102, 105),
  ];
  const parts = fineArenaCandles({ hourly: hours, fine });
  const mark = parts.map((p) => [p.markOpen, p.markHigh, p.markLow, p.markClose].map(String));
  it('opens with the hour’s mark open, closes with its mark close, and puts the extremes where the last price made them', () => {
    assert.equal(parts.length, 8);
    // Part 0: open 101 (the hour's), close 104, high max(105, 101, 104) = 105, low min(95, 101, 104) = 95.
    assert.deepEqual(mark[0], ['101', '105', '95', '104']);
    // Part 1, where the last price made the hour's high: the mark high 124; low min(103, 104, 106) = 103.
    assert.deepEqual(mark[1], ['104', '124', '103', '106']);
    // Part 2, where it made the low: the mark low 78; high max(107, 106, 90) = 107.
    assert.deepEqual(mark[2], ['106', '107', '78', '90']);
    // Part 3 closes at the hour's mark close 109; high max(111, 90, 109) = 111; low min(89, 90, 109) = 89.
    assert.deepEqual(mark[3], ['90', '111', '89', '109']);
  });
  it('clamps the last price into the hour’s mark range elsewhere', () => {
    // Range 100…112. Part 4 (the last price's high part): open 110, close clamp(113) = 112, high 112, low 108.
    assert.deepEqual(mark[4], ['110', '112', '108', '112']);
    // Part 5 (its low part): close clamp(99) = 100, low 100, high max(clamp(114) = 112, 112, 100) = 112.
    assert.deepEqual(mark[5], ['112', '112', '100', '100']);
    // Part 6: close 103, high max(104, 100, 103) = 104, low min(clamp(98) = 100, 100, 103) = 100.
    assert.deepEqual(mark[6], ['100', '104', '100', '103']);
    // Part 7 closes at the hour's 105: high 106, low 102.
    assert.deepEqual(mark[7], ['103', '106', '102', '105']);
    // The last prices are the file's own.
    assert.deepEqual(
      parts.slice(0, 4).map((p) => String(p.high)),
      ['105', '120', '107', '111'],
    );
  });
  it('put back together, the parts of each hour give exactly that hour’s mark candle', () => {
    for (const [h, group] of [
      [0, parts.slice(0, 4)],
      [1, parts.slice(4)],
    ] as const) {
      const max = group.reduce((m, p) => Math.max(m, Number(p.markHigh)), 0);
      const min = group.reduce((m, p) => Math.min(m, Number(p.markLow)), Infinity);
      const hour = hours[h];
      assert.deepEqual(
        [Number(group[0].markOpen), max, min, Number(group[3].markClose)],
        [hour.markOpen, hour.markHigh, hour.markLow, hour.markClose],
      );
    }
  });
  it('refuses a finer candle outside every hour', () => {
    throwsCalc(() => fineArenaCandles({ hourly: hours, fine: [q(9, 1, 1, 1, 1)] }), 'fine[0].time', 'inconsistent');
  });
});
