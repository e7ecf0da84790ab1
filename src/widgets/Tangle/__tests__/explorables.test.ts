import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from '../../../calc/index.ts';
import {
  EXAMPLE_ENTRY,
  EXAMPLE_MAINTENANCE,
  clamp,
  computeFrom,
  defaultValues,
  dollars,
  explorableByName,
  explorables,
  parseTyped,
  sentenceText,
  stepValue,
  type Explorable,
  type TangleVariable,
} from '../explorables.ts';

const trade = explorables['leveraged-trade'];
const risk = explorables['risk-rule'];
const variableOf = (ex: Explorable, name: string): TangleVariable => {
  const v = ex.variables.find((x) => x.name === name);
  assert.ok(v, name);
  return v;
};

/** Whether `value` is `from + k × step` for a whole k, on the digits (no arithmetic): "2.75" on 0.25 steps from "0.25". */
function onGrid(value: string, from: string, step: string): boolean {
  const places = Math.max(...[value, from, step].map((x) => x.split('.')[1]?.length ?? 0));
  const units = (x: string) => {
    const [whole = '0', fraction = ''] = x.split('.');
    return BigInt(`${whole}${fraction.padEnd(places, '0')}`);
  };
  return (units(value) - units(from)) % units(step) === 0n;
}

test('the examples assume an entry of 50,000 and lesson 1’s 0.5 % maintenance rate', () => {
  assert.equal(EXAMPLE_ENTRY, '50000');
  assert.equal(EXAMPLE_MAINTENANCE, '0.005');
});

test('the defaults read as the lesson’s sentence: $1,000 at 10x controls $10,000; a 5% fall costs $500, 50%', () => {
  const values = defaultValues(trade);
  const out = computeFrom(trade, values);
  assert.equal(out.outputs['notional']?.toFixed(), '10000');
  assert.equal(out.outputs['loss']?.toFixed(), '500');
  assert.equal(out.outputs['share']?.toFixed(), '0.5');
  assert.equal(
    sentenceText(trade, values, out),
    'With $1,000 of margin at 10x, you control a position worth $10,000. A 5% fall in the price costs you $500, which is 50% of your margin.',
  );
});

// Worked by hand at entry 50,000 and 0.5 % maintenance. notional = margin × L; loss = notional × fall; share = loss / margin;
// long liquidation = 50,000 × (1 − 1/L) / 0.995 (Binance isolated formula), passed when 50,000 × (1 − fall) ≤ it.
for (const [margin, leverage, move, notional, loss, share, past] of [
  // 10x: liquidation 50,000 × 0.9 / 0.995 = 45,226.13; exit 47,500.
  ['1000', '10', '5', '10000', '500', '0.5', false],
  // 20x: liquidation 50,000 × 0.95 / 0.995 = 47,738.69; exit 50,000 × 0.965 = 48,250; 1,750 / 2,500 = 0.7.
  ['2500', '20', '3.5', '50000', '1750', '0.7', false],
  // 1x: 50,000 × 0 / 0.995 = 0, no liquidation price.
  ['100', '1', '90', '100', '90', '0.9', false],
  // 100x: liquidation 50,000 × 0.99 / 0.995 = 49,748.74; exit 49,750 is just above it.
  ['100000', '100', '0.5', '10000000', '50000', '0.5', false],
  // 7x: 9,100 × 0.125 = 1,137.5; 1,137.5 / 1,300 = 0.875; liquidation 50,000 × 6/7 / 0.995 = 43,072.51; exit 43,750.
  ['1300', '7', '12.5', '9100', '1137.5', '0.875', false],
  // 50x: 37,500 × 0.02 = 750 = the whole margin; liquidation 50,000 × 0.98 / 0.995 = 49,246.23; exit 49,000 is past it.
  ['750', '50', '2', '37500', '750', '1', true],
] as const) {
  test(`leveraged-trade at ${margin} / ${leverage}x / ${move}%: $${notional}, loses $${loss} (${share} of the margin)`, () => {
    const out = computeFrom(trade, { margin, leverage, move });
    assert.equal(out.outputs['notional']?.toFixed(), notional);
    assert.equal(out.outputs['loss']?.toFixed(), loss);
    assert.equal(out.outputs['share']?.toFixed(), share);
    assert.equal(out.outputs['pastLiquidation']?.toFixed(), past ? '1' : '0');
    const sentence = sentenceText(trade, { margin, leverage, move }, out);
    assert.equal(sentence.includes('past the liquidation price'), past);
    assert.ok(sentence.includes(dollars(new Decimal(loss))));
  });
}

test('the liquidation clause appears exactly when the fall reaches the liquidation price (10x: about 9.55%)', () => {
  const at = (move: string) => computeFrom(trade, { margin: '1000', leverage: '10', move }).outputs['pastLiquidation'];
  assert.equal(at('9.5')?.toNumber(), 0);
  assert.equal(at('10')?.toNumber(), 1);
  // 1x cannot be liquidated: even a 90% fall only costs 90% of the margin.
  const oneX = computeFrom(trade, { margin: '1000', leverage: '1', move: '90' });
  assert.equal(oneX.outputs['pastLiquidation']?.toNumber(), 0);
  assert.equal(oneX.outputs['share']?.toFixed(), '0.9');
});

// Worked by hand at entry 50,000: risk = account × risk %; stop = 50,000 × (1 − stop %); size = risk / (50,000 − stop)
// units, notional = size × 50,000; the loss at the stop is the risk.
for (const [account, riskPct, stop, notional, loss] of [
  // 100 / 2,500 = 0.04 BTC × 50,000 = 2,000.
  ['10000', '1', '5', '2000', '100'],
  // 500 / 4,000 = 0.125 × 50,000 = 6,250.
  ['25000', '2', '8', '6250', '500'],
  // 0.25 / 250 = 0.001 × 50,000 = 50.
  ['100', '0.25', '0.5', '50', '0.25'],
  // 100,000 / 25,000 = 4 × 50,000 = 200,000.
  ['1000000', '10', '50', '200000', '100000'],
  // 5,300 × 1.75 % = 92.75; 92.75 / 1,750 = 0.053 × 50,000 = 2,650.
  ['5300', '1.75', '3.5', '2650', '92.75'],
] as const) {
  test(`risk-rule at ${account} / ${riskPct}% / ${stop}%: a $${notional} position that loses $${loss} at the stop`, () => {
    const out = computeFrom(risk, { account, risk: riskPct, stop });
    assert.equal(out.outputs['notional']?.toFixed(), notional);
    assert.equal(out.outputs['loss']?.toDecimalPlaces(20).toFixed(), loss);
  });
}

test('risk-rule defaults: 1% of $10,000 with a 5% stop is a $2,000 position that loses $100', () => {
  const values = defaultValues(risk);
  const out = computeFrom(risk, values);
  assert.equal(
    sentenceText(risk, values, out),
    'With $10,000 in your account and a rule of risking 1% of it per trade, a stop 5% below your entry allows a position of $2,000. If the stop is hit, you lose $100, whatever leverage you choose.',
  );
});

test('keys and drags clamp to the range: Home/End give min/max and steps never leave it', () => {
  const lev = variableOf(trade, 'leverage');
  assert.equal(stepValue(lev, '100', 1), '100');
  assert.equal(stepValue(lev, '1', -1), '1');
  assert.equal(stepValue(lev, '95', 1, 'bigStep'), '100');
  assert.equal(stepValue(lev, '5', -1, 'bigStep'), '1');
  assert.equal(stepValue(lev, '10', 37), '47');
  assert.equal(clamp(lev, new Decimal('1000')).toFixed(), '100');
  assert.equal(clamp(lev, new Decimal('-3')).toFixed(), '1');
  // Values outside the range (a stale caller) are clamped before computing.
  const out = computeFrom(trade, { margin: '5', leverage: '1000', move: '99' });
  // Clamped to $100 at 100x and a 90 % fall: notional 10,000, a loss of 9,000 = 90 × the margin.
  assert.deepEqual([out.outputs['notional']?.toFixed(), out.outputs['share']?.toFixed()], ['10000', '90']);
});

test('step arithmetic has no float drift: ten 0.25 steps from 0.25 give exactly 2.75, and back', () => {
  const r = variableOf(risk, 'risk');
  let value = '0.25';
  for (let i = 0; i < 10; i++) value = stepValue(r, value, 1);
  assert.equal(value, '2.75');
  for (let i = 0; i < 10; i++) value = stepValue(r, value, -1);
  assert.equal(value, '0.25');
  const move = variableOf(trade, 'move');
  assert.equal(stepValue(move, '0.5', 3), '2');
});

test('property: any number of steps stays on the step grid and inside the range, with no float residue', () => {
  for (const ex of [trade, risk]) {
    for (const v of ex.variables) {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: -60, max: 60 }), { maxLength: 20 }), (moves) => {
          let value = v.default;
          for (const m of moves) value = stepValue(v, value, m, Math.abs(m) > 30 ? 'bigStep' : 'step');
          const d = new Decimal(value);
          assert.ok(d.gte(v.min) && d.lte(v.max), `${v.name} = ${value}`);
          assert.ok(!/e|NaN|Infinity/.test(value), value);
          // min, default and both steps sit on one grid, so every reachable value is min + k × step.
          assert.ok(onGrid(value, v.min, v.step) || d.eq(v.max), `${v.name} = ${value} is off the grid`);
        }),
      );
    }
  }
});

test('property: every value in range computes finite outputs and a sentence without NaN or Infinity', () => {
  for (const ex of [trade, risk]) {
    // Every value on the grid, reached from min by k steps (stepValue's grid is checked above); the count of steps
    // in the range is a small whole number, so a float division rounded is exact here.
    const arbs = Object.fromEntries(
      ex.variables.map((v) => {
        const steps = Math.round((Number(v.max) - Number(v.min)) / Number(v.step));
        return [v.name, fc.integer({ min: 0, max: steps }).map((k) => stepValue(v, v.min, k))];
      }),
    );
    fc.assert(
      fc.property(fc.record(arbs), (values) => {
        const out = computeFrom(ex, values);
        for (const d of Object.values(out.outputs)) assert.ok(d.isFinite());
        assert.doesNotMatch(sentenceText(ex, values, out), /NaN|Infinity|undefined/);
      }),
      { numRuns: 200 },
    );
  }
});

test('typed values: money, percent and multiples are read; garbage and out-of-range values are refused', () => {
  const margin = variableOf(trade, 'margin');
  const lev = variableOf(trade, 'leverage');
  const move = variableOf(trade, 'move');
  assert.deepEqual(parseTyped(margin, '$2,500'), { ok: true, value: '2500' });
  assert.deepEqual(parseTyped(margin, ' 1234.567 '), { ok: true, value: '1234.57' });
  assert.deepEqual(parseTyped(lev, '20x'), { ok: true, value: '20' });
  assert.deepEqual(parseTyped(move, '12.5%'), { ok: true, value: '12.5' });
  assert.deepEqual(parseTyped(lev, '20×'), { ok: true, value: '20' });
  for (const bad of ['', 'abc', '1e999', 'NaN', 'Infinity', '--1', '0x10']) {
    const r = parseTyped(margin, bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.equal(r.message, 'Type a number from $100 to $100,000.');
  }
  const tooBig = parseTyped(lev, '500');
  assert.deepEqual(tooBig, { ok: false, message: 'Use a number from 1x to 100x.' });
  assert.equal(parseTyped(move, '0').ok, false);
});

test('aria-valuetext is in words', () => {
  const d = (s: string) => new Decimal(s);
  assert.equal(variableOf(trade, 'margin').words(d('1000')), '1,000 dollars of margin');
  assert.equal(variableOf(trade, 'leverage').words(d('10')), '10 times leverage');
  assert.equal(variableOf(trade, 'move').words(d('5')), 'a 5 percent price fall');
  assert.equal(variableOf(risk, 'risk').words(d('1.25')), '1.25 percent of the account at risk');
});

test('every explorable’s defaults lie in range on the step grid, and unknown names are refused', () => {
  for (const ex of Object.values<Explorable>(explorables)) {
    for (const v of ex.variables) {
      const d = new Decimal(v.default);
      assert.ok(d.gte(v.min) && d.lte(v.max), `${ex.name}.${v.name}`);
      assert.ok(onGrid(v.default, v.min, v.step), `${ex.name}.${v.name} default off grid`);
      assert.ok(onGrid(v.bigStep, '0', v.step), `${ex.name}.${v.name} bigStep`);
    }
    // Every variable the sentence names exists, and each appears once.
    const named = ex
      .compute(defaultValues(ex))
      .segments.filter((s) => s.kind === 'variable')
      .map((s) => (s.kind === 'variable' ? s.name : ''));
    assert.deepEqual([...named].sort(), ex.variables.map((v) => v.name).sort());
  }
  assert.equal(explorableByName('nope'), undefined);
  assert.equal(explorableByName('toString'), undefined);
});
