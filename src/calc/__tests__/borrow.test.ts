/** Example tests for spot-margin interest, margin level and the prices that reach it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { borrowInterest, marginLevel, priceAtMarginLevel, spotMarginRatioPrice } from '../borrow.ts';
import { near, throwsCalc } from './helpers.ts';

describe('borrowInterest', () => {
  it('Binance: 1,000 USDT 13:20 → 14:15 at 0.02 %/day = 1,000 × 0.02 %/24 × 2 = 0.01666667 (https://www.binance.com/en/support/articles/360030157812)', () => {
    const r = borrowInterest({
      principal: 1000,
      rate: '0.0002',
      ratePeriodHours: 24,
      hours: 55 / 60,
      startMinute: 20,
      accrual: 'per-started-hour',
    });
    near(r.periodsCharged, 2);
    assert.equal(r.interest.toFixed(8), '0.01666667');
  });
  it('Binance: 1,000 USDT 13:55 → 14:30 at 0.001 %/h = 0.02 (https://binance.com/en/support/faq/new-dynamic-interest-rate-system-for-binance-margin-trading-360030157812)', () => {
    near(
      borrowInterest({
        principal: 1000,
        rate: '0.00001',
        ratePeriodHours: 1,
        hours: 35 / 60,
        startMinute: 55,
        accrual: 'per-started-hour',
      }).interest,
      '0.02',
      '1e-30',
    );
  });
  it('a loan taken on the hour for 5 h is charged 5 hours (calc-api.md)', () => {
    near(
      borrowInterest({ principal: 1000, rate: '0.00001', ratePeriodHours: 1, hours: 5, accrual: 'per-started-hour' })
        .periodsCharged,
      5,
    );
  });
  // Kraken: opening fee + rollover every 4 h (https://support.kraken.com/articles/206161568); derived by hand:
  // 10,000 USD borrowed at 0.025 % per 4 h held 9 h → opening + rollovers at 4 h and 8 h = 3 charges × 2.5 = 7.5.
  it('Kraken: 10,000 USD for 9 h at 0.025 %/4 h = 3 charges = 7.5', () => {
    const r = borrowInterest({
      principal: 10000,
      rate: '0.00025',
      ratePeriodHours: 4,
      hours: 9,
      accrual: 'open-plus-rollover',
    });
    near(r.periodsCharged, 3);
    near(r.interest, '7.5');
  });
  it('Kraken: a position closed after 3 h pays only the opening fee', () =>
    near(
      borrowInterest({ principal: 10000, rate: '0.00025', ratePeriodHours: 4, hours: 3, accrual: 'open-plus-rollover' })
        .periodsCharged,
      1,
    ));
  it('continuous: 10,000 × 10 %/year × 73 days = 200', () =>
    near(
      borrowInterest({ principal: 10000, rate: '0.1', ratePeriodHours: 8760, hours: 73 * 24, accrual: 'continuous' })
        .interest,
      200,
      '1e-30',
    ));
  it('rejects an unknown rule', () =>
    throwsCalc(
      () => borrowInterest({ principal: 1, rate: 0, ratePeriodHours: 1, hours: 1, accrual: 'daily' as never }),
      'accrual',
      'out_of_range',
    ));
});

describe('Kraken margin level (https://support.kraken.com/hc/en-us/articles/203325763-Margin-call-level-and-margin-liquidation-level)', () => {
  it('7,199.95 / 9,000 = 79.999 %', () =>
    assert.equal(marginLevel({ equity: '7199.95', usedMargin: 9000 }).toFixed(5), '0.79999'));
  it('1.5 BTC long at 30,000, 5:1, 10,000 balance reaches 80 % at 28,133.3', () =>
    assert.equal(
      priceAtMarginLevel({
        side: 'long',
        quantity: '1.5',
        entryPrice: 30000,
        leverage: 5,
        tradeBalance: 10000,
        level: '0.8',
        maxLeverage: 5,
      })?.toFixed(1),
      '28133.3',
    ));
  it('1 BTC long at 20,000, 5:1, 10,000 balance: equity 3,200 at 80 % → 13,200 (derived by hand: 10,000 + (P − 20,000) = 0.8 × 4,000)', () =>
    near(
      priceAtMarginLevel({
        side: 'long',
        quantity: 1,
        entryPrice: 20000,
        leverage: 5,
        tradeBalance: 10000,
        level: '0.8',
      }),
      13200,
    ));
  it('0.2 BTC short from 50,000 on 5,000: margin level at 65,200 is 1,960 / 2,608 (https://support.kraken.com/hc/en-us/articles/203053156-Margin-trading-examples)', () => {
    const level = marginLevel({ equity: 1960, usedMargin: 2608 });
    near(
      priceAtMarginLevel({ side: 'short', quantity: '0.2', entryPrice: 50000, leverage: 5, tradeBalance: 5000, level }),
      65200,
      '1e-30',
    );
  });
});

describe('Binance spot margin ratio (https://binance.com/en/support/faq/binance-margin-level-and-margin-call-360030493931)', () => {
  it('1 BTC held against 20,000 USDT owed is liquidated at 1.1 × 20,000 = 22,000', () =>
    near(spotMarginRatioPrice({ assetsQuantity: 1, liabilities: 20000, ratio: '1.1' }), 22000));
});
