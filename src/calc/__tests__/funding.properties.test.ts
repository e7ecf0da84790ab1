/** Property tests for the laws of funding. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fundingOverTime, fundingPayment, fundingRate } from '../funding.ts';
import { contractArb, decimalString, priceArb, quantityArb } from './helpers.ts';

const rateArb = decimalString(-30000, 30000, 7);

describe('funding properties', () => {
  it('funding paid by longs equals funding received by shorts', () => {
    fc.assert(
      fc.property(contractArb, quantityArb, priceArb, rateArb, (contract, quantity, markPrice, rate) => {
        const long = fundingPayment({ side: 'long', contract, quantity, markPrice, fundingRate: rate });
        const short = fundingPayment({ side: 'short', contract, quantity, markPrice, fundingRate: rate });
        assert.ok(long.plus(short).isZero());
      }),
    );
  });
  it('a positive rate costs longs and pays shorts', () => {
    fc.assert(
      fc.property(quantityArb, priceArb, decimalString(1, 30000, 7), (quantity, markPrice, rate) => {
        assert.ok(fundingPayment({ side: 'long', quantity, markPrice, fundingRate: rate }).isNegative());
      }),
    );
  });
  it('payments over time are floor(hours / interval) equal payments', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 4, 8), decimalString(0, 50000, 1), rateArb, (intervalHours, hours, rate) => {
        const r = fundingOverTime({
          side: 'long',
          quantity: 1,
          markPrice: 100,
          fundingRate: rate,
          intervalHours,
          hours,
        });
        assert.equal(r.payments.length, Math.floor(Number(hours) / intervalHours));
        assert.ok(r.total.eq(r.payments.reduce((a, p) => a.plus(p), r.total.minus(r.total))));
      }),
    );
  });
  it('the funding rate stays within the clamp band around the interest rate unless the premium is further out', () => {
    fc.assert(
      fc.property(decimalString(-100000, 100000, 7), (premium) => {
        const f = fundingRate({ premiumIndex: premium });
        assert.ok(f.gte('-0.0004') || f.eq(premium) || f.minus(premium).eq('0.0005'));
      }),
    );
  });
});
