/** Tests for the seeded Monte Carlo simulation, fan-chart bands and barrier hit rates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32 } from '../prng.ts';
import { liquidationProbability } from '../probability.ts';
import { barrierHitRate, pathAt, percentileBands, simulatePaths } from '../simulate.ts';
import { throwsCalc } from './helpers.ts';

describe('simulatePaths', () => {
  const input = { seed: 42, startPrice: 100, volatility: 0.6, steps: 365, stepDays: 1, paths: 2000 };
  it('is reproducible from its seed and differs between seeds', () => {
    const a = simulatePaths(input);
    const b = simulatePaths(input);
    const c = simulatePaths({ ...input, seed: 43 });
    assert.deepEqual(a.prices, b.prices);
    assert.notDeepEqual(a.prices.subarray(0, 400), c.prices.subarray(0, 400));
  });
  it('draws its normals from prng.ts mulberry32: the first step, redone by hand from the same seed', () => {
    // Marsaglia polar: uniforms r → u = (k + 0.5) / 2^31 − 1 with k = r × 2^32, kept when u² + v² < 1;
    // Z = u × √(−2 ln s / s); S1 = S0 × exp((μ − σ²/2)Δ + σ√Δ Z), Δ = 1/365.
    for (const seed of [42, 7, 4294967295]) {
      const rand = mulberry32(seed);
      let u = 0;
      let s = 1;
      while (s >= 1) {
        u = (rand() * 4294967296 + 0.5) / 2147483648 - 1;
        const v = (rand() * 4294967296 + 0.5) / 2147483648 - 1;
        s = u * u + v * v;
      }
      const z = u * Math.sqrt((-2 * Math.log(s)) / s);
      const dt = 1 / 365;
      const expected = 100 * Math.exp(-0.5 * 0.36 * dt + 0.6 * Math.sqrt(dt) * z);
      const sim = simulatePaths({ ...input, seed, paths: 1, steps: 2 });
      assert.ok(Math.abs(sim.prices[1] - expected) < 1e-9, `${sim.prices[1]} vs ${expected}`);
    }
  });
  it('every path starts at the start price and stays positive and finite', () => {
    const sim = simulatePaths(input);
    for (let i = 0; i < sim.paths; i++) assert.equal(pathAt(sim, i)[0], 100);
    assert.ok(sim.prices.every((p) => p > 0 && Number.isFinite(p)));
  });
  it('log returns have the GBM mean and variance: E[ln S_T/S_0] = −σ²/2 t, Var = σ² t (within 4 standard errors)', () => {
    const sim = simulatePaths({ ...input, paths: 5000 });
    const logs = Array.from({ length: sim.paths }, (_, i) => Math.log(pathAt(sim, i)[365] / 100));
    const mean = logs.reduce((a, x) => a + x, 0) / logs.length;
    const variance = logs.reduce((a, x) => a + (x - mean) ** 2, 0) / (logs.length - 1);
    assert.ok(Math.abs(mean + 0.18) < (4 * 0.6) / Math.sqrt(5000), `mean ${mean}`);
    assert.ok(Math.abs(variance - 0.36) < 4 * 0.36 * Math.sqrt(2 / 5000), `variance ${variance}`);
  });
  it('the fan chart median is near exp(−σ²t/2) × S0 and bands are ordered', () => {
    const bands = percentileBands(simulatePaths(input), [0.05, 0.5, 0.95]);
    assert.ok(Math.abs(bands[1].values[365] - 100 * Math.exp(-0.18)) < 5);
    for (let j = 1; j <= 365; j++)
      assert.ok(bands[0].values[j] <= bands[1].values[j] && bands[1].values[j] <= bands[2].values[j]);
  });
  it('the bridge-corrected hit rate agrees with the closed form within 1.5 points; discrete closes undercount', () => {
    const sim = simulatePaths({ ...input, paths: 5000 });
    const closed = liquidationProbability({ distance: -0.3, volatility: 0.6, horizonDays: 365 });
    const continuous = barrierHitRate(sim, { barrier: 70, direction: 'down' });
    const discrete = barrierHitRate(sim, { barrier: 70, direction: 'down', monitoring: 'discrete' });
    assert.ok(Math.abs(continuous - closed) < 0.015, `${continuous} vs ${closed}`);
    assert.ok(discrete < continuous);
  });
  it('rejects oversized or malformed runs', () => {
    throwsCalc(() => simulatePaths({ ...input, paths: 100000, steps: 1000 }), 'paths', 'out_of_range');
    throwsCalc(() => simulatePaths({ ...input, seed: -1 }), 'seed', 'out_of_range');
    throwsCalc(() => simulatePaths({ ...input, steps: 1.5 }), 'steps', 'out_of_range');
    throwsCalc(() => simulatePaths({ ...input, volatility: 0 }), 'volatility', 'out_of_range');
  });
});
