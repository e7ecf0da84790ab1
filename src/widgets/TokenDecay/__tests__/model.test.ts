/** The leveraged-token simulator's model: values worked by hand, field errors, loading, and the window menu. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import menu from '../../../../content/scenarios/windows.json' with { type: 'json' };
import { computeTokenDecay, type TokenDecayReady } from '../model.ts';
import { PATHS, tokenDecayParams, type TokenDecayValues } from '../params.ts';

const base = tokenDecayParams.defaults;

function ready(values: TokenDecayValues, data = {}): TokenDecayReady {
  const out = computeTokenDecay(values, data);
  assert.ok(out.ok, out.ok ? '' : JSON.stringify(out.errors));
  assert.equal(out.value.kind, 'ready');
  return out.value;
}

test('3x, +10 % then −10 %: the token ends at 91, the fixed long at 97, bitcoin at 99', () => {
  const r = ready({ ...base, leverage: '3', move: '10', days: '2' });
  // Token (Cheng and Madhavan 2009, daily reset): 100 × (1 + 0.3) × (1 − 0.3) = 91.
  assert.equal(r.tokenEnd.toFixed(), '91');
  // Fixed long: quantity 100 × 3 / 100 = 3; price 100 → 110 → 99, equity 100 + 3 × (99 − 100) = 97.
  assert.equal(r.fixedEnd.toFixed(), '97');
  assert.equal(r.underlyingMove.toFixed(), '-0.01');
  assert.equal(r.leveragedMove.toFixed(), '-0.03');
  assert.equal(r.gap.toFixed(), '-0.06');
  assert.deepEqual(
    r.points.map((p) => [p.t, p.price, p.token, p.fixed]),
    [
      [0, 100, 100, 100],
      [1, 110, 130, 130],
      [2, 99, 91, 97],
    ],
  );
  assert.equal(r.step, 'day');
  assert.equal(r.rebalances, 1);
});

test('a fall of 1/L wipes the token out and liquidates the fixed long', () => {
  // 5x, +20 % then −20 %: the token is 100 × 2 = 200, then 200 × (1 − 5 × 0.2) = 0 on day 2. The fixed long (0.5 %
  // maintenance, quantity 5) on 100 → 120 → 96 is liquidated at 100 × (1 − 1/5) / 0.995 = 80.40; 96 is above it, so
  // it ends at 100 + 5 × (96 − 100) = 80.
  const r = ready({ ...base, leverage: '5', move: '20', days: '2' });
  assert.equal(r.wipedOutAt, 2);
  assert.ok(r.tokenEnd.isZero());
  assert.equal(r.fixedEnd.toFixed(), '80');
  assert.equal(r.liquidatedAt, null);
  // 10x with +30 % then −30 %: price 130 then 91; liquidation at 100 × 0.9 / 0.995 = 90.45 is not reached, equity
  // 100 + 10 × (91 − 100) = 10; the token is 100 × 4 = 400, then 400 × (1 − 3) → 0 on day 2.
  const deep = ready({ ...base, leverage: '10', move: '30', days: '2' });
  assert.equal(deep.wipedOutAt, 2);
  assert.equal(deep.liquidatedAt, null);
  assert.equal(deep.fixedEnd.toFixed(), '10');
});

test('the fixed long is liquidated where calc puts it, and stays at zero', () => {
  // 10x, 0.5 % maintenance: liquidation at 100 × 0.9 / 0.995 = 90.4523; closes 100 → 95 → 90.3 → 120 cross it at
  // hour 2 (90.3 < 90.45).
  const r = ready(
    { ...base, path: 'btc-2020-03', leverage: '10' },
    { 'btc-2020-03': { title: 'Test', closes: [100, 95, 90.3, 120] } },
  );
  assert.equal(r.liquidatedAt, 2);
  assert.ok(r.fixedEnd.isZero());
  assert.equal(r.step, 'hour');
  // Hourly closes, rebalanced every 24 hours: no rebalance in 3 hours. At 90.3 the token keeps 1 − 10 × 0.097 = 0.03
  // (not zero); at 120 it is 100 × (1 + 10 × (120/100 − 1)) = 300.
  assert.equal(r.rebalances, 0);
  assert.equal(r.tokenEnd.toFixed(), '300');
  assert.equal(r.title, 'Test');
});

test('a window not loaded yet is a loading result, not an error', () => {
  const out = computeTokenDecay({ ...base, path: 'btc-2022-11' }, {});
  assert.ok(out.ok);
  assert.equal(out.value.kind, 'loading');
});

test('bad input gives a message on its own field', () => {
  const cases: [keyof TokenDecayValues, string][] = [
    ['leverage', '0.5'],
    ['leverage', '21'],
    ['leverage', 'abc'],
    ['move', '0'],
    ['move', '100'],
    ['days', '0'],
    ['days', '2.5'],
    ['days', '366'],
    ['mmr', '-1'],
    ['mmr', ''],
  ];
  for (const [field, raw] of cases) {
    const out = computeTokenDecay({ ...base, [field]: raw });
    assert.ok(!out.ok, `${field}=${raw} should fail`);
    assert.ok(out.errors[field], `${field}=${raw}: ${JSON.stringify(out.errors)}`);
  }
  // On a window the move and days fields are not used, so their garbage is ignored.
  const onWindow = computeTokenDecay(
    { ...base, path: 'btc-2020-03', move: 'x', days: 'y' },
    { 'btc-2020-03': { title: 'T', closes: [100, 101] } },
  );
  assert.ok(onWindow.ok);
});

test('the path menu lists the shipped windows in their order', () => {
  assert.deepEqual(
    PATHS.slice(1),
    menu.windows.map((w) => w.id),
  );
});
