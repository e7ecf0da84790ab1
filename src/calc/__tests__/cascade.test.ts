/**
 * Hand-worked tests for the liquidation cascade and the liquidation shortfall (lesson 9), and their laws.
 * Every expected value is worked in the comment beside it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import { liquidationCascade, liquidationShortfall } from '../cascade.ts';
import { decimalString, near, sideArb, throwsCalc } from './helpers.ts';

/** Five clusters of $1,000,000 each at 4, 6, 8, 10 and 12 % from the start price (the lesson's example). */
const ladder = ['0.04', '0.06', '0.08', '0.1', '0.12'].map((distance) => ({ distance, notional: 1_000_000 }));
const base = { side: 'long', startPrice: 100000, levels: ladder } as const;

describe('liquidationCascade (linear impact; Binance ADL FAQ 360033525471 for the liquidation order flow)', () => {
  it('a 3 % shock reaches no level: the move stays 3 %, price 97,000', () => {
    const r = liquidationCascade({ ...base, shock: '0.03', impactPerMillion: '0.01' });
    near(r.move, '0.03');
    near(r.price, 97000); // 100,000 × (1 − 0.03)
    assert.equal(r.liquidatedCount, 0);
    assert.deepEqual(r.rounds, []);
    near(r.addedByLiquidations, 0);
  });
  it('a 4 % shock with 1 % per million: one cluster, then 5 % stops short of the 6 % level', () => {
    // Round 1 at 0.04: the 4 % cluster ($1M) → move = 0.04 + 0.01 × 1 = 0.05 < 0.06: stop.
    const r = liquidationCascade({ ...base, shock: '0.04', impactPerMillion: '0.01' });
    near(r.move, '0.05');
    near(r.price, 95000);
    assert.equal(r.liquidatedCount, 1);
    near(r.forcedNotional, 1_000_000);
    near(r.addedByLiquidations, '0.01');
    assert.deepEqual(
      r.rounds.map((x) => x.liquidated),
      [[0]],
    );
  });
  it('the same shock in a book twice as thin (2 % per million) runs through every cluster to 14 %', () => {
    // 0.04 → 0.04 + 0.02 × 1 = 0.06 → + 0.02 × 2 = 0.08 → 0.10 → 0.12 → 0.04 + 0.02 × 5 = 0.14; price 86,000.
    const r = liquidationCascade({ ...base, shock: '0.04', impactPerMillion: '0.02' });
    near(r.move, '0.14');
    near(r.price, 86000);
    assert.equal(r.liquidatedCount, 5);
    near(r.forcedNotional, 5_000_000);
    assert.deepEqual(
      r.rounds.map((x) => x.move.toFixed()),
      ['0.04', '0.06', '0.08', '0.1', '0.12'],
    );
  });
  it('shorts: the same ladder above the price is squeezed up to 114,000', () => {
    const r = liquidationCascade({ ...base, side: 'short', shock: '0.04', impactPerMillion: '0.02' });
    near(r.price, 114000); // 100,000 × (1 + 0.14)
  });
  it('two clusters at the same level go in the same round; the order of the levels does not matter', () => {
    const levels = [
      { distance: '0.05', notional: 500000 },
      { distance: '0.02', notional: 300000 },
      { distance: '0.05', notional: 200000 },
    ];
    // 0.02 → 0.02 + 0.1 × 0.3 = 0.05 → both 5 % clusters: 0.02 + 0.1 × 1.0 = 0.12.
    const r = liquidationCascade({ side: 'long', startPrice: 50, shock: '0.02', impactPerMillion: '0.1', levels });
    near(r.move, '0.12');
    assert.deepEqual(
      r.rounds.map((x) => x.liquidated),
      [[1], [0, 2]],
    );
    const reversed = liquidationCascade({
      side: 'long',
      startPrice: 50,
      shock: '0.02',
      impactPerMillion: '0.1',
      levels: [...levels].reverse(),
    });
    near(reversed.move, '0.12');
  });
  it("a long's move is capped at 100 %: the price cannot go below zero", () => {
    // 0.5 + 1 × 1 = 1.5 → capped to 1, price 0.
    const r = liquidationCascade({
      side: 'long',
      startPrice: 100,
      shock: '0.5',
      impactPerMillion: 1,
      levels: [{ distance: '0.5', notional: 1_000_000 }],
    });
    near(r.move, 1);
    near(r.price, 0);
  });
  it('refuses bad input with the field and code', () => {
    throwsCalc(() => liquidationCascade({ ...base, shock: 1, impactPerMillion: 0 }), 'shock', 'out_of_range');
    throwsCalc(
      () => liquidationCascade({ ...base, shock: 0, impactPerMillion: 2 }),
      'impactPerMillion',
      'out_of_range',
    );
    throwsCalc(
      () => liquidationCascade({ ...base, shock: 0, impactPerMillion: 0, levels: [{ distance: 0, notional: 1 }] }),
      'levels[0].distance',
      'out_of_range',
    );
    throwsCalc(
      () => liquidationCascade({ ...base, shock: 0, impactPerMillion: 0, levels: [{ distance: '0.1', notional: -1 }] }),
      'levels[0].notional',
      'must_be_positive',
    );
    throwsCalc(
      () => liquidationCascade({ ...base, startPrice: 0, shock: 0, impactPerMillion: 0 }),
      'startPrice',
      'must_be_positive',
    );
  });
  it('property: the end is a fixed point, every reached level and no other is liquidated, and more impact never moves less', () => {
    const levelArb = fc.record({ distance: decimalString(1, 999, 3), notional: decimalString(0, 3_000_000, 0) });
    fc.assert(
      fc.property(
        sideArb,
        decimalString(0, 300, 3),
        decimalString(0, 500, 4),
        fc.array(levelArb, { maxLength: 12 }),
        (side, shock, impact, levels) => {
          const r = liquidationCascade({ side, startPrice: 1000, shock, impactPerMillion: impact, levels });
          const reached = levels.filter((l) => new Decimal(l.distance).lte(r.move));
          const sum = reached.reduce((s, l) => s.plus(l.notional), new Decimal(0));
          const fixed = Decimal.min(
            new Decimal(shock).plus(new Decimal(impact).times(sum).div(1_000_000)),
            side === 'long' ? 1 : Infinity,
          );
          near(r.move, fixed);
          if (r.move.lt(1)) assert.equal(r.liquidatedCount, reached.length);
          assert.ok(r.move.gte(shock));
          const more = liquidationCascade({
            side,
            startPrice: 1000,
            shock,
            impactPerMillion: new Decimal(impact).times(2).toFixed(),
            levels,
          });
          assert.ok(more.move.gte(r.move));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('liquidationShortfall (Binance ADL FAQ 360033525471; Hyperliquid auto-deleveraging docs)', () => {
  it('a long filled 1,000 below its bankruptcy price: the fund pays 500, 1,500 is socialised', () => {
    // shortfall = 2 × (45,000 − 44,000) = 2,000; fund min(2,000, 500) = 500; left 1,500; fund after 0.
    const r = liquidationShortfall({
      side: 'long',
      quantity: 2,
      bankruptcyPrice: 45000,
      fillPrice: 44000,
      insuranceFund: 500,
    });
    near(r.shortfall, 2000);
    near(r.fromFund, 500);
    near(r.socialised, 1500);
    near(r.fundAfter, 0);
    near(r.surplus, 0);
  });
  it('a fill better than the bankruptcy price is a surplus that goes into the fund', () => {
    // 2 × (45,500 − 45,000) = 1,000 over; fund 500 + 1,000 = 1,500.
    const r = liquidationShortfall({
      side: 'long',
      quantity: 2,
      bankruptcyPrice: 45000,
      fillPrice: 45500,
      insuranceFund: 500,
    });
    near(r.shortfall, 0);
    near(r.surplus, 1000);
    near(r.fundAfter, 1500);
  });
  it('a short filled above its bankruptcy price, with a fund large enough: nothing is socialised', () => {
    // 1 × (56,000 − 55,000) = 1,000, all from a fund of 5,000 → 4,000 left.
    const r = liquidationShortfall({
      side: 'short',
      quantity: 1,
      bankruptcyPrice: 55000,
      fillPrice: 56000,
      insuranceFund: 5000,
    });
    near(r.shortfall, 1000);
    near(r.fromFund, 1000);
    near(r.socialised, 0);
    near(r.fundAfter, 4000);
  });
  it('refuses bad input with the field and code', () => {
    const ok = { side: 'long', quantity: 1, bankruptcyPrice: 1, fillPrice: 1, insuranceFund: 0 } as const;
    throwsCalc(() => liquidationShortfall({ ...ok, insuranceFund: -1 }), 'insuranceFund', 'must_be_positive');
    throwsCalc(() => liquidationShortfall({ ...ok, fillPrice: 0 }), 'fillPrice', 'must_be_positive');
    throwsCalc(() => liquidationShortfall({ ...ok, side: 'up' as never }), 'side', 'out_of_range');
  });
  it('property: fund + socialised pay the shortfall exactly, and the fund balance adds up', () => {
    fc.assert(
      fc.property(
        sideArb,
        decimalString(1, 100000, 3),
        decimalString(100, 10_000_000, 2),
        decimalString(100, 10_000_000, 2),
        decimalString(0, 100_000_000, 2),
        (side, quantity, bankruptcyPrice, fillPrice, insuranceFund) => {
          const r = liquidationShortfall({ side, quantity, bankruptcyPrice, fillPrice, insuranceFund });
          near(r.fromFund.plus(r.socialised), r.shortfall);
          near(r.fundAfter, new Decimal(insuranceFund).minus(r.fromFund).plus(r.surplus));
          assert.ok(r.shortfall.isZero() || r.surplus.isZero());
          assert.ok(r.socialised.gte(0) && r.fromFund.lte(insuranceFund));
        },
      ),
      { numRuns: 300 },
    );
  });
});
