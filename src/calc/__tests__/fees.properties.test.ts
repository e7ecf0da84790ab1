/** Property tests for the price move that pays a fixed cost, against PnL and the exact break-even price. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { breakEvenMove, breakEvenPrice } from '../fees.ts';
import { fundingTotal } from '../funding.ts';
import { pnl } from '../pnl.ts';
import { decimalString, priceArb, quantityArb, sideArb } from './helpers.ts';

/** |a − b| ≤ |b| × 1e-30 + 1e-30: equal up to 40-digit rounding. */
const close = (a: Decimal, b: Decimal) => a.minus(b).abs().lte(b.abs().times('1e-30').plus('1e-30'));

describe('breakEvenMove properties', () => {
  it('at the price it gives, the PnL is the cost exactly', () => {
    fc.assert(
      fc.property(
        sideArb,
        quantityArb,
        priceArb,
        decimalString(-100_000_000, 100_000_000, 2),
        (side, q, entry, cost) => {
          const m = breakEvenMove({ side, quantity: q, entryPrice: entry, cost });
          fc.pre(m.price !== null);
          const gain = pnl({ side, quantity: q, entryPrice: entry, exitPrice: m.price });
          assert.ok(close(gain, new Decimal(cost)), `${gain} vs ${cost}`);
          assert.ok(close(m.fraction.times(entry), m.move));
        },
      ),
    );
  });
  it('a long and a short paying the same cost need opposite moves', () => {
    fc.assert(
      fc.property(quantityArb, priceArb, decimalString(-1_000_000, 1_000_000, 2), (q, entry, cost) => {
        const long = breakEvenMove({ side: 'long', quantity: q, entryPrice: entry, cost });
        const short = breakEvenMove({ side: 'short', quantity: q, entryPrice: entry, cost });
        assert.ok(long.move.plus(short.move).isZero());
      }),
    );
  });
  it('with zero fees, the funding cost over n intervals gives breakEvenPrice’s entry × (1 + n·F)', () => {
    fc.assert(
      fc.property(
        sideArb,
        quantityArb,
        priceArb,
        decimalString(-3000, 3000, 7),
        fc.integer({ min: 0, max: 1000 }),
        (side, q, entry, rate, n) => {
          // Funding at a mark held at entry, n payments of 8 h: cost = −total (a long pays q·E·n·F).
          const cost = fundingTotal({
            side,
            quantity: q,
            markPrice: entry,
            fundingRate: rate,
            intervalHours: 8,
            hours: 8 * n,
          }).total.neg();
          const move = breakEvenMove({ side, quantity: q, entryPrice: entry, cost });
          // |n·F| ≤ 1000 × 0.0003 = 0.3 < 1, so both break-evens are positive prices.
          const exact = breakEvenPrice({
            side,
            entryPrice: entry,
            openFeeRate: 0,
            closeFeeRate: 0,
            fundingRate: rate,
            fundingIntervals: n,
          });
          assert.ok(move.price !== null && close(move.price, exact), `${move.price} vs ${exact}`);
        },
      ),
    );
  });
});
