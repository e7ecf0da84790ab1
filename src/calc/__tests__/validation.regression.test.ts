import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialMargin, positionFromMargin, liquidationPrice, CalcInputError } from '../index.ts';

// Regression: decimal.js stores 0 with exponent 0, which once slipped through the leverage fast path.
for (const leverage of [0, '0', '0.0', '-0', '0.5']) {
  test(`leverage ${JSON.stringify(leverage)} is refused, never divided by`, () => {
    const isOutOfRange = (e: unknown) => e instanceof CalcInputError && e.field === 'leverage';
    assert.throws(() => initialMargin({ quantity: 1, price: 100, leverage }), isOutOfRange);
    assert.throws(() => positionFromMargin({ margin: 100, leverage, price: 100 }), isOutOfRange);
    assert.throws(
      () =>
        liquidationPrice({
          side: 'long',
          quantity: 1,
          entryPrice: 100,
          marginMode: 'isolated',
          leverage,
          maintenanceMarginRate: 0.005,
        }),
      isOutOfRange,
    );
  });
}
