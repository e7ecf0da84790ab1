/** Example tests for risk-based sizing, risk:reward and the highest leverage a stop allows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import { maxLeverageForStop, riskPositionSize, riskReward } from '../risk.ts';
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
