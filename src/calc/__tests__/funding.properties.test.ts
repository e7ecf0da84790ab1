/** Property tests for the laws of funding. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { CalcInputError } from '../errors.ts';
import {
  daysUntilFundingTakes,
  fundingOverTime,
  fundingPayment,
  fundingRate,
  fundingTotal,
  isolatedAfterFunding,
} from '../funding.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import { contractArb, decimalString, mmrArb, priceArb, quantityArb, sideArb } from './helpers.ts';

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
  it('fundingTotal is the sum of fundingOverTime payments, and a long pays what a short receives', () => {
    fc.assert(
      fc.property(
        contractArb,
        quantityArb,
        priceArb,
        rateArb,
        fc.constantFrom(1, 4, 8),
        decimalString(0, 20000, 1),
        (contract, quantity, markPrice, rate, intervalHours, hours) => {
          const hold = { contract, quantity, markPrice, fundingRate: rate, intervalHours, hours };
          const long = fundingTotal({ ...hold, side: 'long' });
          const list = fundingOverTime({ ...hold, side: 'long' });
          assert.equal(long.payments, list.payments.length);
          // Equal up to the 40-digit rounding of adding n payments one by one.
          const sum = list.payments.reduce((a, p) => a.plus(p), new Decimal(0));
          assert.ok(long.total.minus(sum).abs().lte(long.total.abs().times('1e-36')), `${long.total} vs ${sum}`);
          assert.ok(long.total.plus(fundingTotal({ ...hold, side: 'short' }).total).isZero());
        },
      ),
    );
  });
  it('daysUntilFundingTakes: at that time the payments have reached the amount, one funding time earlier not yet', () => {
    fc.assert(
      fc.property(
        contractArb,
        quantityArb,
        priceArb,
        decimalString(1, 30000, 7),
        fc.constantFrom(1, 4, 8),
        decimalString(1, 1_000_000, 2),
        (contract, quantity, markPrice, rate, intervalHours, amount) => {
          // A long at a positive rate pays.
          const hold = { side: 'long', contract, quantity, markPrice, fundingRate: rate, intervalHours } as const;
          const days = daysUntilFundingTakes({ ...hold, amount });
          assert.ok(days !== null);
          // days × 24 is a whole number of intervals; rounding to 10 places undoes the 40-digit rounding of ÷ 24.
          const hours = days.times(24).toDecimalPlaces(10);
          assert.ok(hours.div(intervalHours).isInteger());
          fc.pre(hours.lte(87600) && hours.div(intervalHours).lte(100000));
          assert.ok(
            fundingTotal({ ...hold, hours })
              .total.neg()
              .gte(amount),
          );
          assert.ok(
            fundingTotal({ ...hold, hours: hours.minus(intervalHours) })
              .total.neg()
              .lt(amount),
          );
          // The side that receives never loses the amount.
          assert.equal(daysUntilFundingTakes({ ...hold, side: 'short', amount }), null);
        },
      ),
    );
  });
  it('paid funding moves an isolated liquidation price towards the entry, received funding away from it', () => {
    fc.assert(
      fc.property(
        sideArb,
        quantityArb,
        priceArb,
        decimalString(11, 1000, 1),
        mmrArb,
        decimalString(1, 999, 3),
        (side, quantity, entryPrice, leverage, mmr, share) => {
          const position = { side, quantity, entryPrice, maintenanceMarginRate: mmr };
          const margin = new Decimal(quantity).times(entryPrice).div(leverage);
          // Only positions that open safely: margin above the maintenance requirement.
          fc.pre(margin.gt(new Decimal(quantity).times(entryPrice).times(mmr)));
          const start = liquidationPrice({ ...position, marginMode: 'isolated', margin }).price;
          const paid = isolatedAfterFunding({ ...position, margin, funding: margin.times(share).neg() });
          const received = isolatedAfterFunding({ ...position, margin, funding: margin.times(share) });
          assert.ok(paid.marginAfter.plus(margin.times(share)).minus(margin).abs().lte(margin.times('1e-36')));
          assert.equal(received.after.state, 'price');
          if (received.after.state === 'price' && start && received.after.price) {
            assert.ok(side === 'long' ? received.after.price.lt(start) : received.after.price.gt(start));
          }
          if (paid.after.state === 'price' && start && paid.after.price) {
            assert.ok(side === 'long' ? paid.after.price.gt(start) : paid.after.price.lt(start));
          } else {
            // Not a price: what is left is no more than the requirement.
            assert.ok(paid.marginAfter.lte(paid.maintenance));
          }
        },
      ),
    );
  });
  it('bad input to the new funding functions is a typed CalcInputError on the right field', () => {
    const hold = { side: 'long', quantity: 1, markPrice: 100, fundingRate: '0.0001', intervalHours: 8 } as const;
    fc.assert(
      fc.property(fc.constantFrom('abc', '', '-1', 'NaN', 'Infinity'), (bad) => {
        throwsTyped(() => fundingTotal({ ...hold, hours: bad }), 'hours');
        throwsTyped(() => daysUntilFundingTakes({ ...hold, amount: bad }), 'amount');
        throwsTyped(() => fundingTotal({ ...hold, markPrice: bad, hours: 8 }), 'markPrice');
      }),
    );
  });
});

/** Asserts a CalcInputError on `field` (any other exception fails the test). */
function throwsTyped(fn: () => unknown, field: string): void {
  assert.throws(fn, (error: unknown) => error instanceof CalcInputError && error.field === field);
}
