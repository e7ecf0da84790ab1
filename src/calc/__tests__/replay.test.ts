/** Tests for replaying a position over OHLC candles, with the mark price beside the last price. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CalcInputError } from '../errors.ts';
import { replay, replayTrade, type Candle } from '../replay.ts';
import { near, throwsCalc } from './helpers.ts';

const candle = (time: number, open: number, high: number, low: number, close: number) => ({
  time,
  open,
  high,
  low,
  close,
});

describe('replay (wicks count; hand-made candles)', () => {
  const long = { side: 'long' as const, entryPrice: 100, stopPrice: 95, takeProfitPrice: 110, liquidationPrice: 91 };
  it('a wick to the stop closes the trade even when the candle closes above it', () => {
    const r = replay({ position: long, candles: [candle(1, 100, 102, 98, 101), candle(2, 101, 101, 94.5, 99)] });
    assert.deepEqual(r, { outcome: 'stop', candleIndex: 1, time: 2, price: 95, trigger: 'last', ambiguous: false });
  });
  it('the stop fires before liquidation when one candle reaches both', () => {
    assert.equal(replay({ position: long, candles: [candle(1, 100, 100, 80, 85)] }).outcome, 'stop');
  });
  it('without a stop, liquidation', () => {
    const r = replay({
      position: { side: 'long', entryPrice: 100, liquidationPrice: 91 },
      candles: [candle(1, 100, 100, 90, 92)],
    });
    assert.equal(r.outcome, 'liquidation');
    assert.equal(r.price, 91);
    assert.equal(r.trigger, 'mark');
  });
  it('a gap through the stop fills at the open', () => {
    const r = replay({ position: long, candles: [candle(1, 100, 100, 99, 99), candle(2, 93, 94, 92, 93)] });
    assert.equal(r.outcome, 'stop');
    assert.equal(r.price, 93);
  });
  it('take-profit for a short; an outside candle is flagged ambiguous and counted as the loss', () => {
    const short = { side: 'short' as const, entryPrice: 100, stopPrice: 105, takeProfitPrice: 90 };
    assert.equal(replay({ position: short, candles: [candle(1, 100, 101, 89, 90)] }).outcome, 'takeProfit');
    const r = replay({ position: short, candles: [candle(1, 100, 106, 89, 95)] });
    assert.equal(r.outcome, 'stop');
    assert.equal(r.ambiguous, true);
  });
  it('nothing touched → none', () =>
    assert.deepEqual(replay({ position: long, candles: [candle(1, 100, 101, 99, 100)] }), {
      outcome: 'none',
      candleIndex: null,
      time: null,
      price: null,
      trigger: null,
      ambiguous: false,
    }));
  it('rejects impossible candles and levels', () => {
    throwsCalc(() => replay({ position: long, candles: [candle(1, 100, 99, 98, 100)] }), 'candles[0]', 'inconsistent');
    throwsCalc(() => replay({ position: { ...long, stopPrice: 105 }, candles: [] }), 'stopPrice', 'inconsistent');
  });
});

/*
 * Real rows from content/market-data/crash-windows/ (Binance BTCUSDT perpetual, hourly; last price and mark price):
 *   w1_2020-03-12_black-thursday_1h.csv, hour 2020-03-13T02:00Z:
 *     last  open 4062.95, high 5228.23, low 3621.81, close 4723.95
 *     mark  open 4129.89365198, high 5234.19300285, low 3801.83057975, close 4845.56713065
 *   x1_2021-07-26_short-squeeze_1h.csv, hour 2021-07-26T01:00Z:
 *     last  open 36736.4, high 48168.6, low 36658.09, close 38321.08
 *     mark  open 36727.1, high 39744.81240014, low 36694.60015942, close 38320.75
 */
const w1At0100: Candle = {
  time: '2020-03-13T01:00Z',
  open: 4542.6,
  high: 4673.53,
  low: 3950.0,
  close: 4062.89,
  markOpen: 4637.50550017,
  markHigh: 4750.53551358,
  markLow: 4089.16190547,
  markClose: 4135.77337456,
};
const w1At0200: Candle = {
  time: '2020-03-13T02:00Z',
  open: 4062.95,
  high: 5228.23,
  low: 3621.81,
  close: 4723.95,
  markOpen: 4129.89365198,
  markHigh: 5234.19300285,
  markLow: 3801.83057975,
  markClose: 4845.56713065,
};
const w1At0300: Candle = {
  time: '2020-03-13T03:00Z',
  open: 4728.64,
  high: 5529.97,
  low: 4667.12,
  close: 5154.99,
  markOpen: 4845.08720591,
  markHigh: 5486.01244831,
  markLow: 4813.04543205,
  markClose: 5161.80645737,
};
const x1At0000: Candle = {
  time: '2021-07-26T00:00Z',
  open: 35370.67,
  high: 36895.39,
  low: 35185.49,
  close: 36736.4,
  markOpen: 35373.861837,
  markHigh: 36792.37301929,
  markLow: 35203.85055666,
  markClose: 36719.13862151,
};
const x1At0100: Candle = {
  time: '2021-07-26T01:00Z',
  open: 36736.4,
  high: 48168.6,
  low: 36658.09,
  close: 38321.08,
  markOpen: 36727.1,
  markHigh: 39744.81240014,
  markLow: 36694.60015942,
  markClose: 38320.75,
};
const lastOnly = ({ time, open, high, low, close }: Candle): Candle => ({ time, open, high, low, close });

describe('replay: liquidation on the mark price, stops on the last price (real Binance rows)', () => {
  it('13 Mar 2020 02:00 UTC: the last price wicks to 3,621.81 but the mark stops at 3,801.83, so a long liquidated at 3,700 survives', () => {
    const position = { side: 'long' as const, entryPrice: 4062.89, liquidationPrice: 3700 };
    assert.equal(replay({ position, candles: [w1At0200] }).outcome, 'none');
    // The same candle without its mark prices: the last price is all there is, and 3,621.81 ≤ 3,700 liquidates.
    const r = replay({ position, candles: [lastOnly(w1At0200)] });
    assert.deepEqual([r.outcome, r.price, r.trigger], ['liquidation', 3700, 'mark']);
  });
  it('…while a stop at 3,750 fires on the last price, though the mark never went below 3,801.83', () => {
    const r = replay({
      position: { side: 'long', entryPrice: 4062.89, stopPrice: 3750, liquidationPrice: 3700 },
      candles: [w1At0200],
    });
    assert.deepEqual(r, {
      outcome: 'stop',
      candleIndex: 0,
      time: '2020-03-13T02:00Z',
      price: 3750,
      trigger: 'last',
      ambiguous: false,
    });
  });
  it('a liquidation level between the mark low (3,801.83) and the mark open (4,129.89) is touched on the mark', () => {
    const r = replay({ position: { side: 'long', entryPrice: 4062.89, liquidationPrice: 3900 }, candles: [w1At0200] });
    assert.deepEqual([r.outcome, r.price, r.trigger], ['liquidation', 3900, 'mark']);
  });
  it('26 Jul 2021 01:00 UTC: the last price spikes to 48,168.60, the mark only to 39,744.81: a short liquidated at 40,000 survives', () => {
    const position = { side: 'short' as const, entryPrice: 36736.4, liquidationPrice: 40000 };
    assert.equal(replay({ position, candles: [x1At0100] }).outcome, 'none');
    assert.equal(replay({ position, candles: [lastOnly(x1At0100)] }).outcome, 'liquidation');
    const stopped = replay({ position: { ...position, stopPrice: 42000 }, candles: [x1At0100] });
    assert.deepEqual([stopped.outcome, stopped.price, stopped.trigger], ['stop', 42000, 'last']);
  });
  it('a gap on the mark price liquidates at the mark open (hand-made candle)', () => {
    const r = replay({
      position: { side: 'long', entryPrice: 100, liquidationPrice: 91 },
      candles: [
        { time: 1, open: 95, high: 96, low: 94, close: 95, markOpen: 90, markHigh: 92, markLow: 89, markClose: 91 },
      ],
    });
    assert.deepEqual([r.outcome, r.price, r.trigger], ['liquidation', 90, 'mark']);
  });
  it('refuses part of a mark candle, or a mark open outside its range', () => {
    throwsCalc(
      () =>
        replay({
          position: { side: 'long', entryPrice: 100 },
          candles: [{ ...candle(1, 100, 101, 99, 100), markHigh: 101 }],
        }),
      'candles[0].markOpen',
      'required',
    );
    throwsCalc(
      () =>
        replay({
          position: { side: 'long', entryPrice: 100 },
          candles: [{ ...candle(1, 100, 101, 99, 100), markOpen: 105, markHigh: 101, markLow: 99, markClose: 100 }],
        }),
      'candles[0]',
      'inconsistent',
    );
  });
});

describe('replayTrade (real rows, worked by hand)', () => {
  // 10x long opened at the close of 2020-03-13T01:00Z, 4,062.89, with 1,000 USDT margin and 0.5 % maintenance:
  //   notional 10,000; quantity q = 10,000 / 4,062.89 = 2.4613021765295147… BTC
  //   liquidation price (Binance isolated, flat rate) = 4,062.89 × (1 − 1/10) / (1 − 0.005) = 3,656.601 / 0.995
  //     = 3,674.9758793969849…; the next hour's mark low 3,801.83 stays above it (the last low 3,621.81 does not).
  const candles = [w1At0100, w1At0200, w1At0300];
  const base = {
    side: 'long' as const,
    candles,
    entryIndex: 0,
    margin: 1000,
    leverage: 10,
    maintenanceMarginRate: 0.005,
  };

  it('survives the wick, because liquidation watches the mark price; equity is valued at the mark close', () => {
    const r = replayTrade(base);
    near(r.quantity, '2.4613021765295147', '1e-15');
    near(r.liquidationPrice, '3674.975879396985', '1e-11');
    assert.equal(r.end, null);
    // Equity = 1,000 + q × (mark close − 4,062.89):
    //   01:00 mark close 4,135.77337456 → 1,000 + q × 72.88337456 = 1,179.38800843734…
    //   02:00 mark close 4,845.56713065 → 1,000 + q × 782.67713065 = 2,926.40492518872…
    near(r.equity[0], '1179.388008437344', '1e-11');
    near(r.equity[1], '2926.404925188720', '1e-11');
    // Still open at 03:00: unrealised PnL at the mark close 5,161.80645737 = q × 1,098.91645737 = 2,704.76546834888…
    near(r.pnl, '2704.765468348885', '1e-11');
    assert.deepEqual(r.extremes, {
      lastLow: 3621.81,
      lastHigh: 5529.97,
      markLow: 3801.83057975,
      markHigh: 5486.01244831,
    });
  });

  it('a 5 % stop (4,062.89 × 0.95 = 3,859.7455) fires on the last price at 02:00: −500, equity frozen at 500', () => {
    const r = replayTrade({ ...base, stopDistance: 0.05 });
    assert.equal(r.stopPrice?.toFixed(), '3859.7455');
    assert.equal(r.end?.outcome, 'stop');
    assert.equal(r.end?.trigger, 'last');
    assert.equal(r.end?.candleIndex, 1);
    assert.equal(r.end?.time, '2020-03-13T02:00Z');
    assert.equal(r.end?.price.toFixed(), '3859.7455');
    // q × (3,859.7455 − 4,062.89) = (10,000 / 4,062.89) × (−203.1445) = −500 exactly; move −5 %.
    near(r.pnl, '-500', '1e-30');
    near(r.end?.move, '-0.05', '1e-30');
    near(r.equity[1], '500', '1e-30');
    near(r.equity[2], '500', '1e-30');
  });

  it('without the mark prices the same trade is liquidated at 02:00 and loses the whole margin', () => {
    const r = replayTrade({ ...base, candles: candles.map(lastOnly) });
    assert.equal(r.end?.outcome, 'liquidation');
    assert.equal(r.end?.candleIndex, 1);
    near(r.end?.price, '3674.975879396985', '1e-11');
    assert.equal(r.pnl.toFixed(), '-1000');
    assert.equal(r.equity[2]?.toFixed(), '0');
    // Without mark prices the equity is valued at the last close: 1,000 + q × 0 at the entry candle.
    assert.equal(r.equity[0]?.toFixed(), '1000');
  });

  it('26 Jul 2021: a 10x short from 36,736.40 is not liquidated by the 48,168.60 spike, but a 5 % stop fires on it', () => {
    // q = 10,000 / 36,736.4 = 0.27220957959952526…; liquidation = 36,736.4 × 1.1 / 1.005 = 40,208.995024875…,
    // above the mark high 39,744.81. A 5 % stop is 36,736.4 × 1.05 = 38,573.22, below the last high 48,168.60.
    const short = { ...base, side: 'short' as const, candles: [x1At0000, x1At0100] };
    const open = replayTrade(short);
    near(open.liquidationPrice, '40208.99502487562', '1e-10');
    assert.equal(open.end, null);
    // Unrealised at the 01:00 mark close: −q × (38,320.75 − 36,736.4) = −0.27220957959952526 × 1,584.35 = −431.27…
    near(open.pnl, '-431.2752474385079', '1e-10');
    const stopped = replayTrade({ ...short, stopDistance: 0.05, takeProfitDistance: 0.5 });
    assert.equal(stopped.takeProfitPrice?.toFixed(), '18368.2');
    assert.equal(stopped.end?.outcome, 'stop');
    assert.equal(stopped.end?.price.toFixed(), '38573.22');
    near(stopped.pnl, '-500', '1e-30');
  });

  it('cross margin: the extra balance moves the liquidation price and is lost with the margin', () => {
    // Wallet 1,000 + 500 = 1,500 against q = 2.4613…: liquidation = (q × 4,062.89 − 1,500) / (q × (1 − 0.005))
    //   = 8,500 / (2.4613021765295147 × 0.995) = 3,470.8105…; the last-only 02:00 low 3,621.81 does not reach it.
    const r = replayTrade({ ...base, candles: candles.map(lastOnly), marginMode: 'cross', extraBalance: 500 });
    near(r.liquidationPrice, '3470.810552763819', '1e-10');
    assert.equal(r.balance.toFixed(), '1500');
    assert.equal(r.end, null);
  });

  it('refuses an entry with no candle after it, and impossible distances', () => {
    throwsCalc(() => replayTrade({ ...base, entryIndex: 2 }), 'entryIndex', 'out_of_range');
    throwsCalc(() => replayTrade({ ...base, entryIndex: 0.5 }), 'entryIndex', 'out_of_range');
    throwsCalc(() => replayTrade({ ...base, stopDistance: 1 }), 'stopDistance', 'inconsistent');
    throwsCalc(() => replayTrade({ ...base, stopDistance: 0 }), 'stopDistance', 'must_be_positive');
    throwsCalc(
      () => replayTrade({ ...base, side: 'short', takeProfitDistance: 1 }),
      'takeProfitDistance',
      'inconsistent',
    );
    throwsCalc(
      () => replayTrade({ ...base, marginMode: 'cross', extraBalance: -1 }),
      'extraBalance',
      'must_be_positive',
    );
    throwsCalc(() => replayTrade({ ...base, leverage: 200 }), 'leverage', 'inconsistent');
  });
});

describe('replayTrade property: any input gives finite numbers or a typed error', () => {
  const anyValue = fc.oneof(
    fc.constantFrom(0, -1, 1, 50, 1e-20, 1e20, Number.NaN, Infinity, 'abc', '', null, undefined),
    fc.double({ min: 1, max: 200000, noNaN: true }),
  );
  const candleArb = fc.record({
    time: fc.integer(),
    open: anyValue,
    high: anyValue,
    low: anyValue,
    close: anyValue,
    markOpen: anyValue,
    markHigh: anyValue,
    markLow: anyValue,
    markClose: anyValue,
  });
  it('never NaN, never an untyped error', () => {
    fc.assert(
      fc.property(
        fc.record({
          side: fc.constantFrom('long', 'short', 'x'),
          candles: fc.array(candleArb, { maxLength: 4 }),
          entryIndex: fc.constantFrom(0, 1, -1, 0.5),
          margin: anyValue,
          leverage: anyValue,
          maintenanceMarginRate: fc.constantFrom(0.005, 0.01, -1, 'x', undefined),
          stopDistance: anyValue,
          takeProfitDistance: anyValue,
        }),
        (input) => {
          let result;
          try {
            result = replayTrade(input as never);
          } catch (error) {
            assert.ok(error instanceof CalcInputError, `untyped error: ${String(error)}`);
            return;
          }
          assert.ok(result.pnl.isFinite());
          for (const e of result.equity) assert.ok(e === null || e.isFinite());
        },
      ),
      { numRuns: 500 },
    );
  });
});
