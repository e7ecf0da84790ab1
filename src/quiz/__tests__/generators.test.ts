import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  TEMPLATE_IDS,
  generate,
  seedFrom,
  rangeValues,
  GeneratorRangeError,
  type GeneratedQuestion,
} from '../generators.ts';
import { gradeNumeric } from '../grade.ts';
import { generatedNumeric } from '../model.ts';
import { bankruptcyPrice, liquidationCascade, liquidationShortfall } from '../../calc/index.ts';
import { leveragedTokenValue } from '../../calc/index.ts';
import {
  liquidationPrice,
  positionFromMargin,
  pnl,
  roe,
  fundingOverTime,
  notional,
  Decimal,
} from '../../calc/index.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

/** The answer recomputed from the drawn values with src/calc, independently of the template's own code. */
function oracle(g: GeneratedQuestion): Decimal {
  const v = g.values;
  const side = v['side'] as 'long' | 'short';
  const exitOf = () =>
    new Decimal(v['entry']).times(
      new Decimal(1).plus(new Decimal(v['move']).div(100).times(v['direction'] === 'up' ? 1 : -1)),
    );
  switch (g.template) {
    case 'isolated-liquidation': {
      const { quantity } = positionFromMargin({
        margin: v['margin'],
        leverage: v['leverage'],
        price: v['entry'],
      });
      const r = liquidationPrice({
        side,
        quantity,
        entryPrice: v['entry'],
        marginMode: 'isolated',
        leverage: v['leverage'],
        maintenanceMarginRate: v['mmr'],
        maintenanceBasis: v['basis'] === 'entry' ? 'entry' : 'liquidation',
      });
      return r.price as Decimal;
    }
    case 'broker-margin':
      return notional({ quantity: v['quantity'], price: v['price'] }).times(v['clearing']).times(v['multiplier']);
    case 'leveraged-roe':
      return roe({
        side,
        quantity: 1,
        entryPrice: v['entry'],
        exitPrice: exitOf(),
        leverage: v['leverage'],
      }).times(100);
    case 'fixed-position-pnl':
      return pnl({ side, quantity: v['quantity'], entryPrice: v['entry'], exitPrice: exitOf() });
    case 'position-size':
      return positionFromMargin({
        margin: v['margin'],
        leverage: v['leverage'],
        price: v['entry'],
      }).quantity;
    case 'funding-cost':
      return fundingOverTime({
        side,
        quantity: v['quantity'],
        markPrice: v['mark'],
        fundingRate: new Decimal(v['rate8h']).times(v['interval']).div(8),
        intervalHours: v['interval'],
        hours: v['hours'],
      }).total;
    case 'venue-shortfall': {
      // Lesson 9: the fill sits `overshoot` past the bankruptcy price (both to the cent); fund first, then ADL.
      const bankruptcy = (
        bankruptcyPrice({
          side,
          quantity: v['quantity'],
          entryPrice: v['entry'],
          marginMode: 'isolated',
          leverage: v['leverage'],
          maintenanceMarginRate: 0.005,
        }) as Decimal
      ).toDecimalPlaces(2);
      const past = new Decimal(1).plus(new Decimal(v['overshoot']).times(side === 'long' ? -1 : 1));
      return liquidationShortfall({
        side,
        quantity: v['quantity'],
        bankruptcyPrice: bankruptcy,
        fillPrice: bankruptcy.times(past).toDecimalPlaces(2),
        insuranceFund: v['fund'],
      }).socialised;
    }
    case 'venue-cascade':
      return liquidationCascade({
        side: 'long',
        startPrice: 50000,
        shock: new Decimal(v['shock']).div(100),
        impactPerMillion: new Decimal(v['impact']).div(100),
        levels: [4, 6, 8, 10, 12].map((d) => ({ distance: d / 100, notional: 1_000_000 })),
      }).move.times(100);
    case 'token-up-down': {
      // Lesson 8: `pairs` pairs of +move then −move, compounded daily from 100.
      const up = new Decimal(v['move']);
      const days = Number(v['pairs']) * 2;
      const returns = Array.from({ length: days }, (_, i) => (i % 2 === 0 ? up : up.neg()));
      return leveragedTokenValue({ leverage: v['leverage'], returns, startValue: 100 });
    }
    case 'inverse-pnl':
      return pnl({
        side,
        contract: 'inverse',
        quantity: v['face'],
        entryPrice: v['entry'],
        exitPrice: new Decimal(v['entry']).times(new Decimal(1).plus(v['move'])),
      });
    case 'capped-position':
      // Lesson 11: position = margin × the legal cap; every drawable cap is 2 (EU and Australian CFDs 2:1, Japan 2x,
      // Canadian dealer margin 50 %: world-facts.md summary table).
      return new Decimal(v['margin']).times(2);
    case 'cfd-close-out':
      // Lesson 11: 2:1 with close-out at 50 % of the 50 % margin: the price moves 25 % against the position.
      return new Decimal(v['entry']).times(side === 'long' ? 0.75 : 1.25);
    case 'orders-margin-added': {
      // Lesson 6: the initial margin q × E / L, plus `added` times it; liquidation with that margin (Binance's rule).
      const initial = notional({ quantity: v['quantity'], price: v['entry'] }).div(v['leverage']);
      return liquidationPrice({
        side,
        quantity: v['quantity'],
        entryPrice: v['entry'],
        marginMode: 'isolated',
        margin: initial.times(new Decimal(1).plus(v['added'])),
        maintenanceMarginRate: 0.005,
      }).price as Decimal;
    }
    case 'orders-stop-gap': {
      // Lesson 6: the market order fills (stop + gap) away from entry, against the position.
      const away = new Decimal(v['stop']).plus(v['gap']).times(side === 'long' ? -1 : 1);
      const exitPrice = new Decimal(v['entry']).times(new Decimal(1).plus(away));
      return pnl({ side, quantity: v['quantity'], entryPrice: v['entry'], exitPrice }).abs();
    }
    default:
      throw new Error(`no oracle for ${g.template}`);
  }
}

test('a question seed comes from the lesson and question id, stably', () => {
  assert.equal(seedFrom('what-leverage-is:q1'), seedFrom('what-leverage-is:q1'));
  assert.notEqual(seedFrom('what-leverage-is:q1'), seedFrom('what-leverage-is:q2'));
});

test('a range lists its evenly spaced values without float drift', () => {
  assert.deepEqual(rangeValues({ min: 0.5, max: 2, step: 0.5 }), ['0.5', '1', '1.5', '2']);
  assert.deepEqual(rangeValues({ min: 0.1, max: 0.3, step: 0.1 }), ['0.1', '0.2', '0.3']);
  assert.deepEqual(rangeValues([0.004, 'long']), ['0.004', 'long']);
});

for (const template of TEMPLATE_IDS) {
  test(`"${template}": the same seed always gives the same question`, () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        assert.deepEqual(generate(template, seed), generate(template, seed));
      }),
      { numRuns: 15 },
    );
  });

  test(`"${template}": every seed gives a solvable question with finite numbers, hints and a worked solution`, () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const g = generate(template, seed);
        assert.match(g.answer, DECIMAL);
        assert.match(g.tolerance, DECIMAL);
        assert.ok(new Decimal(g.tolerance).gt(0), 'a generated answer has some tolerance');
        const text = [g.prompt, g.display, ...g.hints, ...g.solution, ...g.traps.map((t) => t.explanation)].join(' ');
        assert.doesNotMatch(text, /NaN|Infinity|undefined|null|\[object/);
        assert.ok(g.hints.length >= 2 && g.solution.length >= 2);
        // The answers as shown (rounded for people) are accepted, and so are the exact ones.
        const key = generatedNumeric(g).key;
        for (const typed of [g.display, g.answer, ...g.alternatives.flatMap((a) => [a.display, a.answer])]) {
          const graded = gradeNumeric(key, typed);
          assert.ok(graded.ok && graded.grade.correct, `${typed} should be right for ${g.answer} ± ${g.tolerance}`);
        }
        // Common wrong answers are never graded right.
        for (const trap of g.traps) {
          assert.match(trap.answer, DECIMAL);
          const graded = gradeNumeric(key, trap.answer);
          assert.ok(graded.ok && !graded.grade.correct, `trap ${trap.answer} of ${template} seed ${seed}`);
        }
        // The answer agrees with src/calc called directly on the drawn values.
        assert.ok(oracle(g).minus(g.answer).abs().lte('0.0000001'), `${template} seed ${seed}`);
      }),
      // Each draw formats a dozen figures with Intl, a millisecond apiece in Node; 60 seeds per template
      // here, and the bank test tries every generated question of every bank with more.
      { numRuns: 60 },
    );
  });

  test(`"${template}": different seeds give varied questions`, () => {
    const prompts = new Set(Array.from({ length: 30 }, (_, i) => generate(template, i * 104729 + 7).prompt));
    assert.ok(prompts.size >= 12, `${prompts.size} distinct prompts from 30 seeds`);
  });
}

test('liquidation questions sit on the losing side of entry and before the bankruptcy price', () => {
  fc.assert(
    fc.property(seedArb, (seed) => {
      const g = generate('isolated-liquidation', seed);
      const entry = new Decimal(g.values['entry']);
      const answer = new Decimal(g.answer);
      if (g.values['side'] === 'long') assert.ok(answer.lt(entry));
      else assert.ok(answer.gt(entry));
    }),
    { numRuns: 60 },
  );
});

test('ROE and PnL questions never ask about a trade that would already be liquidated', () => {
  for (let seed = 0; seed < 100; seed++) {
    const g = generate('leveraged-roe', seed);
    assert.ok(new Decimal(g.answer).gte(-60), `seed ${seed}: ROE ${g.answer}`);
  }
});

test('a bank may narrow a range, and ranges that cannot give a solvable question are refused', () => {
  for (let seed = 0; seed < 20; seed++) {
    const g = generate('isolated-liquidation', seed, { leverage: [10], side: ['short'] });
    assert.equal(g.values['leverage'], '10');
    assert.equal(g.values['side'], 'short');
  }
  // 200x with a 1 % maintenance rate: the margin is below the requirement at entry.
  assert.throws(() => generate('isolated-liquidation', 1, { leverage: [200], mmr: [0.01] }), GeneratorRangeError);
  assert.throws(() => generate('leveraged-roe', 1, { side: ['sideways'] }), GeneratorRangeError);
  assert.throws(() => generate('position-size', 1, { leverage: [0.5] }), GeneratorRangeError);
});
