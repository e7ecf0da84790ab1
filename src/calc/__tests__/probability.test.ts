/** Example tests for the normal CDF and the first-passage liquidation probability. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { liquidationProbability, normalCdf } from '../probability.ts';
import { throwsCalc } from './helpers.ts';

describe('normalCdf (values from standard normal tables)', () => {
  const rows: [number, number][] = [
    [0, 0.5],
    [1, 0.8413447],
    [-1.96, 0.0249979],
    [2.5758293, 0.995],
    [-4, 0.0000317],
  ];
  for (const [x, p] of rows) it(`Φ(${x}) = ${p}`, () => assert.ok(Math.abs(normalCdf(x) - p) < 2e-7));
});

describe('liquidationProbability (reflection principle, Shreve II §7.2.2)', () => {
  it('no drift, 60 % vol, −30 % over a year ≈ 0.649 (hand: Φ(−0.295) + e^0.357 Φ(−0.895))', () => {
    const p = liquidationProbability({ distance: -0.3, volatility: 0.6, horizonDays: 365 });
    assert.ok(Math.abs(p - 0.6493) < 0.0005, String(p));
  });
  it('zero drift in log terms (μ = σ²/2) gives twice the one-sided tail: 2 Φ(b / σ√t)', () => {
    const b = Math.log(0.9);
    const p = liquidationProbability({ distance: -0.1, volatility: 0.5, horizonDays: 30, drift: 0.125 });
    assert.ok(Math.abs(p - 2 * normalCdf(b / (0.5 * Math.sqrt(30 / 365)))) < 1e-9);
  });
  it('an up barrier for a short mirrors the formula', () => {
    const p = liquidationProbability({ distance: 0.1, volatility: 0.5, horizonDays: 30, drift: 0.125 });
    assert.ok(Math.abs(p - 2 * normalCdf(-Math.log(1.1) / (0.5 * Math.sqrt(30 / 365)))) < 1e-9);
  });
  it('is 1 at distance 0, tiny far away, and never NaN with extreme drift', () => {
    assert.equal(liquidationProbability({ distance: 0, volatility: 0.5, horizonDays: 1 }), 1);
    assert.ok(liquidationProbability({ distance: -0.9, volatility: 0.1, horizonDays: 1 }) < 1e-12);
    const p = liquidationProbability({ distance: -0.5, volatility: 0.01, horizonDays: 36500, drift: 10 });
    assert.ok(Number.isFinite(p) && p >= 0 && p <= 1);
  });
  it('rejects a distance of −100 % or worse', () =>
    throwsCalc(
      () => liquidationProbability({ distance: -1, volatility: 0.5, horizonDays: 1 }),
      'distance',
      'out_of_range',
    ));
});
