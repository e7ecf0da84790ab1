/**
 * Tests for closing orders on a price path (src/calc/orders.ts). Expected values are worked by hand from small
 * hand-made candle lists; the rules are those of the module comment (Binance "What Is Stop Order",
 * https://www.binance.com/en/support/faq/what-is-stop-order-360036351051).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal as CalcDecimal } from '../decimal.ts';
import { CalcInputError } from '../errors.ts';
import { fillCloseOrder, orderFills } from '../orders.ts';
import type { Candle } from '../replay.ts';
import { near, throwsCalc } from './helpers.ts';

/** A candle of the last price; `mark` (open, high, low, close) when the mark price differs. */
const bar = (time: number, [open, high, low, close]: number[], mark?: number[]): Candle => ({
  time,
  open,
  high,
  low,
  close,
  ...(mark ? { markOpen: mark[0], markHigh: mark[1], markLow: mark[2], markClose: mark[3] } : {}),
});

describe('fillCloseOrder (hand-made candles)', () => {
  it('a stop-market on the last price fills at its trigger when a candle trades through it', () => {
    // Long, stop 95: candle 1 opens at 100 (above 95) and its low 94 reaches 95, so it fills at 95, no slippage.
    const r = fillCloseOrder({
      side: 'long',
      order: { type: 'stop-market', triggerPrice: 95 },
      candles: [bar(1, [100, 101, 99, 100]), bar(2, [100, 100, 94, 96])],
    });
    assert.equal(r.status, 'filled');
    assert.equal(r.triggerIndex, 1);
    assert.equal(r.fillIndex, 1);
    assert.equal(r.gapped, false);
    near(r.fillPrice, 95);
    near(r.slippage, 0);
  });

  it('a stop-market fills at the open when the candle opens beyond the trigger (a gap)', () => {
    // Long, stop 95: candle 1 opens at 93, already below 95: the market sell fills at 93; slippage 95 − 93 = 2.
    const r = fillCloseOrder({
      side: 'long',
      order: { type: 'stop-market', triggerPrice: 95 },
      candles: [bar(1, [100, 100, 99, 99]), bar(2, [93, 94, 92, 93])],
    });
    assert.equal(r.gapped, true);
    assert.equal(r.fillIndex, 1);
    near(r.fillPrice, 93);
    near(r.triggeredAt, 93);
    near(r.slippage, 2);
  });

  it('a stop-limit whose limit is passed by a gap never fills when the price does not come back', () => {
    // Long, trigger 4,900, limit 4,880. Candle 1 gaps from 4,950 to an open of 4,700 (below both): skipped. Its close
    // 4,700 < 4,880 and candle 2's high 4,850 < 4,880: the limit never trades again, so the position stays open.
    const r = fillCloseOrder({
      side: 'long',
      order: { type: 'stop-limit', triggerPrice: 4900, limitPrice: 4880 },
      candles: [bar(1, [4950, 4960, 4940, 4950]), bar(2, [4700, 4720, 4650, 4700]), bar(3, [4700, 4850, 4690, 4800])],
    });
    assert.equal(r.status, 'not-filled');
    assert.equal(r.triggerIndex, 1);
    assert.equal(r.gapped, true);
    assert.equal(r.skipped, true);
    assert.equal(r.fillPrice, null);
    near(r.extreme, 4650);
  });

  it('a skipped stop-limit fills at its limit when the price comes back to it later', () => {
    // Same gap; candle 3's high 4,885 ≥ 4,880, so the resting sell at 4,880 fills there, at its limit exactly.
    const r = fillCloseOrder({
      side: 'long',
      order: { type: 'stop-limit', triggerPrice: 4900, limitPrice: 4880 },
      candles: [bar(1, [4950, 4960, 4940, 4950]), bar(2, [4700, 4720, 4650, 4700]), bar(3, [4700, 4885, 4690, 4800])],
    });
    assert.equal(r.status, 'filled');
    assert.equal(r.fillIndex, 2);
    near(r.fillPrice, 4880);
    near(r.slippage, 20); // 4,900 − 4,880
  });

  it('a stop-limit fills at its trigger when the candle stays above the limit', () => {
    // Trigger 4,900, limit 4,880; the candle's low 4,890 is between them: filled at 4,900.
    const r = fillCloseOrder({
      side: 'long',
      order: { type: 'stop-limit', triggerPrice: 4900, limitPrice: 4880 },
      candles: [bar(1, [4950, 4960, 4890, 4930])],
    });
    assert.equal(r.status, 'filled');
    assert.equal(r.skipped, false);
    near(r.fillPrice, 4900);
  });

  it('a mark-price stop fires on the mark and fills inside the last price’s range', () => {
    // Long, stop 95 on the mark: the mark's low 94.5 reaches it while the last price's low is 96. The market sell then
    // trades at the last price, at best where it stood: the trigger held inside [96, 101] is 96 (slippage 95 − 96 = −1).
    const r = fillCloseOrder({
      side: 'long',
      order: { type: 'stop-market', triggerPrice: 95, triggerBy: 'mark' },
      candles: [bar(1, [100, 101, 96, 97], [100, 100.5, 94.5, 96])],
    });
    assert.equal(r.fillIndex, 0);
    near(r.fillPrice, 96);
    near(r.slippage, -1);
    // The same stop on the last price is not reached by that candle.
    const last = fillCloseOrder({
      side: 'long',
      order: { type: 'stop-market', triggerPrice: 95 },
      candles: [bar(1, [100, 101, 96, 97], [100, 100.5, 94.5, 96])],
    });
    assert.equal(last.status, 'not-triggered');
  });

  it('a short’s take-profit buys at its price; a short’s skipped stop-limit buys back at its limit', () => {
    const tp = fillCloseOrder({
      side: 'short',
      order: { type: 'take-profit-market', triggerPrice: 90 },
      candles: [bar(1, [100, 100, 89, 92])],
    });
    near(tp.fillPrice, 90);
    // Trigger 105, limit 106: candle 0 trades up to 107, past the limit, and closes at 106.5 (still above it):
    // skipped. Candle 1's low 105.5 ≤ 106: the buy fills at 106; slippage 106 − 105 = 1.
    const sl = fillCloseOrder({
      side: 'short',
      order: { type: 'stop-limit', triggerPrice: 105, limitPrice: 106 },
      candles: [bar(1, [100, 107, 99, 106.5]), bar(2, [106.5, 108, 105.5, 107])],
    });
    assert.equal(sl.skipped, true);
    assert.equal(sl.fillIndex, 1);
    near(sl.fillPrice, 106);
    near(sl.slippage, 1);
  });

  it('refuses orders that cannot work', () => {
    const candles = [bar(1, [100, 101, 99, 100])];
    throwsCalc(
      () => fillCloseOrder({ side: 'long', order: { type: 'stop-limit', triggerPrice: 95, limitPrice: 96 }, candles }),
      'limitPrice',
      'inconsistent',
    );
    throwsCalc(
      () => fillCloseOrder({ side: 'long', order: { type: 'stop-limit', triggerPrice: 95 }, candles }),
      'limitPrice',
      'required',
    );
    throwsCalc(
      () => fillCloseOrder({ side: 'long', order: { type: 'trailing' as 'stop-market', triggerPrice: 95 }, candles }),
      'type',
      'out_of_range',
    );
    throwsCalc(
      () => fillCloseOrder({ side: 'long', order: { type: 'stop-market', triggerPrice: -1 }, candles }),
      'triggerPrice',
      'must_be_positive',
    );
  });
});

describe('orderFills (a hand-made path with separate mark and last prices)', () => {
  // Entry at candle 0's close, 5,000. Candle 1: a last-price wick to 4,870 while the mark stays at 4,950 or above.
  // Candle 2: a fast fall, the mark to 4,760. Candle 4: a rally to 5,600.
  const candles = [
    bar(0, [5000, 5010, 4990, 5000], [5000, 5005, 4995, 5000]),
    bar(1, [5000, 5020, 4870, 4970], [5000, 5015, 4950, 4975]),
    bar(2, [4970, 4975, 4700, 4720], [4975, 4978, 4760, 4765]),
    bar(3, [4720, 4890, 4650, 4880], [4765, 4880, 4690, 4870]),
    bar(4, [4880, 5600, 4870, 5550], [4870, 5580, 4860, 5540]),
  ];
  const r = orderFills({
    side: 'long',
    candles,
    entryIndex: 0,
    margin: 1000,
    leverage: 20,
    maintenanceMarginRate: 0.005,
    stopDistance: 0.02,
    limitOffset: 0.004,
    takeProfitDistance: 0.1,
  });
  const row = (id: string) => {
    const found = r.rows.find((x) => x.id === id);
    assert.ok(found, id);
    return found;
  };

  it('sizes the position and prices the orders', () => {
    // q = 1,000 × 20 / 5,000 = 4 BTC; stop 5,000 × 0.98 = 4,900; limit 4,900 × 0.996 = 4,880.4; target 5,000 × 1.1.
    near(r.quantity, 4);
    near(r.stopPrice, 4900);
    near(r.limitPrice, '4880.4');
    near(r.takeProfitPrice, 5500);
  });

  it('liquidates at the first candle whose mark low crosses the liquidation price', () => {
    // Isolated long: 1,000 + 4 × (P − 5,000) = 0.005 × 4 × P  ⇒  3.98 P = 19,000  ⇒  P = 4,773.8693467…
    // Mark lows: candle 1 4,950 (above), candle 2 4,760 (below): liquidated in candle 2 at P; the margin is lost.
    near(r.liquidationPrice, new CalcDecimal(19000).div('3.98'), '1e-20');
    assert.equal(r.liquidation?.index, 2);
    assert.equal(r.liquidation?.gapped, false);
    near(r.liquidation?.pnl, -1000);
  });

  it('the last-price stop fires on the wick; the mark-price stop only in the fall', () => {
    // Last low 4,870 ≤ 4,900 in candle 1: filled at 4,900; PnL 4 × (4,900 − 5,000) = −400.
    const last = row('stop-last');
    assert.equal(last.fillIndex, 1);
    near(last.fillPrice, 4900);
    near(last.pnl, -400);
    assert.equal(last.beforeLiquidation, true);
    // Mark low 4,950 in candle 1 (not reached), 4,760 in candle 2: triggered there, filled at 4,900 (inside the last
    // range [4,700, 4,975]), in the liquidation's candle but nearer to entry than 4,773.87: it closes first.
    const mark = row('stop-mark');
    assert.equal(mark.fillIndex, 2);
    near(mark.fillPrice, 4900);
    assert.equal(mark.beforeLiquidation, true);
  });

  it('the stop-limit is skipped by the wick and fills at its limit when the price comes back', () => {
    // Candle 1 trades to 4,870, below the 4,880.4 limit: skipped. It closes at 4,970 ≥ 4,880.4, so the resting sell
    // fills at 4,880.4 in the same candle; PnL 4 × (4,880.4 − 5,000) = −478.4.
    const sl = row('stop-limit');
    assert.equal(sl.skipped, true);
    assert.equal(sl.fillIndex, 1);
    near(sl.fillPrice, '4880.4');
    near(sl.pnl, '-478.4');
  });

  it('the take-profit would fill only after the liquidation, so it never closes anything', () => {
    // Candle 4's high 5,600 ≥ 5,500: filled at 5,500 (PnL 4 × 500 = 2,000) but candle 4 comes after candle 2.
    const tp = row('take-profit');
    assert.equal(tp.fillIndex, 4);
    near(tp.fillPrice, 5500);
    near(tp.pnl, 2000);
    assert.equal(tp.beforeLiquidation, false);
  });

  it('refuses a stop of 100 % on a long and a negative limit offset', () => {
    const base = {
      side: 'long' as const,
      candles,
      entryIndex: 0,
      margin: 1000,
      leverage: 20,
      maintenanceMarginRate: 0.005,
      stopDistance: 0.02,
      limitOffset: 0.004,
      takeProfitDistance: 0.1,
    };
    throwsCalc(() => orderFills({ ...base, stopDistance: 1 }), 'stopDistance', 'inconsistent');
    throwsCalc(() => orderFills({ ...base, limitOffset: -0.1 }), 'limitOffset', 'must_be_positive');
    throwsCalc(() => orderFills({ ...base, entryIndex: 4 }), 'entryIndex', 'out_of_range');
  });
});

describe('orders: properties', () => {
  /** Random candles as integers: open, then high ≥ max(open, close), low ≤ min(open, close), all > 0. */
  const candleArb = fc
    .tuple(
      fc.integer({ min: 50, max: 150 }),
      fc.integer({ min: 50, max: 150 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 20 }),
    )
    .map(([open, close, up, down]) => ({
      open,
      close,
      high: Math.max(open, close) + up,
      low: Math.max(1, Math.min(open, close) - down),
    }));
  const pathArb = fc
    .array(candleArb, { minLength: 1, maxLength: 12 })
    .map((cs) => cs.map((c, i): Candle => ({ time: i, ...c })));
  const sideArb = fc.constantFrom('long' as const, 'short' as const);

  it('a stop-market always fills once triggered, in the trigger candle, inside its last-price range', () => {
    fc.assert(
      fc.property(
        sideArb,
        pathArb,
        fc.integer({ min: 40, max: 160 }),
        fc.constantFrom('last' as const, 'mark' as const),
        (side, candles, t, by) => {
          const r = fillCloseOrder({
            side,
            order: { type: 'stop-market', triggerPrice: t, triggerBy: by },
            candles,
          });
          assert.equal(r.status === 'filled', r.triggerIndex !== null);
          if (r.triggerIndex === null) return;
          assert.equal(r.fillIndex, r.triggerIndex);
          const c = candles[r.triggerIndex] as { low: number; high: number };
          assert.ok(r.fillPrice !== null && r.fillPrice.gte(c.low) && r.fillPrice.lte(c.high));
        },
      ),
    );
  });

  it('a stop-limit never fills at a price worse than its limit', () => {
    fc.assert(
      fc.property(
        sideArb,
        pathArb,
        fc.integer({ min: 40, max: 160 }),
        fc.integer({ min: 0, max: 20 }),
        (side, candles, t, gap) => {
          const limit = side === 'long' ? t - gap : t + gap;
          fc.pre(limit > 0);
          const r = fillCloseOrder({
            side,
            order: { type: 'stop-limit', triggerPrice: t, limitPrice: limit },
            candles,
          });
          if (r.fillPrice === null) {
            assert.notEqual(r.status, 'filled');
            return;
          }
          assert.equal(r.status, 'filled');
          assert.ok(side === 'long' ? r.fillPrice.gte(limit) : r.fillPrice.lte(limit), `${r.fillPrice} vs ${limit}`);
        },
      ),
    );
  });

  it('invalid limits are refused with the limitPrice field, nothing else', () => {
    fc.assert(
      fc.property(
        sideArb,
        pathArb,
        fc.integer({ min: 40, max: 160 }),
        fc.integer({ min: 1, max: 20 }),
        (side, candles, t, gap) => {
          const limit = side === 'long' ? t + gap : t - gap;
          assert.throws(
            () => fillCloseOrder({ side, order: { type: 'stop-limit', triggerPrice: t, limitPrice: limit }, candles }),
            (e: unknown) => e instanceof CalcInputError && e.field === 'limitPrice' && e.code === 'inconsistent',
          );
        },
      ),
    );
  });
});
