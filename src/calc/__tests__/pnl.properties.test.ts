/** Property tests for the laws of PnL, ROE and target price. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { initialMargin } from '../size.ts';
import { pnl, roe, targetPrice } from '../pnl.ts';
import { contractArb, decimalString, leverageArb, near, priceArb, quantityArb, sideArb } from './helpers.ts';

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
          let price;
          try {
            price = targetPrice({ side, contract, entryPrice, leverage, roe: wanted });
          } catch {
            return; // impossible targets are typed errors, covered by the no-NaN property
          }
          near(roe({ side, contract, quantity: 1000, entryPrice, exitPrice: price, leverage }), wanted, '1e-30');
        },
      ),
    );
  });
});
