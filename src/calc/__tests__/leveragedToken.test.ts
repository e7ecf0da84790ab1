/**
 * Leveraged tokens against a fixed position, and the other products of lesson 8. Expected values are worked by hand
 * in the comments (the daily-reset formula of Cheng and Madhavan 2009 and FINRA Notice 09-31; Bybit's inverse PnL
 * example; the OCC's capped loss of a bought option; Kraken's free-margin definition).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from '../decimal.ts';
import {
  alternatingPath,
  fixedLeveragePath,
  leveragedTokenPath,
  leveragedTokenValue,
  tokenVersusFixed,
} from '../leveragedToken.ts';
import { coinMarginedValue, freeMargin, optionAtExpiry } from '../products.ts';
import { decimalString, near, throwsCalc } from './helpers.ts';

describe('leveragedTokenValue', () => {
  it('compounds the leveraged daily returns', () => {
    // 3x, +10 % then −10 %: 100 × (1 + 0.3) × (1 − 0.3) = 100 × 1.3 × 0.7 = 91.
    near(leveragedTokenValue({ leverage: 3, returns: [0.1, -0.1] }), 91);
    // 2x, +5 % three times: 100 × 1.1³ = 133.1 (a trend helps the token: 2 × 15.76 % = 31.5 % < 33.1 %).
    near(leveragedTokenValue({ leverage: 2, returns: [0.05, 0.05, 0.05] }), '133.1');
    // Start 250, 1x: the token is the underlying, 250 × 1.2 × 0.9 = 270.
    near(leveragedTokenValue({ leverage: 1, returns: [0.2, -0.1], startValue: 250 }), 270);
  });

  it('is worth nothing once a day moves it by −100 % and stays at zero', () => {
    // 5x and a 20 % fall: 1 + 5 × (−0.2) = 0.
    assert.ok(leveragedTokenValue({ leverage: 5, returns: [-0.2, 0.5] }).isZero());
    // 4x and a 30 % fall: 1 − 1.2 < 0, floored at 0, and a later rise does not bring it back.
    assert.ok(leveragedTokenValue({ leverage: 4, returns: [0.1, -0.3, 0.9] }).isZero());
  });

  it('rejects bad input with the field named', () => {
    throwsCalc(() => leveragedTokenValue({ leverage: 0.5, returns: [0.1] }), 'leverage', 'out_of_range');
    throwsCalc(() => leveragedTokenValue({ leverage: 21, returns: [0.1] }), 'leverage', 'out_of_range');
    throwsCalc(() => leveragedTokenValue({ leverage: 2, returns: [] }), 'returns', 'out_of_range');
    throwsCalc(() => leveragedTokenValue({ leverage: 2, returns: [0.1, -1] }), 'returns[1]', 'out_of_range');
    throwsCalc(() => leveragedTokenValue({ leverage: 2, returns: ['x'] }), 'returns[0]', 'not_a_number');
    throwsCalc(
      () => leveragedTokenValue({ leverage: 2, returns: [0.1], startValue: 0 }),
      'startValue',
      'must_be_positive',
    );
  });
});

describe('leveragedTokenPath', () => {
  it('rebalances at each price by default', () => {
    // 2x on 100 → 110 → 99: +10 % gives 120; then 99/110 − 1 = −10 %, so 120 × (1 − 0.2) = 96.
    const r = leveragedTokenPath({ leverage: 2, prices: [100, 110, 99] });
    assert.deepEqual(
      r.values.map((v) => v.toNumber()),
      [100, 120, 96],
    );
    assert.equal(r.rebalances, 1);
    assert.equal(r.wipedOutAt, null);
  });

  it('holds a fixed exposure between rebalances', () => {
    // Rebalanced every 2 prices: 100 → 110 → 99 is one holding period, 2 × (99/100 − 1) = −2 %, so 98; then a new
    // base at 99: 99 → 108.9 is +10 %, so 98 × 1.2 = 117.6.
    const r = leveragedTokenPath({ leverage: 2, prices: [100, 110, 99, 108.9], rebalanceEvery: 2 });
    near(r.values[2], 98);
    near(r.values[3], '117.6');
    assert.equal(r.rebalances, 1);
  });

  it('marks where the token is wiped out', () => {
    // 5x: 100 → 80 is −20 %, 1 − 1 = 0 at index 1.
    const r = leveragedTokenPath({ leverage: 5, prices: [100, 80, 120] });
    assert.equal(r.wipedOutAt, 1);
    assert.ok(r.values[2]?.isZero());
  });

  it('rejects bad paths', () => {
    throwsCalc(() => leveragedTokenPath({ leverage: 2, prices: [100] }), 'prices', 'out_of_range');
    throwsCalc(() => leveragedTokenPath({ leverage: 2, prices: [100, 0] }), 'prices[1]', 'must_be_positive');
    throwsCalc(
      () => leveragedTokenPath({ leverage: 2, prices: [100, 90], rebalanceEvery: 0 }),
      'rebalanceEvery',
      'out_of_range',
    );
    throwsCalc(
      () => leveragedTokenPath({ leverage: 2, prices: [100, 90], rebalanceEvery: 1.5 }),
      'rebalanceEvery',
      'out_of_range',
    );
  });
});

describe('fixedLeveragePath', () => {
  it('is margin plus PnL of the position opened at the start', () => {
    // 2x with 100 of margin at 100: quantity 2; at 110 equity 100 + 2 × 10 = 120, at 99 equity 100 − 2 = 98.
    const r = fixedLeveragePath({ leverage: 2, prices: [100, 110, 99] });
    assert.equal(r.quantity.toNumber(), 2);
    assert.deepEqual(
      r.values.map((v) => v.toNumber()),
      [100, 120, 98],
    );
    // No maintenance margin: liquidated at the bankruptcy price 100 × (1 − 1/2) = 50.
    near(r.liquidationPrice, 50);
    assert.equal(r.liquidatedAt, null);
  });

  it('is liquidated where calc puts the liquidation price, and stays at zero', () => {
    // 4x, 0.5 % maintenance: P = E × (1 − 1/L) / (1 − m) = 100 × 0.75 / 0.995 = 75.3768…; 75 is below it.
    const r = fixedLeveragePath({ leverage: 4, prices: [100, 90, 75, 120], maintenanceMarginRate: 0.005 });
    near(r.liquidationPrice, new Decimal(75).div('0.995'));
    assert.equal(r.liquidatedAt, 2);
    assert.ok(r.values[2]?.isZero() && r.values[3]?.isZero());
    // Before that: 100 + 4 × (90 − 100) = 60.
    near(r.values[1], 60);
  });

  it('a 1x long with no maintenance margin cannot be liquidated', () => {
    const r = fixedLeveragePath({ leverage: 1, prices: [100, 10] });
    assert.equal(r.liquidationPrice, null);
    near(r.values[1], 10);
  });

  it('rejects a bad maintenance rate', () => {
    throwsCalc(
      () => fixedLeveragePath({ leverage: 2, prices: [100, 90], maintenanceMarginRate: 1 }),
      'maintenanceMarginRate',
      'out_of_range',
    );
  });
});

describe('alternatingPath and tokenVersusFixed', () => {
  it('goes up then down by the same share', () => {
    // 100 × 1.1 = 110, × 0.9 = 99, × 1.1 = 108.9.
    assert.deepEqual(
      alternatingPath({ startPrice: 100, move: 0.1, steps: 3 }).map((p) => p.toNumber()),
      [100, 110, 99, 108.9],
    );
    throwsCalc(() => alternatingPath({ startPrice: 100, move: 1, steps: 2 }), 'move', 'out_of_range');
    throwsCalc(() => alternatingPath({ startPrice: 100, move: 0.1, steps: 0 }), 'steps', 'out_of_range');
  });

  it('compares the token with the fixed position', () => {
    // 3x on 100 → 110 → 99: token 100 × 1.3 × 0.7 = 91; fixed 100 + 3 × (99 − 100) = 97; underlying −1 %.
    const r = tokenVersusFixed({ leverage: 3, prices: [100, 110, 99] });
    near(r.underlyingMove, '-0.01');
    near(r.leveragedMove, '-0.03');
    near(r.tokenReturn, '-0.09');
    near(r.fixedReturn, '-0.03');
    near(r.gap, '-0.06');
  });
});

describe('leveraged token laws (properties)', () => {
  const leverageArb = decimalString(101, 2000, 2); // 1.01 … 20
  const moveArb = decimalString(1, 999, 3); // 0.001 … 0.999

  it('after +x then −x a token above 1x ends below its start, at exactly 1 − L²x² of it', () => {
    fc.assert(
      fc.property(leverageArb, moveArb, (leverage, move) => {
        const L = new Decimal(leverage);
        const x = new Decimal(move);
        // The token survives the fall only while L·x < 1; beyond that the law's product is not positive.
        fc.pre(L.times(x).lt(1));
        const value = leveragedTokenValue({ leverage, returns: [move, x.neg()], startValue: 1 });
        near(value, new Decimal(1).minus(L.pow(2).times(x.pow(2))), '1e-30');
        assert.ok(value.lt(1), `${leverage}x after ±${move}: ${value.toString()} is not below 1`);
      }),
    );
  });

  it('never goes below zero while each move keeps 1 + L·r above zero', () => {
    fc.assert(
      fc.property(
        leverageArb,
        fc.array(decimalString(-999, 2000, 3), { minLength: 1, maxLength: 30 }),
        (leverage, returns) => {
          const L = new Decimal(leverage);
          fc.pre(returns.every((r) => new Decimal(1).plus(L.times(r)).gt(0)));
          const value = leveragedTokenValue({ leverage, returns });
          assert.ok(value.gt(0), `${leverage}x over ${returns.join(', ')} gave ${value.toString()}`);
        },
      ),
    );
  });

  it('a token rebalanced at each price ends where the compounded formula says', () => {
    fc.assert(
      fc.property(leverageArb, moveArb, fc.integer({ min: 1, max: 20 }), (leverage, move, steps) => {
        fc.pre(new Decimal(leverage).times(move).lt(1));
        const prices = alternatingPath({ startPrice: 100, move, steps });
        const returns = Array.from({ length: steps }, (_, i) => (i % 2 === 0 ? move : `-${move}`));
        const path = leveragedTokenPath({ leverage, prices });
        near(path.values[steps], leveragedTokenValue({ leverage, returns }), '1e-25');
      }),
    );
  });
});

describe('coinMarginedValue', () => {
  it('follows Bybit’s inverse example', () => {
    // Bybit: 10,000 contracts (USD 10,000) long from 8,000 to 12,500: 10,000/8,000 − 10,000/12,500 = 1.25 − 0.8 = 0.45 BTC.
    const r = coinMarginedValue({ side: 'long', quantity: 10000, entryPrice: 8000, exitPrice: 12500, margin: 1.25 });
    near(r.pnl, '0.45');
    // Equity 1.25 + 0.45 = 1.7 BTC, worth 1.7 × 12,500 = 21,250 against 1.25 × 8,000 = 10,000 at the start.
    near(r.equity, '1.7');
    near(r.equityUsd, 21250, '1e-30');
    near(r.usdChange, '1.125');
  });

  it('a 1x coin-margined long loses twice; a 1x short keeps the dollars', () => {
    // 1 BTC margin, USD 60,000 face at 60,000, price 45,000: PnL 1 − 60,000/45,000 = −1/3 BTC; equity 2/3 BTC × 45,000
    // = 30,000: half the dollars after a 25 % fall.
    const long = coinMarginedValue({ side: 'long', quantity: 60000, entryPrice: 60000, exitPrice: 45000, margin: 1 });
    near(long.equityUsd, 30000, '1e-30');
    near(long.usdChange, '-0.5', '1e-30');
    // The short gains 1/3 BTC: 4/3 BTC × 45,000 = 60,000, the dollars it started with.
    const short = coinMarginedValue({ side: 'short', quantity: 60000, entryPrice: 60000, exitPrice: 45000, margin: 1 });
    near(short.equityUsd, 60000, '1e-30');
    throwsCalc(
      () => coinMarginedValue({ side: 'long', quantity: 0.5, entryPrice: 60000, exitPrice: 45000, margin: 1 }),
      'quantity',
      'inconsistent',
    );
  });
});

describe('optionAtExpiry and freeMargin', () => {
  it('a bought call loses at most its premium', () => {
    // Strike 60,000, premium 3,000: at 70,000 it pays 10,000, PnL 7,000; at 40,000 it pays 0, PnL −3,000.
    const up = optionAtExpiry({ kind: 'call', strike: 60000, premium: 3000, price: 70000 });
    assert.equal(up.payoff.toNumber(), 10000);
    assert.equal(up.pnl.toNumber(), 7000);
    assert.equal(up.breakEven.toNumber(), 63000);
    const down = optionAtExpiry({ kind: 'call', strike: 60000, premium: 3000, price: 40000, quantity: 0.1 });
    near(down.pnl, -300);
    near(down.maxLoss, 300);
    // A put, strike 60,000, premium 2,000, at 50,000: pays 10,000, PnL 8,000.
    assert.equal(optionAtExpiry({ kind: 'put', strike: 60000, premium: 2000, price: 50000 }).pnl.toNumber(), 8000);
    throwsCalc(
      () => optionAtExpiry({ kind: 'swap' as 'call', strike: 1, premium: 1, price: 1 }),
      'kind',
      'out_of_range',
    );
  });

  it('the loss of a bought call never exceeds the premium (property)', () => {
    fc.assert(
      fc.property(
        decimalString(100, 100000000, 2),
        decimalString(0, 1000000, 2),
        decimalString(1, 100000000, 2),
        (strike, premium, price) => {
          const r = optionAtExpiry({ kind: 'call', strike, premium, price });
          assert.ok(r.pnl.gte(r.maxLoss.neg()));
        },
      ),
    );
  });

  it('free margin is equity minus used margin', () => {
    // Kraken's example: equity 5,000, a 15,000 position at 5:1 uses 3,000; 2,000 is free.
    assert.equal(freeMargin({ equity: 5000, usedMargin: 3000 }).toNumber(), 2000);
    assert.equal(freeMargin({ equity: 1000, usedMargin: 1500 }).toNumber(), -500);
    throwsCalc(() => freeMargin({ equity: 1000, usedMargin: -1 }), 'usedMargin', 'must_be_positive');
  });
});
