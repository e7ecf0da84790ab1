/** Property tests for the laws of risk sizing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import { pnl } from '../pnl.ts';
import { maxLeverageForStop, riskPositionSize, riskReward } from '../risk.ts';
import { decimalString, mmrArb, near, priceArb } from './helpers.ts';

const feeArb = fc.constantFrom('0', '0.0002', '0.0005');

describe('risk properties', () => {
  it('the loss at the stop, fees included, equals the risk amount', () => {
    fc.assert(
      fc.property(
        decimalString(10000, 100000000, 2),
        decimalString(1, 1000, 4),
        priceArb,
        decimalString(1, 5000, 4),
        fc.boolean(),
        feeArb,
        feeArb,
        (balance, riskFraction, entryPrice, move, long, openFeeRate, closeFeeRate) => {
          const entry = new Decimal(entryPrice);
          const stop = long ? entry.times(new Decimal(1).minus(move)) : entry.times(new Decimal(1).plus(move));
          const r = riskPositionSize({ balance, riskFraction, entryPrice, stopPrice: stop, openFeeRate, closeFeeRate });
          const loss = pnl({ side: long ? 'long' : 'short', quantity: r.quantity, entryPrice, exitPrice: stop })
            .neg()
            .plus(r.quantity.times(entry).times(openFeeRate))
            .plus(r.quantity.times(stop).times(closeFeeRate));
          near(loss, r.riskAmount, r.riskAmount.times('1e-35'));
        },
      ),
    );
  });
  it('the break-even win rate of a risk:reward R is 1 / (1 + R)', () => {
    fc.assert(
      fc.property(priceArb, decimalString(1, 9000, 4), decimalString(1, 9000, 4), (entryPrice, down, up) => {
        const entry = new Decimal(entryPrice);
        const r = riskReward({
          side: 'long',
          entryPrice,
          stopPrice: entry.times(new Decimal(1).minus(down)),
          targetPrice: entry.times(new Decimal(1).plus(up)),
        });
        near(r.breakEvenWinRate, new Decimal(1).div(r.rewardToRisk.plus(1)), '1e-35');
      }),
    );
  });
  it('at the highest leverage for a stop, the stop fires before (or exactly at) liquidation', () => {
    fc.assert(
      fc.property(fc.boolean(), priceArb, decimalString(20, 4000, 4), mmrArb, (long, entryPrice, move, rate) => {
        const entry = new Decimal(entryPrice);
        const side = long ? 'long' : 'short';
        const stop = long ? entry.times(new Decimal(1).minus(move)) : entry.times(new Decimal(1).plus(move));
        let leverage;
        try {
          leverage = maxLeverageForStop({ side, entryPrice, stopPrice: stop, maintenanceMarginRate: rate });
        } catch {
          return;
        }
        const liq = liquidationPrice({
          side,
          quantity: 1,
          entryPrice,
          marginMode: 'isolated',
          leverage,
          maintenanceMarginRate: rate,
        }).price;
        if (liq === null) return;
        assert.ok(long ? liq.lte(stop.plus('1e-25')) : liq.gte(stop.minus('1e-25')));
      }),
    );
  });
});
