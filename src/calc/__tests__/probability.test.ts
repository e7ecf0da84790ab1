/** Example tests for the normal CDF, the first-passage liquidation probability and the liquidation level. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import { liquidationLevel, liquidationProbability, normalCdf } from '../probability.ts';
import { decimalString, near, sideArb, throwsCalc } from './helpers.ts';

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
  // Hand: b = ln 0.7 = −0.35667, ν = −σ²/2 = −0.18, σ√t = 0.6; Φ((b − νt)/σ√t) = Φ(−0.29446) = 0.38420,
  // e^{2νb/σ²} = e^{0.35667} = 1/0.7 = 1.42857, Φ((b + νt)/σ√t) = Φ(−0.89446) = 0.18554 → 0.38420 + 0.26506 = 0.64926.
  it('no drift, 60 % vol, −30 % over a year ≈ 0.6493 (hand: Φ(−0.295) + e^0.357 Φ(−0.895))', () => {
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

describe('liquidationLevel: the side decides the direction, level = price × (1 + distance)', () => {
  it('a long 20 % away from 100 is liquidated at 80; a signed −0.2 gives the same', () => {
    for (const distance of ['0.2', '-0.2']) {
      const l = liquidationLevel({ side: 'long', price: 100, distance });
      near(l.distance, '-0.2');
      near(l.size, '0.2');
      near(l.level, 80);
    }
  });
  it('a short 25 % away from 100 is liquidated at 125', () => {
    const l = liquidationLevel({ side: 'short', price: 100, distance: '0.25' });
    near(l.distance, '0.25');
    near(l.level, 125);
  });
  it('from liquidationPrice: a 10x long at 100 with 0.5 % maintenance, (100 − 10) / 0.995 = 90.4523, 9.55 % below', () => {
    const liq = liquidationPrice({
      side: 'long',
      quantity: 1,
      entryPrice: 100,
      marginMode: 'isolated',
      leverage: 10,
      maintenanceMarginRate: '0.005',
    });
    const l = liquidationLevel({ side: 'long', price: 100, distance: liq.distance ?? 0 });
    near(l.level, new Decimal(90).div('0.995'), '1e-35');
    near(l.size, new Decimal(1).minus(new Decimal('0.9').div('0.995')), '1e-35');
  });
  it('rejects a long 100 % or more away, a short beyond 1,000 %, a price of zero', () => {
    throwsCalc(() => liquidationLevel({ side: 'long', price: 100, distance: 1 }), 'distance', 'out_of_range');
    throwsCalc(() => liquidationLevel({ side: 'short', price: 100, distance: '10.5' }), 'distance', 'out_of_range');
    throwsCalc(() => liquidationLevel({ side: 'short', price: 0, distance: '0.1' }), 'price', 'must_be_positive');
  });
  it('property: the level is on the losing side, at the signed distance, and the probability accepts it', () => {
    fc.assert(
      fc.property(sideArb, decimalString(1, 20_000_000, 2), decimalString(1, 9990, 4), (side, price, distance) => {
        const l = liquidationLevel({ side, price, distance });
        assert.ok(side === 'long' ? l.level.lt(price) : l.level.gt(price));
        assert.ok(l.level.div(price).minus(1).minus(l.distance).abs().lte('1e-35'));
        assert.ok(l.size.eq(distance) && l.distance.abs().eq(l.size));
        const p = liquidationProbability({ distance: l.distance, volatility: 0.5, horizonDays: 30 });
        assert.ok(p >= 0 && p <= 1);
      }),
    );
  });
});
