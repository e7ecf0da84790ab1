/** Example tests for funding rate, payment, payments over time, the margin funding eats, and the carry of a position. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import {
  carryCost,
  daysUntilFundingTakes,
  fundingOverTime,
  fundingPayment,
  fundingRate,
  fundingTotal,
  isolatedAfterFunding,
} from '../funding.ts';
import { near, throwsCalc } from './helpers.ts';

const CLAMP = 'https://gate.io/futures/introduction/funding-rate-history';

describe(`fundingRate: F = P + clamp(I − P, −0.05 %, +0.05 %) (${CLAMP})`, () => {
  // Hand-derived: I = 0.01 %.
  const rows: [string, string, string | undefined, string][] = [
    ['0.0003', '0.0001', undefined, 'I − P = −0.0002 inside the band → F = I = 0.0001'],
    ['0.001', '0.0005', undefined, 'I − P = −0.0009 clamps to −0.0005 → F = 0.0005'],
    ['-0.0002', '0.0001', undefined, 'I − P = 0.0003 inside the band → F = 0.0001'],
    ['-0.002', '-0.0015', undefined, 'I − P = 0.0021 clamps to 0.0005 → F = −0.0015'],
    [
      '0.1',
      '0.04',
      '0.04',
      'Hyperliquid-style cap of 4 % (https://hyperliquid-co.gitbook.io/community-docs/technology-breakdown/hyperliquid-l1/dex/clearinghouse/funding)',
    ],
  ];
  for (const [premium, expected, cap, why] of rows) {
    it(`P = ${premium}: ${why}`, () => near(fundingRate({ premiumIndex: premium, ...(cap ? { cap } : {}) }), expected));
  }
  it('interestRate 0 and clampBand 0 are valid (F = P)', () =>
    near(fundingRate({ premiumIndex: '0.0007', interestRate: 0, clampBand: 0 }), '0.0007'));
});

describe('fundingPayment and fundingOverTime', () => {
  // "Funding Amount = Nominal Position Value × Funding Rate", every 8 h
  // (https://support.global.hashkey.com/hc/en-us/articles/14205661959708-Funding-Rate-Overview): 20,000 × 0.01 % × 3 = 6 a day.
  it('a long with 20,000 notional pays 2 per 8 h at 0.01 %, 6 a day', () => {
    near(fundingPayment({ side: 'long', quantity: 1, markPrice: 20000, fundingRate: '0.0001' }), -2);
    const day = fundingOverTime({
      side: 'long',
      quantity: 1,
      markPrice: 20000,
      fundingRate: '0.0001',
      intervalHours: 8,
      hours: 24,
    });
    assert.equal(day.payments.length, 3);
    near(day.total, -6);
  });
  it('the short receives what the long pays', () =>
    near(fundingPayment({ side: 'short', quantity: 1, markPrice: 20000, fundingRate: '0.0001' }), 2));
  it('hourly funding (Hyperliquid) over 24 h is 24 payments; 23.5 h is 23', () => {
    assert.equal(
      fundingOverTime({
        side: 'short',
        quantity: 1,
        markPrice: 100,
        fundingRate: '-0.00001',
        intervalHours: 1,
        hours: 24,
      }).payments.length,
      24,
    );
    assert.equal(
      fundingOverTime({
        side: 'short',
        quantity: 1,
        markPrice: 100,
        fundingRate: '-0.00001',
        intervalHours: 1,
        hours: '23.5',
      }).payments.length,
      23,
    );
  });
  it('inverse funding is in coin: 10,000 USD at 50,000 × 0.01 % = 0.00002 BTC', () =>
    near(
      fundingPayment({ side: 'long', contract: 'inverse', quantity: 10000, markPrice: 50000, fundingRate: '0.0001' }),
      '-0.00002',
    ));
  it('rejects more than 100,000 payments', () =>
    throwsCalc(
      () =>
        fundingOverTime({
          side: 'long',
          quantity: 1,
          markPrice: 1,
          fundingRate: 0,
          intervalHours: '0.0001',
          hours: 87600,
        }),
      'intervalHours',
      'out_of_range',
    ));
  it('rejects a zero interval', () =>
    throwsCalc(
      () => fundingOverTime({ side: 'long', quantity: 1, markPrice: 1, fundingRate: 0, intervalHours: 0, hours: 1 }),
      'intervalHours',
      'out_of_range',
    ));
});

describe('fundingTotal: payment × floor(hours / interval), without the list', () => {
  const hold = { side: 'long', quantity: 1, markPrice: 20000, fundingRate: '0.0001', intervalHours: 8 } as const;
  it('20,000 notional at 0.01 % per 8 h: 3 payments of −2 in 24 h = −6; 23.9 h has only 2 (−4)', () => {
    const day = fundingTotal({ ...hold, hours: 24 });
    near(day.payment, -2);
    assert.equal(day.payments, 3);
    near(day.total, -6);
    const almost = fundingTotal({ ...hold, hours: '23.9' });
    assert.equal(almost.payments, 2);
    near(almost.total, -4);
  });
  it('the short receives the same +6; no hours, no payment (a plain zero, not −0)', () => {
    near(fundingTotal({ ...hold, side: 'short', hours: 24 }).total, 6);
    const none = fundingTotal({ ...hold, hours: 0 });
    assert.equal(none.payments, 0);
    assert.equal(none.total.toFixed(2), '0.00');
  });
  it('inverse, in coin: 10,000 USD at 50,000 × 0.01 % = 0.00002 BTC a payment; 48 h = 6 payments = 0.00012 BTC', () =>
    near(
      fundingTotal({ ...hold, contract: 'inverse', quantity: 10000, markPrice: 50000, hours: 48 }).total,
      '-0.00012',
    ));
  it('checks the interval and the hours like fundingOverTime', () => {
    throwsCalc(() => fundingTotal({ ...hold, intervalHours: 25, hours: 1 }), 'intervalHours', 'out_of_range');
    throwsCalc(() => fundingTotal({ ...hold, hours: -1 }), 'hours', 'out_of_range');
  });
});

describe('daysUntilFundingTakes: ceil(amount / |payment|) × interval / 24', () => {
  // 1 BTC at 10,000 and 0.1 % per 8 h: each payment is 10,000 × 0.001 = 10.
  const hold = { side: 'long', quantity: 1, markPrice: 10000, fundingRate: '0.001', intervalHours: 8 } as const;
  it('2,000 of margin: 200 payments × 8 h = 1,600 h = 66.67 days', () =>
    near(daysUntilFundingTakes({ ...hold, amount: 2000 }), new Decimal(1600).div(24)));
  it('1,950: 195 payments = 1,560 h = 65 days; 1,955 needs a 196th: 1,568 h = 65.33 days', () => {
    near(daysUntilFundingTakes({ ...hold, amount: 1950 }), 65);
    near(daysUntilFundingTakes({ ...hold, amount: 1955 }), new Decimal(1568).div(24));
  });
  it('hourly funding of 1 (0.01 % of 10,000) takes 24 in 24 payments: one day', () =>
    near(daysUntilFundingTakes({ ...hold, fundingRate: '0.0001', intervalHours: 1, amount: 24 }), 1));
  it('null when funding is received (short at a positive rate, long at a negative one) or zero; 0 for nothing', () => {
    assert.equal(daysUntilFundingTakes({ ...hold, side: 'short', amount: 2000 }), null);
    assert.equal(daysUntilFundingTakes({ ...hold, fundingRate: '-0.001', amount: 2000 }), null);
    assert.equal(daysUntilFundingTakes({ ...hold, fundingRate: 0, amount: 2000 }), null);
    near(daysUntilFundingTakes({ ...hold, amount: 0 }), 0);
  });
  it('rejects a negative amount', () =>
    throwsCalc(() => daysUntilFundingTakes({ ...hold, amount: -1 }), 'amount', 'must_be_positive'));
});

describe('isolatedAfterFunding: margin + funding, and where that leaves the liquidation price', () => {
  // Long 1 BTC at 10,000, isolated margin 1,000, maintenance 0.5 % of 10,000 = 50. Linear flat-rate liquidation
  // (Binance USDⓈ-M with no amount): long P = (q·E − W) / (q × (1 − r)), short P = (q·E + W) / (q × (1 + r)).
  const long = {
    side: 'long',
    quantity: 1,
    entryPrice: 10000,
    margin: 1000,
    maintenanceMarginRate: '0.005',
  } as const;
  it('100 paid: 900 left, liquidation (10,000 − 900) / 0.995 = 9,145.73 (from 9,045.23 with no funding)', () => {
    const r = isolatedAfterFunding({ ...long, funding: -100 });
    near(r.marginAfter, 900);
    near(r.maintenance, 50);
    near(r.shortfall, 0);
    assert.equal(r.after.state, 'price');
    if (r.after.state === 'price') {
      near(r.after.price, new Decimal(9100).div('0.995'), '1e-30');
      near(r.after.distance, new Decimal(9100).div('0.995').div(10000).minus(1), '1e-30');
    }
    const none = isolatedAfterFunding({ ...long, funding: 0 }).after;
    assert.ok(none.state === 'price' && none.price?.minus(new Decimal(9000).div('0.995')).abs().lt('1e-30'));
  });
  it('960 paid leaves 40, under the 50 requirement: liquidated at entry; 1,000 paid: gone; 1,200 paid: gone, 200 short', () => {
    assert.equal(isolatedAfterFunding({ ...long, funding: -960 }).after.state, 'at-entry');
    const gone = isolatedAfterFunding({ ...long, funding: -1000 });
    assert.equal(gone.after.state, 'gone');
    near(gone.shortfall, 0);
    const beyond = isolatedAfterFunding({ ...long, funding: -1200 });
    assert.equal(beyond.after.state, 'gone');
    near(beyond.marginAfter, -200);
    near(beyond.shortfall, 200);
  });
  it('a short receiving 100: (10,000 + 1,100) / 1.005 = 11,044.78, further from entry', () => {
    const r = isolatedAfterFunding({ ...long, side: 'short', funding: 100 });
    assert.ok(r.after.state === 'price');
    if (r.after.state === 'price') near(r.after.price, new Decimal(11100).div('1.005'), '1e-30');
  });
  it('rejects a non-positive margin', () =>
    throwsCalc(() => isolatedAfterFunding({ ...long, margin: 0, funding: 0 }), 'margin', 'must_be_positive'));
});

describe('carryCost: one position held as a perpetual and on spot margin', () => {
  // 10,000 USDT long at 60,000 (1/6 BTC), 5x (margin 2,000), 30 days; 0.01 % per 8 h; Binance-style 0.0005 % an hour.
  const base = {
    side: 'long',
    notional: 10000,
    entryPrice: 60000,
    leverage: 5,
    days: 30,
    fundingRate: '0.0001',
    intervalHours: 8,
    maintenanceMarginRate: '0.005',
    borrow: { rate: '0.000005', ratePeriodHours: 1, accrual: 'per-started-hour' },
  } as const;
  it('funding: 720 h / 8 h = 90 payments of 10,000 × 0.01 % = 1 → 90 paid; to pay it the price must rise 90 × 6 = 540', () => {
    const c = carryCost(base);
    near(c.margin, 2000);
    near(c.hours, 720);
    near(c.quantity, new Decimal(1).div(6), '1e-38');
    near(c.funding.payment, -1, '1e-35');
    assert.equal(c.funding.payments, 90);
    near(c.funding.total, -90, '1e-35');
    near(c.funding.cost, 90, '1e-35');
    near(c.funding.breakEven.move, 540, '1e-30');
    near(c.funding.breakEven.fraction, '0.009', '1e-30');
    near(c.funding.breakEven.price, 60540, '1e-30');
  });
  it('borrowing: a long borrows 10,000 − 2,000 = 8,000; 0.04 an hour × 720 hours = 28.80; the price must rise 172.80', () => {
    const c = carryCost(base);
    near(c.borrow.principal, 8000);
    near(c.borrow.periodsCharged, 720);
    near(c.borrow.interest, '28.8', '1e-30');
    near(c.borrow.breakEven.price, '60172.8', '1e-30');
    near(c.borrow.breakEven.fraction, '0.00288', '1e-30');
  });
  it('the margin it drags: liquidation 48,000 / 0.995 = 48,241.21 → after 90 paid 48,540 / 0.995 = 48,783.92', () => {
    // P = (q·E − W) / (q × 0.995) with q·E = 10,000 and q = 1/6: (10,000 − W) × 6 / 0.995.
    const c = carryCost(base);
    near(c.isolated.maintenance, 50, '1e-30');
    near(c.isolated.start.price, new Decimal(48000).div('0.995'), '1e-30');
    near(c.isolated.marginAfter, 1910, '1e-30');
    assert.ok(c.isolated.after.state === 'price');
    if (c.isolated.after.state === 'price') near(c.isolated.after.price, new Decimal(48540).div('0.995'), '1e-30');
    // Whole margin: 2,000 payments × 8 h = 16,000 h = 666.67 days; to the 50 requirement: 1,950 × 8 h = 650 days.
    near(c.isolated.marginGoneDays, new Decimal(16000).div(24), '1e-30');
    near(c.isolated.liquidatedByFundingDays, 650, '1e-30');
  });
  it('a short receives the 90, borrows the whole 10,000 (36.00 of interest) and its margin grows', () => {
    const c = carryCost({ ...base, side: 'short' });
    near(c.funding.total, 90, '1e-35');
    near(c.funding.cost, -90, '1e-35');
    // Received funding is a cushion: the short loses only above 60,000 + 540.
    near(c.funding.breakEven.price, 60540, '1e-30');
    near(c.borrow.principal, 10000);
    near(c.borrow.interest, 36, '1e-30');
    near(c.borrow.breakEven.price, 59784, '1e-30');
    near(c.isolated.marginAfter, 2090, '1e-30');
    assert.equal(c.isolated.marginGoneDays, null);
  });
  it('Kraken: opening fee + 179 rollovers on the full 10,000 at 0.025 % per 4 h = 180 × 2.5 = 450', () => {
    const c = carryCost({ ...base, borrow: { rate: '0.00025', ratePeriodHours: 4, accrual: 'open-plus-rollover' } });
    near(c.borrow.principal, 10000);
    near(c.borrow.periodsCharged, 180);
    near(c.borrow.interest, 450, '1e-30');
  });
  it('0.1 % per 8 h over 65.4 days: 196 payments of 10 leave 40, under the 50 requirement: liquidated at entry', () => {
    // 65.4 × 24 = 1,569.6 h → floor(1,569.6 / 8) = 196.
    const c = carryCost({ ...base, fundingRate: '0.001', days: '65.4' });
    assert.equal(c.funding.payments, 196);
    near(c.isolated.marginAfter, 40, '1e-30');
    assert.equal(c.isolated.after.state, 'at-entry');
  });
  it('the cost curve: 31 even points to 720 h for 30 days; whole hours plus the end for 12 hours', () => {
    const long = carryCost(base).curve;
    assert.equal(long.step, 'even');
    assert.equal(long.points.length, 31);
    const last = long.points[30];
    near(last?.hours, 720);
    near(last?.days, 30);
    near(last?.funding, 90, '1e-30');
    near(last?.borrow, '28.8', '1e-30');
    // Day 1 (24 h): 3 payments of 1 paid; 24 hours of interest = 0.96.
    near(long.points[1]?.funding, 3, '1e-30');
    near(long.points[1]?.borrow, '0.96', '1e-30');
    const short = carryCost({ ...base, days: '0.5' }).curve;
    assert.equal(short.step, 'hour');
    assert.equal(short.points.length, 13);
    // At hour 0 no funding time has passed, but the first hour of interest is charged at once: 0.04.
    near(short.points[0]?.funding, 0);
    near(short.points[0]?.borrow, '0.04', '1e-30');
  });
  it('names the field that is wrong', () => {
    throwsCalc(() => carryCost({ ...base, notional: 0 }), 'notional', 'must_be_positive');
    throwsCalc(() => carryCost({ ...base, days: 4000 }), 'days', 'out_of_range');
    throwsCalc(() => carryCost({ ...base, leverage: 0 }), 'leverage', 'out_of_range');
    throwsCalc(() => carryCost({ ...base, leverage: 500 }), 'leverage', 'out_of_range');
    // 50x at 5 %: margin 200 is under the 500 maintenance requirement, liquidated on opening.
    throwsCalc(() => carryCost({ ...base, leverage: 50, maintenanceMarginRate: '0.05' }), 'margin', 'inconsistent');
  });
});
