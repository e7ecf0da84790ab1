/** Example tests for funding rate, payment and payments over time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fundingOverTime, fundingPayment, fundingRate } from '../funding.ts';
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
