/**
 * The shared cross liquidation of a long and a short on one contract, against Binance's hedge-mode formula worked by
 * hand: LP = (WB + cumL + cumS − posL·EPL + posS·EPS) / (posL·MMRL + posS·MMRS − posL + posS),
 * https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hedgedCrossLiquidation } from '../hedge.ts';
import { liquidationPrice } from '../liquidationPrice.ts';
import { BINANCE_BTCUSDT } from '../venues.ts';
import { near, throwsCalc } from './helpers.ts';

const FLAT = [{ floor: 0, maintenanceMarginRate: '0.005' }];

describe('hedgedCrossLiquidation (hand-worked)', () => {
  it('net long: (2,000 − 10,000 + 5,000) / (0.005 + 0.0025 − 1 + 0.5) = 6,091.37…, reached on a fall; bankruptcy 6,000', () => {
    const r = hedgedCrossLiquidation({
      walletBalance: 2000,
      positions: [
        { side: 'long', quantity: 1, entryPrice: 10000 },
        { side: 'short', quantity: '0.5', entryPrice: 10000 },
      ],
      tiers: FLAT,
    });
    near(r.price, '6091.370558375634517766497461928934010152', '1e-25');
    assert.equal(r.direction, 'down');
    near(r.bankruptcyPrice, 6000);
  });
  it('net short: (2,000 − 5,000 + 10,000) / (0.0025 + 0.005 − 0.5 + 1) = 13,793.10…, reached on a rise', () => {
    const r = hedgedCrossLiquidation({
      walletBalance: 2000,
      positions: [
        { side: 'short', quantity: 1, entryPrice: 10000 },
        { side: 'long', quantity: '0.5', entryPrice: 10000 },
      ],
      tiers: FLAT,
    });
    // 7,000 / 0.5075 = 13,793.103448275862068965517241379310344828
    near(r.price, '13793.10344827586206896551724137931034483', '1e-25');
    assert.equal(r.direction, 'up');
    // Bankruptcy: 7,000 / 0.5 = 14,000.
    near(r.bankruptcyPrice, 14000);
  });
  it('an even book is liquidated only when the price rises so far that the maintenance outgrows the wallet', () => {
    // 1 long and 1 short at 10,000, wallet 1,000: equity stays 1,000; 0.005 × 2 × P = 1,000 at P = 100,000.
    const r = hedgedCrossLiquidation({
      walletBalance: 1000,
      positions: [
        { side: 'long', quantity: 1, entryPrice: 10000 },
        { side: 'short', quantity: 1, entryPrice: 10000 },
      ],
      tiers: FLAT,
    });
    near(r.price, 100000);
    assert.equal(r.direction, 'up');
    assert.equal(r.bankruptcyPrice, null);
  });
  it('refuses two positions of one side, and no positions', () => {
    const long = { side: 'long' as const, quantity: 1, entryPrice: 10000 };
    throwsCalc(
      () => hedgedCrossLiquidation({ walletBalance: 1000, positions: [long, long], tiers: FLAT }),
      'positions',
      'inconsistent',
    );
    throwsCalc(
      () => hedgedCrossLiquidation({ walletBalance: 1000, positions: [], tiers: FLAT }),
      'positions',
      'required',
    );
  });
});

describe('hedgedCrossLiquidation (laws)', () => {
  it('with one position it is the one-way cross formula, tiers included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('long' as const, 'short' as const),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 5000, max: 120000 }),
        fc.integer({ min: 1, max: 100 }),
        (side, tenths, entry, extra) => {
          const quantity = tenths / 10;
          // A wallet that covers the maintenance at entry: the initial margin at 100x plus some.
          const wallet = (quantity * entry) / 100 + extra * 100;
          let oneWay;
          try {
            oneWay = liquidationPrice({
              side,
              quantity,
              entryPrice: entry,
              marginMode: 'cross',
              walletBalance: wallet,
              tiers: BINANCE_BTCUSDT.tiers ?? [],
            });
          } catch {
            fc.pre(false);
            return;
          }
          const hedged = hedgedCrossLiquidation({
            walletBalance: wallet,
            positions: [{ side, quantity, entryPrice: entry }],
            tiers: BINANCE_BTCUSDT.tiers ?? [],
          });
          if (oneWay.price === null) assert.equal(hedged.price, null);
          else near(hedged.price, oneWay.price.toString(), '1e-20');
          if (hedged.price) assert.equal(hedged.direction, side === 'long' ? 'down' : 'up');
        },
      ),
      { numRuns: 200 },
    );
  });
  it('at the price it returns, wallet + unrealised PnL equals the maintenance (one flat rate)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 500, max: 50000 }),
        (ql, qs, wallet) => {
          fc.pre(ql !== qs);
          const positions = [
            { side: 'long' as const, quantity: ql / 10, entryPrice: 10000 },
            { side: 'short' as const, quantity: qs / 10, entryPrice: 11000 },
          ];
          const r = hedgedCrossLiquidation({ walletBalance: wallet, positions, tiers: FLAT });
          fc.pre(r.price !== null);
          const p = r.price;
          const equity = p
            .minus(10000)
            .times(ql / 10)
            .minus(p.minus(11000).times(qs / 10))
            .plus(wallet);
          const maintenance = p.times((ql + qs) / 10).times('0.005');
          near(equity, maintenance.toString(), '1e-20');
        },
      ),
      { numRuns: 200 },
    );
  });
});
