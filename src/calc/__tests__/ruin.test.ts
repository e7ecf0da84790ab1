/** Hand-worked tests for losing streaks, drawdowns and combined risk (lesson 7), and their laws. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { combinedRisk, drawdownAfterLosses, lossStreakProbability, lossesToDrawdown } from '../ruin.ts';
import { decimalString, near, throwsCalc } from './helpers.ts';

describe('drawdownAfterLosses and lossesToDrawdown (fixed-fractional sizing, Vince 1992)', () => {
  it('two 10 % losses: 1 − 0.9² = 0.19', () => {
    near(drawdownAfterLosses({ riskFraction: '0.1', losses: 2 }), '0.19');
  });
  it('ten 1 % losses: 0.99¹⁰ = 0.90438207500880449001 (0.99² = 0.9801, ⁴ = 0.96059601, ⁵ = 0.9509900499, ¹⁰ its square)', () => {
    near(drawdownAfterLosses({ riskFraction: '0.01', losses: 10 }), '0.09561792499119550999');
  });
  it('no losses, no drawdown', () => {
    near(drawdownAfterLosses({ riskFraction: '0.3', losses: 0 }), 0);
  });
  it('halving the account: 7 losses at 10 % (0.9⁶ = 0.531441 > 0.5 ≥ 0.9⁷ = 0.4782969)', () => {
    assert.equal(lossesToDrawdown({ riskFraction: '0.1', drawdown: '0.5' }), 7);
  });
  it('halving at 1 %: 69 losses (ln 0.5 / ln 0.99 = 68.97, rounded up)', () => {
    assert.equal(lossesToDrawdown({ riskFraction: '0.01', drawdown: '0.5' }), 69);
  });
  it('halving at 2 %: 35 losses (ln 0.5 / ln 0.98 = 34.31)', () => {
    assert.equal(lossesToDrawdown({ riskFraction: '0.02', drawdown: '0.5' }), 35);
  });
  it('an exact boundary counts: one 50 % loss halves the account', () => {
    assert.equal(lossesToDrawdown({ riskFraction: '0.5', drawdown: '0.5' }), 1);
    assert.equal(lossesToDrawdown({ riskFraction: '0.5', drawdown: '0.75' }), 2); // 0.5² = 0.25
  });
  it('refuses a risk of 0 or 100 % and a fractional count', () => {
    throwsCalc(() => drawdownAfterLosses({ riskFraction: 0, losses: 1 }), 'riskFraction', 'out_of_range');
    throwsCalc(() => lossesToDrawdown({ riskFraction: 1, drawdown: '0.5' }), 'riskFraction', 'out_of_range');
    throwsCalc(() => lossesToDrawdown({ riskFraction: '0.1', drawdown: 1 }), 'drawdown', 'out_of_range');
    throwsCalc(() => drawdownAfterLosses({ riskFraction: '0.1', losses: '1.5' }), 'losses', 'out_of_range');
  });
  it('property: n losses reach the drawdown and n − 1 do not', () => {
    fc.assert(
      fc.property(decimalString(1, 500, 3), decimalString(1, 990, 3), (riskFraction, drawdown) => {
        const n = lossesToDrawdown({ riskFraction, drawdown });
        assert.ok(drawdownAfterLosses({ riskFraction, losses: n }).gte(drawdown));
        assert.ok(drawdownAfterLosses({ riskFraction, losses: n - 1 }).lt(drawdown));
      }),
      { numRuns: 300 },
    );
  });
});

describe('lossStreakProbability (longest-run problem, Feller XIII.7)', () => {
  it('a run of 2 in 3 fair trades: LLW, WLL, LLL, 3 of 8 = 0.375', () => {
    near(lossStreakProbability({ winRate: '0.5', streak: 2, trades: 3 }), '0.375');
  });
  it('a run of 2 in 4 fair trades: 8 of 16 sequences have no LL (a Fibonacci count), so 0.5', () => {
    near(lossStreakProbability({ winRate: '0.5', streak: 2, trades: 4 }), '0.5');
  });
  it('a run of 1 in 3 trades is any loss: 1 − 0.5³ = 0.875', () => {
    near(lossStreakProbability({ winRate: '0.5', streak: 1, trades: 3 }), '0.875');
  });
  it('fewer trades than the streak: 0; never winning: 1', () => {
    near(lossStreakProbability({ winRate: '0.5', streak: 3, trades: 2 }), 0);
    near(lossStreakProbability({ winRate: 0, streak: 3, trades: 3 }), 1);
  });
  it('refuses a win rate above 1 and a streak of 0', () => {
    throwsCalc(() => lossStreakProbability({ winRate: '1.1', streak: 2, trades: 3 }), 'winRate', 'out_of_range');
    throwsCalc(() => lossStreakProbability({ winRate: '0.5', streak: 0, trades: 3 }), 'streak', 'out_of_range');
  });
  it('property: more trades never make a streak less likely; a longer streak never more likely', () => {
    fc.assert(
      fc.property(
        decimalString(0, 100, 2),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 60 }),
        (p, k, n) => {
          const base = lossStreakProbability({ winRate: p, streak: k, trades: n });
          assert.ok(lossStreakProbability({ winRate: p, streak: k, trades: n + 1 }).gte(base.minus('1e-30')));
          assert.ok(lossStreakProbability({ winRate: p, streak: k + 1, trades: n }).lte(base.plus('1e-30')));
          assert.ok(base.gte(0) && base.lte(1));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('combinedRisk (two-asset portfolio variance, Markowitz 1952)', () => {
  it('30 and 40 uncorrelated: √2,500 = 50', () => {
    near(combinedRisk({ riskA: 30, riskB: 40, correlation: 0 }), 50);
  });
  it('50 and 50 perfectly correlated add up to 100; opposite, they cancel', () => {
    near(combinedRisk({ riskA: 50, riskB: 50, correlation: 1 }), 100);
    near(combinedRisk({ riskA: 50, riskB: 50, correlation: -1 }), 0);
  });
  it('50 and 50 uncorrelated: √5,000 = 70.710678118654752440', () => {
    near(combinedRisk({ riskA: 50, riskB: 50, correlation: 0 }), '70.710678118654752440', '1e-18');
  });
  it('50 and 50 at 0.8: √(2,500 + 2,500 + 4,000) = √9,000 = 94.868329805051379960', () => {
    near(combinedRisk({ riskA: 50, riskB: 50, correlation: '0.8' }), '94.868329805051379960', '1e-18');
  });
  it('refuses a correlation above 1 and a negative risk', () => {
    throwsCalc(() => combinedRisk({ riskA: 1, riskB: 1, correlation: 2 }), 'correlation', 'out_of_range');
    throwsCalc(() => combinedRisk({ riskA: -1, riskB: 1, correlation: 0 }), 'riskA', 'must_be_positive');
  });
  it('property: the combined risk lies between |a − b| and a + b', () => {
    fc.assert(
      fc.property(
        decimalString(0, 100000, 2),
        decimalString(0, 100000, 2),
        decimalString(-100, 100, 2),
        (a, b, rho) => {
          const r = combinedRisk({ riskA: a, riskB: b, correlation: rho });
          assert.ok(r.lte(new Decimal(a).plus(b).plus('1e-20')));
          assert.ok(r.gte(new Decimal(a).minus(b).abs().minus('1e-20')));
        },
      ),
      { numRuns: 300 },
    );
  });
});
