/** Tests for replaying a position over OHLC candles. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replay } from '../replay.ts';
import { throwsCalc } from './helpers.ts';

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
    assert.deepEqual(r, { outcome: 'stop', candleIndex: 1, time: 2, price: 95, ambiguous: false });
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
    assert.equal(replay({ position: long, candles: [candle(1, 100, 101, 99, 100)] }).outcome, 'none'));
  it('rejects impossible candles and levels', () => {
    throwsCalc(() => replay({ position: long, candles: [candle(1, 100, 99, 98, 100)] }), 'candles[0]', 'inconsistent');
    throwsCalc(() => replay({ position: { ...long, stopPrice: 105 }, candles: [] }), 'stopPrice', 'inconsistent');
  });
});
