/** Shared test helpers: Decimal assertions and fast-check arbitraries that build decimal strings from integers. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal, type Numeric } from '../decimal.ts';
import { CalcInputError } from '../errors.ts';

/** Asserts |actual − expected| ≤ tolerance (default exact to 1e-30). */
export function near(
  actual: Decimal | null | undefined,
  expected: Numeric,
  tolerance: Numeric = '1e-30',
  note = '',
): void {
  assert.ok(actual !== null && actual !== undefined, `expected ${expected}, got ${actual} ${note}`);
  const diff = actual.minus(expected).abs();
  assert.ok(diff.lte(tolerance), `expected ${expected} ± ${tolerance}, got ${actual.toString()} ${note}`);
}

/** Asserts `fn` throws a CalcInputError with this field and code. */
export function throwsCalc(fn: () => unknown, field: string, code: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof CalcInputError, `not a CalcInputError: ${String(error)}`);
    assert.equal(error.field, field);
    assert.equal(error.code, code);
    assert.ok(
      error.message.length > 10 && /[.]$/.test(error.message),
      `message should be a sentence: ${error.message}`,
    );
    return true;
  });
}

/** A decimal string `n / 10^scale` with `n` an integer in [min, max]. */
export function decimalString(min: number, max: number, scale: number): fc.Arbitrary<string> {
  return fc.integer({ min, max }).map((n) => new Decimal(n).div(new Decimal(10).pow(scale)).toFixed());
}

export const sideArb = fc.constantFrom('long' as const, 'short' as const);
export const contractArb = fc.constantFrom('linear' as const, 'inverse' as const);
/** Prices 1.00 … 200,000.00. */
export const priceArb = decimalString(100, 20_000_000, 2);
/** Quantities 1.000 … 1,000.000 (base units for linear, USD face value for inverse, which must be at least 1). */
export const quantityArb = decimalString(1000, 1_000_000, 3);
/** Leverage 1.0 … 125.0. */
export const leverageArb = decimalString(10, 1250, 1);
/** Maintenance rates 0.001 … 0.02 (0.1 % … 2 %). */
export const mmrArb = decimalString(10, 200, 4);
