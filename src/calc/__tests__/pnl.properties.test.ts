/** Property tests for the laws of PnL, ROE and target price. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { initialMargin } from '../size.ts';
import { Decimal } from '../decimal.ts';
import { netPnl, percentMove, pnl, roe, targetPrice } from '../pnl.ts';
import { adverseMovePrice } from '../risk.ts';
import {
  contractArb,
  decimalString,
  leverageArb,
  near,
  priceArb,
  quantityArb,
  sideArb,
  throwsCalc,
} from './helpers.ts';

describe('pnl properties', () => {
  it("a long's PnL is minus the short's for the same prices and size", () => {
    fc.assert(
      fc.property(contractArb, quantityArb, priceArb, priceArb, (contract, quantity, entryPrice, exitPrice) => {
        const long = pnl({ side: 'long', contract, quantity, entryPrice, exitPrice });
        const short = pnl({ side: 'short', contract, quantity, entryPrice, exitPrice });
        assert.ok(long.plus(short).isZero());
      }),
    );
  });
  it('at a fixed quantity PnL does not depend on leverage: ROE × initial margin is the same PnL at any leverage', () => {
    fc.assert(
      fc.property(
        sideArb,
        contractArb,
        quantityArb,
        priceArb,
        priceArb,
        leverageArb,
        leverageArb,
        (side, contract, quantity, entryPrice, exitPrice, l1, l2) => {
          const base = pnl({ side, contract, quantity, entryPrice, exitPrice });
          for (const leverage of [l1, l2]) {
            const margin = initialMargin({ contract, quantity, price: entryPrice, leverage });
            near(
              roe({ side, contract, quantity, entryPrice, exitPrice, leverage }).times(margin),
              base,
              base.abs().times('1e-35').plus('1e-30'),
            );
          }
        },
      ),
    );
  });
  it('nothing is rounded before it is multiplied: any non-zero move of a tiny position has non-zero PnL', () => {
    fc.assert(
      fc.property(sideArb, decimalString(1, 9, 3), priceArb, priceArb, (side, quantity, entryPrice, exitPrice) => {
        fc.pre(entryPrice !== exitPrice);
        assert.ok(!pnl({ side, quantity, entryPrice, exitPrice }).isZero());
      }),
    );
  });
  it('targetPrice gives back the wanted ROE', () => {
    fc.assert(
      fc.property(
        sideArb,
        contractArb,
        priceArb,
        leverageArb,
        decimalString(-99, 300, 2),
        (side, contract, entryPrice, leverage, wanted) => {
          // A linear short cannot gain L × 100 % or more (the price would reach 0), nor a coin-margined long (the
          // price would go to infinity): those draws are covered by the next property.
          fc.pre(!impossibleTarget(side, contract, leverage, wanted));
          const price = targetPrice({ side, contract, entryPrice, leverage, roe: wanted });
          near(roe({ side, contract, quantity: 1000, entryPrice, exitPrice: price, leverage }), wanted, '1e-30');
        },
      ),
    );
  });
  it('an impossible target is refused with the typed error on roe, nothing else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['short', 'linear'] as const, ['long', 'inverse'] as const),
        priceArb,
        decimalString(10, 100, 1), // leverage 1 … 10
        decimalString(0, 2000, 2), // how far past L × 100 % the wanted ROE is
        ([side, contract], entryPrice, leverage, extra) => {
          const wanted = new Decimal(leverage).plus(extra);
          assert.ok(impossibleTarget(side, contract, leverage, wanted.toFixed()));
          throwsCalc(() => targetPrice({ side, contract, entryPrice, leverage, roe: wanted }), 'roe', 'inconsistent');
        },
      ),
    );
  });
  it('percentMove undoes an adverse move: from entry to entry × (1 ∓ m) is ∓m', () => {
    fc.assert(
      fc.property(sideArb, priceArb, decimalString(0, 9999, 4), (side, entryPrice, move) => {
        const to = adverseMovePrice({ side, entryPrice, move });
        const back = percentMove({ from: entryPrice, to });
        near(side === 'long' ? back.neg() : back, move, '1e-35');
      }),
    );
  });
  it('netPnl: net = PnL − fees, the fees do not depend on the side, and long + short nets = −2 × fees', () => {
    fc.assert(
      fc.property(
        contractArb,
        quantityArb,
        priceArb,
        priceArb,
        fc.constantFrom('0', '0.0002', '0.0005', '0.001'),
        fc.constantFrom('0', '0.0004', '0.00055'),
        (contract, quantity, entryPrice, exitPrice, openFeeRate, closeFeeRate) => {
          const trade = { contract, quantity, entryPrice, exitPrice, openFeeRate, closeFeeRate };
          const long = netPnl({ side: 'long', ...trade });
          const short = netPnl({ side: 'short', ...trade });
          near(long.pnl, pnl({ side: 'long', contract, quantity, entryPrice, exitPrice }), 0);
          near(long.net, long.pnl.minus(long.openFee).minus(long.closeFee), '1e-30');
          assert.ok(long.fees.eq(short.fees) && !long.fees.isNegative());
          near(long.net.plus(short.net), long.fees.times(-2), '1e-30');
        },
      ),
    );
  });
});

/** Whether no exit price gives this ROE: a linear short at `roe ≥ L`, a coin-margined long at `roe ≥ L`. */
function impossibleTarget(side: string, contract: string, leverage: string, wanted: string): boolean {
  const beyond = new Decimal(wanted).gte(leverage);
  return beyond && ((side === 'short' && contract === 'linear') || (side === 'long' && contract === 'inverse'));
}
