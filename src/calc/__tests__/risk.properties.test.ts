/** Property tests for the laws of risk sizing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import { pnl } from '../pnl.ts';
import {
  maxLeverageForStop,
  riskPositionSize,
  riskReward,
  safeLeverageForStop,
  stopBeforeLiquidation,
} from '../risk.ts';
import { decimalString, leverageArb, mmrArb, near, priceArb, quantityArb, sideArb, throwsCalc } from './helpers.ts';

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
      fc.property(
        fc.boolean(),
        priceArb,
        decimalString(20, 15000, 4), // a move of 0.2 % … 150 % of entry (a long's is kept below 100 %)
        mmrArb,
        (long, entryPrice, rawMove, rate) => {
          const entry = new Decimal(entryPrice);
          const side = long ? 'long' : 'short';
          const move = long ? Decimal.min(rawMove, '0.9999') : new Decimal(rawMove);
          const stop = long ? entry.times(new Decimal(1).minus(move)) : entry.times(new Decimal(1).plus(move));
          const input = { side, entryPrice, stopPrice: stop, maintenanceMarginRate: rate } as const;
          // Worked from the formula, not the code: 1/L = (stop × (1 + r) − entry) / entry above 1 means even 1x is
          // liquidated first (only a short can get there); that must be the typed error, and nothing else may throw.
          if (!long && stop.times(new Decimal(1).plus(rate)).minus(entry).gt(entry)) {
            throwsCalc(() => maxLeverageForStop(input), 'stopPrice', 'out_of_range');
            return;
          }
          const leverage = maxLeverageForStop(input);
          const liq = liquidationPrice({
            side,
            quantity: 1,
            entryPrice,
            marginMode: 'isolated',
            leverage,
            maintenanceMarginRate: rate,
          }).price;
          // L > 1 for every stop here, so a long always has a positive liquidation price.
          assert.ok(liq !== null, 'a liquidation price');
          assert.ok(long ? liq.lte(stop.plus('1e-25')) : liq.gte(stop.minus('1e-25')));
        },
      ),
    );
  });
  it('safeLeverageForStop: the shown figure keeps the stop first, one step more does not', () => {
    fc.assert(
      fc.property(
        sideArb,
        priceArb,
        decimalString(20, 15000, 4), // stop distance 0.2 % … 150 % of entry
        mmrArb,
        fc.constantFrom('0', '0', '0.001', '0.01', '0.05'), // buffer
        fc.integer({ min: 0, max: 3 }), // decimals
        fc.option(fc.tuple(decimalString(1, 100000, 2), quantityArb), { nil: undefined }), // amount, quantity
        fc.constantFrom(undefined, '125', '33.3'), // venue maximum
        (side, entryPrice, rawMove, rate, buffer, decimals, amounts, maxLeverage) => {
          const entry = new Decimal(entryPrice);
          const long = side === 'long';
          const move = long ? Decimal.min(rawMove, '0.9999') : new Decimal(rawMove);
          const stop = long ? entry.times(new Decimal(1).minus(move)) : entry.times(new Decimal(1).plus(move));
          const [maintenanceAmount, quantity] = amounts ?? [undefined, undefined];
          const base = {
            side,
            entryPrice,
            stopPrice: stop,
            maintenanceMarginRate: rate,
            buffer,
            maintenanceAmount,
            quantity,
          };
          // Expected errors, worked from the inputs: a buffer that pushes a long's stop to zero or below, and a short
          // whose 1/L = (S′ × (1 + r) − E − a/q) / E is above 1 (even 1x is liquidated first).
          const shifted = long ? stop.minus(entry.times(buffer)) : stop.plus(entry.times(buffer));
          if (long && shifted.lte(0)) {
            throwsCalc(() => safeLeverageForStop({ ...base, decimals, maxLeverage }), 'buffer', 'inconsistent');
            return;
          }
          const perUnit =
            maintenanceAmount === undefined ? new Decimal(0) : new Decimal(maintenanceAmount).div(quantity);
          if (!long && shifted.times(new Decimal(1).plus(rate)).minus(entry).minus(perUnit).gt(entry)) {
            throwsCalc(() => safeLeverageForStop({ ...base, decimals, maxLeverage }), 'stopPrice', 'out_of_range');
            return;
          }
          const { exact, shown } = safeLeverageForStop({ ...base, decimals, maxLeverage });
          const step = new Decimal(10).pow(-decimals);
          const max = new Decimal(maxLeverage ?? 200);
          assert.ok(shown.lte(exact) && exact.lte(max), `${shown} ≤ ${exact} ≤ ${max}`);
          assert.ok(shown.gte(1) && shown.decimalPlaces() <= decimals, `shown ${shown}`);
          assert.ok(exact.minus(shown).lt(step.times(2)), `${exact} − ${shown} is less than two steps`);
          const at = (leverage: Decimal) => stopBeforeLiquidation({ ...base, leverage, maxLeverage });
          assert.equal(at(shown).firesFirst, true, `stop first at ${shown}x`);
          const above = shown.plus(step);
          if (above.gt(max)) {
            // One step more is beyond what the venue allows: refused as a leverage, not answered.
            throwsCalc(() => at(above), 'leverage', 'out_of_range');
          } else {
            // shown + step > exact (shown is exact rounded down, or one step below that when the guard stepped in),
            // so the stop no longer fires first, unless the guard lowered shown because shown + step already failed.
            assert.equal(at(above).firesFirst, false, `not first at ${above}x (exact ${exact})`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('stopBeforeLiquidation agrees with liquidationPrice (an independent solver) and with maxLeverageForStop', () => {
    fc.assert(
      fc.property(
        sideArb,
        priceArb,
        decimalString(20, 4000, 4), // stop distance 0.2 % … 40 %
        mmrArb,
        leverageArb,
        fc.option(fc.tuple(decimalString(1, 1000, 2), quantityArb), { nil: undefined }),
        (side, entryPrice, move, rate, leverage, amounts) => {
          const entry = new Decimal(entryPrice);
          const stop =
            side === 'long' ? entry.times(new Decimal(1).minus(move)) : entry.times(new Decimal(1).plus(move));
          const [maintenanceAmount, quantity] = amounts ?? [undefined, '1'];
          const input = { side, entryPrice, stopPrice: stop, maintenanceMarginRate: rate, maintenanceAmount, quantity };
          // The margin must exceed the requirement at entry for the position to open: 1/L > r − a / (q × E).
          const opens = new Decimal(1)
            .div(leverage)
            .gt(new Decimal(rate).minus(new Decimal(maintenanceAmount ?? 0).div(entry.times(quantity))));
          fc.pre(opens);
          const check = stopBeforeLiquidation({ ...input, leverage });
          const liq = liquidationPrice({
            side,
            quantity: quantity,
            entryPrice,
            marginMode: 'isolated',
            leverage,
            maintenanceMarginRate: rate,
            maintenanceAmount: maintenanceAmount ?? 0,
          }).price;
          if (liq === null) assert.equal(check.liquidationPrice, null);
          else near(check.liquidationPrice, liq, liq.times('1e-30'));
          assert.equal(check.firesFirst, new Decimal(leverage).lte(maxLeverageForStop(input)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
