/** Example tests for risk-based sizing, risk:reward and the highest leverage a stop allows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import {
  adverseMovePrice,
  maxLeverageForStop,
  riskPositionSize,
  riskReward,
  roundDown,
  roundUp,
  safeLeverageForStop,
  stopBeforeLiquidation,
} from '../risk.ts';
import { near, throwsCalc } from './helpers.ts';

describe('risk (TradingView position tool: https://in.tradingview.com/support/solutions/43000516992-short-position/)', () => {
  it('1 % of 10,000 with a 5-point stop is 20 units (100 / 5)', () => {
    const r = riskPositionSize({ balance: 10000, riskFraction: '0.01', entryPrice: 100, stopPrice: 95 });
    near(r.riskAmount, 100);
    near(r.quantity, 20);
    near(r.notional, 2000);
  });
  it('fees shrink the size: loss per unit 5 + 0.05 + 0.0475 = 5.0975', () => {
    const r = riskPositionSize({
      balance: 10000,
      riskFraction: '0.01',
      entryPrice: 100,
      stopPrice: 95,
      openFeeRate: '0.0005',
      closeFeeRate: '0.0005',
    });
    near(r.lossPerUnit, '5.0975');
    near(r.quantity, new Decimal(100).div('5.0975'));
  });
  it('risk:reward 5 vs 10 → 2, break-even win rate 1/3', () => {
    const r = riskReward({ side: 'long', entryPrice: 100, stopPrice: 95, targetPrice: 110 });
    near(r.rewardToRisk, 2);
    near(r.breakEvenWinRate, new Decimal(1).div(3));
  });
  it('max leverage for a 5 % stop at 0.5 % maintenance: 1 / (1 − 0.95 × 0.995) = 18.26…; at that leverage liquidation sits exactly at the stop', () => {
    const lev = maxLeverageForStop({ side: 'long', entryPrice: 100, stopPrice: 95, maintenanceMarginRate: '0.005' });
    near(lev, new Decimal(1).div('0.05475'));
    near(
      liquidationPrice({
        side: 'long',
        quantity: 1,
        entryPrice: 100,
        marginMode: 'isolated',
        leverage: lev,
        maintenanceMarginRate: '0.005',
      }).price,
      95,
      '1e-30',
    );
  });
  it('a tight stop is capped at the maximum leverage', () =>
    near(
      maxLeverageForStop({
        side: 'short',
        entryPrice: 100,
        stopPrice: '100.1',
        maintenanceMarginRate: 0,
        maxLeverage: 125,
      }),
      125,
    ));
  it('rejects stops on the wrong side, with the sentence the course shows', () => {
    throwsCalc(
      () => riskReward({ side: 'long', entryPrice: 100, stopPrice: 105, targetPrice: 110 }),
      'stopPrice',
      'inconsistent',
    );
    assert.throws(
      () => riskReward({ side: 'long', entryPrice: 100, stopPrice: 105, targetPrice: 110 }),
      /For a long, the stop must be below the entry price\./,
    );
    throwsCalc(
      () => maxLeverageForStop({ side: 'short', entryPrice: 100, stopPrice: 90, maintenanceMarginRate: 0.01 }),
      'stopPrice',
      'inconsistent',
    );
    throwsCalc(
      () => maxLeverageForStop({ side: 'short', entryPrice: 100, stopPrice: 300, maintenanceMarginRate: 0.01 }),
      'stopPrice',
      'out_of_range',
    );
    throwsCalc(
      () => riskPositionSize({ balance: 1, riskFraction: 0.01, entryPrice: 100, stopPrice: 100 }),
      'stopPrice',
      'inconsistent',
    );
    throwsCalc(
      () =>
        maxLeverageForStop({
          side: 'long',
          entryPrice: 100,
          stopPrice: 95,
          maintenanceMarginRate: 0.01,
          maintenanceAmount: 5,
        }),
      'quantity',
      'required',
    );
  });
});

describe('a maximum is rounded toward safety (content review E5)', () => {
  it('roundDown goes toward −∞ and roundUp toward +∞, whatever the digit after', () => {
    // 9.5693779904 → 9.5 (nearest would give 9.6); 40.1606 → 40.16; 18.9 → 18 at 0 places; −1.25 → −1.3 (toward −∞).
    assert.equal(roundDown({ value: '9.5693779904', decimals: 1 }).toFixed(), '9.5');
    assert.equal(roundDown({ value: '40.1606', decimals: 2 }).toFixed(), '40.16');
    assert.equal(roundDown({ value: '18.9', decimals: 0 }).toFixed(), '18');
    assert.equal(roundDown({ value: '-1.25', decimals: 1 }).toFixed(), '-1.3');
    assert.equal(roundDown({ value: 200, decimals: 1 }).toFixed(), '200');
    // 8.33402 → 8.34; 0.476417 → 0.48; an exact 8.34 stays; −1.25 → −1.2 (toward +∞).
    assert.equal(roundUp({ value: '8.33402', decimals: 2 }).toFixed(), '8.34');
    assert.equal(roundUp({ value: '0.476417', decimals: 2 }).toFixed(), '0.48');
    assert.equal(roundUp({ value: '8.34', decimals: 2 }).toFixed(), '8.34');
    assert.equal(roundUp({ value: '-1.25', decimals: 1 }).toFixed(), '-1.2');
  });
  it('refuses a number of places that is not a whole number from 0 to 20, and a value that is not a number', () => {
    throwsCalc(() => roundDown({ value: 1, decimals: 1.5 }), 'decimals', 'out_of_range');
    throwsCalc(() => roundUp({ value: 1, decimals: 21 }), 'decimals', 'out_of_range');
    throwsCalc(() => roundUp({ value: 1, decimals: -1 }), 'decimals', 'out_of_range');
    throwsCalc(() => roundDown({ value: 1 } as never), 'decimals', 'required');
    throwsCalc(() => roundDown({ value: 'abc', decimals: 1 }), 'value', 'not_a_number');
  });
});

describe('stop before liquidation and the safe leverage (Binance isolated formula: https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93)', () => {
  const review = { side: 'long', entryPrice: 50000, stopPrice: 45000, maintenanceMarginRate: '0.005' } as const;
  it('review case: long 50,000, stop 45,000, 0.5 %: exact 50,000 / 5,225 = 9.5694x, shown 9.5x', () => {
    // 1/L = (50,000 − 45,000 × 0.995) / 50,000 = (50,000 − 44,775) / 50,000 = 5,225 / 50,000, so L = 2,000 / 209.
    const r = safeLeverageForStop(review);
    near(r.exact, new Decimal(2000).div(209), '1e-35');
    assert.equal(r.exact.toFixed(4), '9.5694');
    assert.equal(r.shown.toFixed(), '9.5');
    assert.equal(safeLeverageForStop({ ...review, decimals: 2 }).shown.toFixed(), '9.56');
    assert.equal(safeLeverageForStop({ ...review, decimals: 0 }).shown.toFixed(), '9');
  });
  it('at 9.6x the liquidation price is 45,016.75, above the stop; at 9.5x it is 44,961.65, below it', () => {
    // 9.6x: P = 50,000 × (1 − 1/9.6) / 0.995 = 50,000 × 8.6 / (9.6 × 0.995) = 430,000 / 9.552 = 45,016.7504…
    // gap = (45,000 − 45,016.7504…) / 50,000 = −0.000335008…
    const at96 = stopBeforeLiquidation({ ...review, leverage: '9.6' });
    assert.equal(at96.firesFirst, false);
    near(at96.liquidationPrice, new Decimal(430000).div('9.552'), '1e-30');
    assert.equal(at96.liquidationPrice?.toFixed(2), '45016.75');
    assert.equal(at96.gap?.toFixed(9), '-0.000335008');
    assert.equal(at96.stopPrice.toFixed(), '45000');
    // 9.5x: P = 50,000 × 8.5 / (9.5 × 0.995) = 425,000 / 9.4525 = 44,961.6503…; gap = 38.3496… / 50,000 = 0.000766993…
    const at95 = stopBeforeLiquidation({ ...review, leverage: '9.5' });
    assert.equal(at95.firesFirst, true);
    assert.equal(at95.liquidationPrice?.toFixed(2), '44961.65');
    assert.equal(at95.gap?.toFixed(9), '0.000766993');
  });
  it('lesson 6 figures: 5 % stop → 18.2648x shown 18.2; with a 1 % buffer → 15.4560x shown 15.4', () => {
    // 1/L = 1 − 95 × 0.995 / 100 = 0.05475 → 18.2648…; buffer: S′ = 95 − 1 = 94, 1/L = 1 − 94 × 0.995 / 100 = 0.0647 → 15.45595…
    const plain = safeLeverageForStop({ side: 'long', entryPrice: 100, stopPrice: 95, maintenanceMarginRate: '0.005' });
    assert.equal(plain.exact.toFixed(4), '18.2648');
    assert.equal(plain.shown.toFixed(), '18.2');
    const buffered = safeLeverageForStop({
      side: 'long',
      entryPrice: 100,
      stopPrice: 95,
      maintenanceMarginRate: '0.005',
      buffer: '0.01',
    });
    assert.equal(buffered.exact.toFixed(4), '15.4560');
    assert.equal(buffered.shown.toFixed(), '15.4');
    // The buffer is kept: at 15.4x the stop comes at least 1 % of entry before liquidation; at 15.5x it does not.
    const keep = {
      side: 'long',
      entryPrice: 100,
      stopPrice: 95,
      maintenanceMarginRate: '0.005',
      buffer: '0.01',
    } as const;
    assert.equal(stopBeforeLiquidation({ ...keep, leverage: '15.4' }).firesFirst, true);
    assert.equal(stopBeforeLiquidation({ ...keep, leverage: '15.5' }).firesFirst, false);
    // Without the buffer 15.5x is fine: gap = (95 − 100 × 14.5 / (15.5 × 0.995)) / 100 = (95 − 94.0194…) / 100 = 0.0098…
    assert.equal(stopBeforeLiquidation({ ...keep, buffer: 0, leverage: '15.5' }).firesFirst, true);
  });
  it('a short: entry 60,000, stop 61,500, 0.5 %: 1/L = (61,500 × 1.005 − 60,000) / 60,000 = 0.030125, L = 33.195…', () => {
    const r = safeLeverageForStop({
      side: 'short',
      entryPrice: 60000,
      stopPrice: 61500,
      maintenanceMarginRate: '0.005',
      decimals: 2,
    });
    assert.equal(r.exact.toFixed(6), '33.195021');
    assert.equal(r.shown.toFixed(), '33.19');
    // 33.19x: P = 60,000 × 34.19 / (33.19 × 1.005) = 2,051,400 / 33.35595; 33.35595 × 61,500 = 2,051,390.925, and
    // 9.075 / 33.35595 = 0.272, so P = 61,500.27…, above the stop (it fires first).
    const short = { side: 'short', entryPrice: 60000, stopPrice: 61500, maintenanceMarginRate: '0.005' } as const;
    const at = stopBeforeLiquidation({ ...short, leverage: '33.19' });
    assert.equal(at.firesFirst, true);
    assert.equal(at.liquidationPrice?.toFixed(2), '61500.27');
    assert.equal(stopBeforeLiquidation({ ...short, leverage: '33.2' }).firesFirst, false);
  });
  it('exactly at the limit the stop still counts as first: entry 3, stop 2, no maintenance → 3x, liquidation at 2', () => {
    // 1/L = (3 − 2) / 3, L = 3; at 3x P = 3 × 2 / (3 × 1) = 2 = stop, gap 0.
    const r = safeLeverageForStop({ side: 'long', entryPrice: 3, stopPrice: 2, maintenanceMarginRate: 0, decimals: 0 });
    assert.equal(r.shown.toFixed(), '3');
    const at = stopBeforeLiquidation({
      side: 'long',
      entryPrice: 3,
      stopPrice: 2,
      maintenanceMarginRate: 0,
      leverage: 3,
    });
    assert.deepEqual([at.firesFirst, at.liquidationPrice?.toFixed(), at.gap?.toFixed()], [true, '2', '0']);
    // 3.1x: P = 3 × 2.1 / 3.1 = 2.032…, above the stop.
    assert.equal(
      stopBeforeLiquidation({ side: 'long', entryPrice: 3, stopPrice: 2, maintenanceMarginRate: 0, leverage: '3.1' })
        .firesFirst,
      false,
    );
  });
  it('with a maintenance amount: long 100 → stop 90, 1 %, amount 5 on 10 units: L = 1 / 0.104 = 9.615…, shown 9.6', () => {
    // 1/L = (100 − 90 × 0.99 − 5/10) / 100 = (100 − 89.1 − 0.5) / 100 = 0.104.
    const input = {
      side: 'long',
      entryPrice: 100,
      stopPrice: 90,
      maintenanceMarginRate: '0.01',
      maintenanceAmount: 5,
      quantity: 10,
    } as const;
    const r = safeLeverageForStop(input);
    near(r.exact, new Decimal(1).div('0.104'), '1e-35');
    assert.equal(r.shown.toFixed(), '9.6');
    // 9.6x: P = (100 × 8.6 × 10 − 5 × 9.6) / (9.6 × 10 × 0.99) = 8,552 / 95.04 = 89.983…; 9.7x: 8,651.5 / 96.03 = 90.09…
    const at96 = stopBeforeLiquidation({ ...input, leverage: '9.6' });
    assert.equal(at96.firesFirst, true);
    assert.equal(at96.liquidationPrice?.toFixed(4), '89.9832');
    const at97 = stopBeforeLiquidation({ ...input, leverage: '9.7' });
    assert.equal(at97.firesFirst, false);
    assert.equal(at97.liquidationPrice?.toFixed(4), '90.0916');
  });
  it('the shown figure never exceeds the cap; a long at 1x with no amount cannot be liquidated', () => {
    const capped = safeLeverageForStop({
      side: 'short',
      entryPrice: 100,
      stopPrice: '100.1',
      maintenanceMarginRate: 0,
      maxLeverage: '125.55',
    });
    // 1/L = 0.1 / 100 = 0.001 → 1,000x, capped at 125.55, shown 125.5.
    assert.deepEqual([capped.exact.toFixed(), capped.shown.toFixed()], ['125.55', '125.5']);
    const oneX = stopBeforeLiquidation({ ...review, leverage: 1 });
    assert.deepEqual([oneX.firesFirst, oneX.liquidationPrice, oneX.gap], [true, null, null]);
  });
  it('a leverage too high to open is reported as liquidated at once, not as an error', () => {
    // 5 % maintenance at 50x: P = 100 × 49 / (50 × 0.95) = 103.16…, above entry.
    const r = stopBeforeLiquidation({
      side: 'long',
      entryPrice: 100,
      stopPrice: 95,
      maintenanceMarginRate: '0.05',
      leverage: 50,
    });
    assert.equal(r.firesFirst, false);
    assert.equal(r.liquidationPrice?.toFixed(2), '103.16');
  });
  it('refuses what maxLeverageForStop refuses, and a leverage outside 1…max', () => {
    throwsCalc(() => stopBeforeLiquidation({ ...review, stopPrice: 51000, leverage: 5 }), 'stopPrice', 'inconsistent');
    throwsCalc(() => stopBeforeLiquidation({ ...review, leverage: '0.5' }), 'leverage', 'out_of_range');
    throwsCalc(() => stopBeforeLiquidation({ ...review, leverage: 201 }), 'leverage', 'out_of_range');
    throwsCalc(() => stopBeforeLiquidation({ ...review, leverage: 5, buffer: 1 }), 'buffer', 'out_of_range');
    throwsCalc(() => stopBeforeLiquidation({ ...review, leverage: 5, maintenanceAmount: 5 }), 'quantity', 'required');
    throwsCalc(() => safeLeverageForStop({ ...review, decimals: 2.5 }), 'decimals', 'out_of_range');
    throwsCalc(
      () => safeLeverageForStop({ side: 'short', entryPrice: 100, stopPrice: 300, maintenanceMarginRate: 0.01 }),
      'stopPrice',
      'out_of_range',
    );
  });
  it('adverseMovePrice: a 5 % fall from 50,000 is 47,500; a 2.5 % rise from 60,000 is 61,500', () => {
    // 50,000 × (1 − 0.05) = 47,500; 60,000 × (1 + 0.025) = 61,500.
    assert.equal(adverseMovePrice({ side: 'long', entryPrice: 50000, move: '0.05' }).toFixed(), '47500');
    assert.equal(adverseMovePrice({ side: 'short', entryPrice: 60000, move: '0.025' }).toFixed(), '61500');
    assert.equal(adverseMovePrice({ side: 'long', entryPrice: 50000, move: 0 }).toFixed(), '50000');
    throwsCalc(() => adverseMovePrice({ side: 'long', entryPrice: 50000, move: 1 }), 'move', 'out_of_range');
    throwsCalc(() => adverseMovePrice({ side: 'short', entryPrice: 50000, move: '-0.1' }), 'move', 'out_of_range');
    throwsCalc(() => adverseMovePrice({ side: 'long', entryPrice: 0, move: '0.1' }), 'entryPrice', 'must_be_positive');
  });
});
