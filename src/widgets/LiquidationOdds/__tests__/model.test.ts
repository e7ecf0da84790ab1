import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeOdds, oneIn, stepsFor, type OddsResult } from '../model.ts';
import { computeFan } from '../fan.ts';
import { liquidationOddsParams, type LiquidationOddsValues } from '../params.ts';
import { VOLATILITY_PRESETS } from '../volatility.ts';

const base = liquidationOddsParams.defaults;

function run(patch: Partial<LiquidationOddsValues> = {}): OddsResult {
  const out = computeOdds({ ...base, ...patch });
  assert.ok(out.ok, JSON.stringify(!out.ok && out.errors));
  return out.value;
}

test('defaults: a 10x long at 0.5% maintenance, 70.6% volatility (the calmest preset), 30 days, from the closed form', () => {
  const r = run();
  assert.equal(base.vol, VOLATILITY_PRESETS[0]?.volatility, 'the default volatility is a measured preset, not a guess');
  assert.equal(r.distance.toFixed(4), '-0.0955');
  // By hand (Shreve II §7.2.2, zero drift): d = 90 / 0.995 / 100 − 1 = −0.095477, b = ln(1 + d) = −0.100348,
  // σ = 0.706, t = 30/365, νt = −σ²t/2 = −0.020484, σ√t = 0.202404; Φ((b − νt)/σ√t) = Φ(−0.39458) = 0.34658,
  // e^{2νb/σ²} = e^{−b} = 1.105556, Φ((b + νt)/σ√t) = Φ(−0.59698) = 0.27526 → 0.34658 + 1.105556 × 0.27526 = 0.65089.
  assert.ok(Math.abs(r.probability - 0.65089) < 0.0001, String(r.probability));
  // The fan's barrier is the liquidation price with today's price at 100: (100 − 10) / 0.995 = 90.4523.
  assert.equal(r.barrier.toFixed(4), '90.4523');
  assert.equal(r.size.toFixed(4), '0.0955');
  assert.equal(r.fan.direction, 'down');
  assert.equal(r.fan.barrier, 100 * (1 + r.distance.toNumber()));
  assert.equal(r.fan.steps, 48);
});

test('the distance can be entered directly; a short’s liquidation is above', () => {
  const long = run({ input: 'distance', distance: '20' });
  assert.equal(long.distance.toFixed(), '-0.2');
  assert.equal(long.leverage, null);
  assert.equal(long.fan.barrier, 80);
  const short = run({ input: 'distance', distance: '20', side: 'short' });
  assert.equal(short.distance.toFixed(), '0.2');
  assert.equal(short.fan.direction, 'up');
  assert.equal(short.fan.barrier, 120);
  // In log terms a 20% rise is nearer than a 20% fall (ln 1.2 = 0.182 < |ln 0.8| = 0.223): the short goes more often.
  assert.ok(short.probability > long.probability);
});

test('longer horizons and higher volatility both raise the odds', () => {
  const r = run();
  for (let i = 1; i < r.ladder.length; i++) {
    assert.ok((r.ladder[i]?.probability ?? 0) > (r.ladder[i - 1]?.probability ?? 1));
  }
  assert.ok(run({ vol: '100' }).probability > r.probability);
  assert.ok(run({ leverage: '5' }).probability < r.probability);
});

test('bad inputs come back as messages on the right field', () => {
  const errors = (patch: Partial<LiquidationOddsValues>) => {
    const out = computeOdds({ ...base, ...patch });
    assert.ok(!out.ok, JSON.stringify(patch));
    return out.errors;
  };
  assert.ok(errors({ leverage: 'abc' })['leverage']);
  assert.ok(errors({ leverage: '0' })['leverage']);
  assert.ok(errors({ leverage: '1e999' })['leverage']);
  assert.ok(errors({ leverage: '250' })['leverage']);
  assert.ok(errors({ mmr: '-1' })['mmr']);
  assert.ok(errors({ vol: '0' })['vol']);
  assert.ok(errors({ vol: '' })['vol']);
  assert.ok(errors({ days: '0' })['days']);
  assert.ok(errors({ days: '5000' })['days']);
  assert.ok(errors({ seed: '1.5' })['seed']);
  assert.ok(errors({ seed: '-5' })['seed']);
  assert.ok(errors({ input: 'distance', distance: '100' })['distance']);
  assert.ok(errors({ input: 'distance', distance: '0' })['distance']);
  // The hidden field does not matter.
  assert.ok(computeOdds({ ...base, distance: 'abc' }).ok);
});

test('the Monte Carlo fan is the same for the same seed, and its hit rate agrees with the closed form', () => {
  const r = run({ paths: '5000' });
  const a = computeFan(r.fan);
  const b = computeFan(r.fan);
  assert.deepEqual(a, b);
  assert.equal(a.bands.length, 5);
  assert.equal(a.days[0], 0);
  assert.equal(a.days[a.days.length - 1], 30);
  assert.ok(a.days.length <= 61);
  // Percentile bands are ordered at every column.
  for (let j = 0; j < a.days.length; j++) {
    for (let q = 1; q < 5; q++) assert.ok((a.bands[q]?.[j] ?? 0) >= (a.bands[q - 1]?.[j] ?? 0));
  }
  // 5,000 paths: standard error about 0.7 points; allow 3.
  assert.ok(Math.abs(a.hitRate - r.probability) < 0.03, `${a.hitRate} vs ${r.probability}`);
  // Counting only the simulated steps misses touches between them.
  assert.ok(a.discreteHitRate <= a.hitRate);
  const other = computeFan({ ...r.fan, seed: 43 });
  assert.notDeepEqual(other.bands, a.bands);
});

test('steps stay within the simulation limits', () => {
  assert.equal(stepsFor(1), 48);
  assert.equal(stepsFor(100), 100);
  assert.equal(stepsFor(3650), 365);
});

test('odds in words', () => {
  assert.equal(oneIn(0.25), 'about 1 in 4');
  assert.equal(oneIn(0.7), 'about 7 in 10');
  assert.equal(oneIn(0.999), 'almost certain');
  assert.equal(oneIn(0.00001), 'less than 1 in 10,000');
  assert.equal(oneIn(0.001), 'about 1 in 1,000');
});

test('volatility presets carry a number, a source and a date', () => {
  // How many presets there are is volatility.ts's business (its own test recomputes each one from data).
  assert.ok(VOLATILITY_PRESETS.length >= 1);
  for (const p of VOLATILITY_PRESETS) {
    assert.ok(run({ vol: p.volatility }).probability > 0);
    assert.match(p.sourceUrl, /^https:\/\//);
    assert.match(p.asOf, /^\d{4}-\d{2}-\d{2}$/);
  }
});
