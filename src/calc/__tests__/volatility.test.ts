/** Tests for realised volatility: sample standard deviation of log returns, annualised. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CalcInputError } from '../errors.ts';
import { realisedVolatility } from '../volatility.ts';
import { near, throwsCalc } from './helpers.ts';

describe('realisedVolatility (worked by hand)', () => {
  it('two returns: the sample standard deviation is |u₁ − u₂| / √2', () => {
    // Closes 100, 110, 99: u₁ = ln 1.1, u₂ = ln 0.9, so |u₁ − u₂| = ln(11/9) = 0.2006706954621511 (tables).
    // s = ln(11/9) / √2; with 8 periods a year σ = s × √8 = 2 × ln(11/9) = 0.4013413909243022.
    near(realisedVolatility({ closes: [100, 110, 99], periodsPerYear: 8 }), '0.4013413909243022', '1e-15');
  });
  it('a steady rise has no volatility: every return is ln 2', () => {
    near(realisedVolatility({ closes: [100, 200, 400, 800], periodsPerYear: 8760 }), '0', '1e-30');
  });
  it('three real hourly mark closes (Binance BTCUSDT perpetual, 13 Mar 2020 01:00–03:00 UTC)', () => {
    // Mark closes 4,135.77337456, 4,845.56713065, 5,161.80645737 (w1_2020-03-12_black-thursday_1h.csv):
    //   u₁ = ln(4,845.56713065 / 4,135.77337456) = ln 1.171623… = 0.158389951002066
    //   u₂ = ln(5,161.80645737 / 4,845.56713065) = ln 1.065263… = 0.063222313542271
    //   s = |u₁ − u₂| / √2 = 0.095167637459795 / 1.414213562373095 = 0.067293…
    //   σ = s × √8,760 = 0.067293… × 93.594871654 = 6.2983435 (630 % a year: one wild night).
    near(
      realisedVolatility({ closes: ['4135.77337456', '4845.56713065', '5161.80645737'], periodsPerYear: 8760 }),
      '6.29834351097128',
      '1e-12',
    );
  });
  it('refuses too few closes, non-positive closes and impossible periods', () => {
    throwsCalc(() => realisedVolatility({ closes: [100, 110], periodsPerYear: 365 }), 'closes', 'out_of_range');
    throwsCalc(
      () => realisedVolatility({ closes: [100, 0, 110], periodsPerYear: 365 }),
      'closes[1]',
      'must_be_positive',
    );
    throwsCalc(() => realisedVolatility({ closes: [1, 2, 3], periodsPerYear: 0 }), 'periodsPerYear', 'out_of_range');
    throwsCalc(() => realisedVolatility({ closes: 'abc' as never, periodsPerYear: 365 }), 'closes', 'required');
  });
  it('property: scaling every price leaves volatility unchanged (returns are ratios)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 3, maxLength: 12 }),
        fc.integer({ min: 2, max: 1000 }),
        (closes, k) => {
          const a = realisedVolatility({ closes, periodsPerYear: 365 });
          const b = realisedVolatility({ closes: closes.map((c) => c * k), periodsPerYear: 365 });
          near(b, a, '1e-25');
        },
      ),
      { numRuns: 100 },
    );
  });
  it('property: any input gives a finite non-negative number or a typed error', () => {
    const anyValue = fc.constantFrom(1, 2, 0, -1, 'x', '', null, Number.NaN, Infinity, 1e20);
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 5 }), anyValue, (closes, periodsPerYear) => {
        try {
          const v = realisedVolatility({ closes: closes as never, periodsPerYear: periodsPerYear as never });
          assert.ok(v.isFinite() && !v.isNeg());
        } catch (error) {
          assert.ok(error instanceof CalcInputError, `untyped error: ${String(error)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
