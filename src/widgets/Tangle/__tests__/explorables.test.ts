import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal, liquidationPrice, pnl, positionFromMargin, riskPositionSize, roe } from '../../../calc/index.ts';
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

const trade = explorables['leveraged-trade'] as Explorable;
const risk = explorables['risk-rule'] as Explorable;
const variableOf = (ex: Explorable, name: string): TangleVariable => {
  const v = ex.variables.find((x) => x.name === name);
  assert.ok(v, name);
  return v;
};

/** The leveraged-trade figures straight from src/calc, as the lesson would compute them. */
function expectedTrade(margin: string, leverage: string, move: string) {
  const entryPrice = new Decimal(EXAMPLE_ENTRY);
  const exitPrice = entryPrice.times(new Decimal(1).minus(new Decimal(move).div(100)));
  const { notional, quantity } = positionFromMargin({ margin, leverage, price: entryPrice });
  const loss = pnl({ side: 'long', quantity, entryPrice, exitPrice }).abs();
  const share = roe({ side: 'long', quantity, entryPrice, exitPrice, leverage }).abs();
  const liq = liquidationPrice({
    side: 'long',
    quantity,
    entryPrice,
    marginMode: 'isolated',
    leverage,
    maintenanceMarginRate: EXAMPLE_MAINTENANCE,
  });
  return { notional, loss, share, past: liq.price !== null && exitPrice.lte(liq.price) };
}

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

for (const [margin, leverage, move] of [
  ['1000', '10', '5'],
  ['2500', '20', '3.5'],
  ['100', '1', '90'],
  ['100000', '100', '0.5'],
  ['1300', '7', '12.5'],
  ['750', '50', '2'],
] as const) {
  test(`leveraged-trade at ${margin} / ${leverage}x / ${move}% equals src/calc`, () => {
    const out = computeFrom(trade, { margin, leverage, move });
    const want = expectedTrade(margin, leverage, move);
    assert.equal(out.outputs['notional']?.toFixed(), want.notional.toFixed());
    assert.equal(out.outputs['loss']?.toFixed(), want.loss.toFixed());
    assert.equal(out.outputs['share']?.toFixed(), want.share.toFixed());
    assert.equal(out.outputs['pastLiquidation']?.eq(1), want.past);
    const sentence = sentenceText(trade, { margin, leverage, move }, out);
    assert.equal(sentence.includes('past the liquidation price'), want.past);
    assert.ok(sentence.includes(dollars(want.loss)));
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

for (const [account, riskPct, stop] of [
  ['10000', '1', '5'],
  ['25000', '2', '8'],
  ['100', '0.25', '0.5'],
  ['1000000', '10', '50'],
  ['5300', '1.75', '3.5'],
] as const) {
  test(`risk-rule at ${account} / ${riskPct}% / ${stop}% equals src/calc, and the loss at the stop is the risk`, () => {
    const out = computeFrom(risk, { account, risk: riskPct, stop });
    const entryPrice = new Decimal(EXAMPLE_ENTRY);
    const stopPrice = entryPrice.times(new Decimal(1).minus(new Decimal(stop).div(100)));
    const sized = riskPositionSize({
      balance: account,
      riskFraction: new Decimal(riskPct).div(100),
      entryPrice,
      stopPrice,
    });
    assert.equal(out.outputs['notional']?.toFixed(), sized.notional.toFixed());
    assert.equal(out.outputs['loss']?.toDecimalPlaces(20).toFixed(), sized.riskAmount.toDecimalPlaces(20).toFixed());
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
  assert.deepEqual(
    [out.outputs['notional']?.toFixed(), out.outputs['share']?.toFixed()],
    [new Decimal(100).times(100).toFixed(), '90'],
  );
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
          const offset = d.minus(v.min).div(v.step);
          assert.ok(offset.isInteger() || d.eq(v.max), `${v.name} = ${value} is off the grid`);
        }),
      );
    }
  }
});

test('property: every value in range computes finite outputs and a sentence without NaN or Infinity', () => {
  for (const ex of [trade, risk]) {
    const arbs = Object.fromEntries(
      ex.variables.map((v) => {
        const steps = new Decimal(v.max).minus(v.min).div(v.step).floor().toNumber();
        return [
          v.name,
          fc
            .integer({ min: 0, max: steps })
            .map((k) => new Decimal(v.min).plus(new Decimal(v.step).times(k)).toFixed()),
        ];
      }),
    );
    fc.assert(
      fc.property(fc.record(arbs), (values) => {
        const out = computeFrom(ex, values as Record<string, string>);
        for (const d of Object.values(out.outputs)) assert.ok(d.isFinite());
        assert.doesNotMatch(sentenceText(ex, values as Record<string, string>, out), /NaN|Infinity|undefined/);
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
  for (const ex of Object.values(explorables) as Explorable[]) {
    for (const v of ex.variables) {
      const d = new Decimal(v.default);
      assert.ok(d.gte(v.min) && d.lte(v.max), `${ex.name}.${v.name}`);
      assert.ok(d.minus(v.min).div(v.step).isInteger(), `${ex.name}.${v.name} default off grid`);
      assert.ok(new Decimal(v.bigStep).div(v.step).isInteger(), `${ex.name}.${v.name} bigStep`);
    }
    // Every variable the sentence names exists, and each appears once.
    const named = ex
      .compute(Object.fromEntries(ex.variables.map((v) => [v.name, new Decimal(v.default)])))
      .segments.filter((s) => s.kind === 'variable')
      .map((s) => (s.kind === 'variable' ? s.name : ''));
    assert.deepEqual([...named].sort(), ex.variables.map((v) => v.name).sort());
  }
  assert.equal(explorableByName('nope'), undefined);
  assert.equal(explorableByName('toString'), undefined);
});
