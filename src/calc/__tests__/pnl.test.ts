/** Example tests for PnL, ROE and target price against the Binance calculator formulas. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { netPnl, percentMove, pnl, pnlCurve, roe, targetPrice } from '../pnl.ts';
import { near, throwsCalc } from './helpers.ts';

const BINANCE_CALC = 'https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511';

describe('pnl, roe, targetPrice — Binance calculator formulas (' + BINANCE_CALC + ')', () => {
  // Expected values computed by hand from the published formulas, arithmetic shown.
  it('long 1 BTC 10,000 → 11,000: (11,000 − 10,000) × 1 = 1,000', () =>
    near(pnl({ side: 'long', quantity: 1, entryPrice: 10000, exitPrice: 11000 }), 1000));
  it('short 1 BTC 10,000 → 11,000: (10,000 − 11,000) × 1 = −1,000', () =>
    near(pnl({ side: 'short', quantity: 1, entryPrice: 10000, exitPrice: 11000 }), -1000));
  it('inverse long 100 × 100 USD, 10,000 → 12,500: 10,000 × (1/10,000 − 1/12,500) = 0.2 BTC', () =>
    near(pnl({ side: 'long', contract: 'inverse', quantity: 10000, entryPrice: 10000, exitPrice: 12500 }), '0.2'));
  it('Bybit average entry: 50 contracts at 10,000 + 50 at 15,000 → inverse PnL consistent with the 12,000 average', () =>
    near(
      pnl({ side: 'long', contract: 'inverse', quantity: 100, entryPrice: 12000, exitPrice: 15000 }).minus(
        pnl({ side: 'long', contract: 'inverse', quantity: 50, entryPrice: 10000, exitPrice: 15000 }),
      ),
      0,
      '1e-30',
    ));
  it('0.004 BTC moving 100 USDT makes 0.4 USDT (nothing rounded first)', () =>
    near(pnl({ side: 'long', quantity: '0.004', entryPrice: 60000, exitPrice: 60100 }), '0.4'));
  it('ROE at 10x, +10 %: 1,000 / (10,000 / 10) = 1 (100 %)', () =>
    near(roe({ side: 'long', quantity: 1, entryPrice: 10000, exitPrice: 11000, leverage: 10 }), 1));
  it('ROE on exit margin = side × (1 − entry / exit) / IMR = 10 × (1 − 10,000/11,000) = 0.90909…', () =>
    near(
      roe({ side: 'long', quantity: 1, entryPrice: 10000, exitPrice: 11000, leverage: 10, marginBasis: 'exit' }),
      '0.9090909090909090909090909090909090909091',
      '1e-38',
    ));
  it('inverse ROE equals Binance coin-M side × (1 − entry/exit) / IMR = 20 × (1 − 10,000/12,500) = 4', () =>
    near(
      roe({ side: 'long', contract: 'inverse', quantity: 10000, entryPrice: 10000, exitPrice: 12500, leverage: 20 }),
      4,
    ));
  it('long target for 50 % ROE at 10x: 10,000 × (0.5/10 + 1) = 10,500', () =>
    near(targetPrice({ side: 'long', entryPrice: 10000, leverage: 10, roe: 0.5 }), 10500));
  it('short target for 50 % ROE at 10x: 10,000 × (1 − 0.5/10) = 9,500', () =>
    near(targetPrice({ side: 'short', entryPrice: 10000, leverage: 10, roe: 0.5 }), 9500));
  it('inverse long target: side × entry / (side − ROE × IMR) = 10,000 / (1 − 0.05) = 10,526.315…', () =>
    near(
      targetPrice({ side: 'long', contract: 'inverse', entryPrice: 10000, leverage: 10, roe: 0.5 }),
      '10526.31578947368421052631578947368421053',
      '1e-35',
    ));
  it('rejects impossible targets and bad sides', () => {
    throwsCalc(() => targetPrice({ side: 'short', entryPrice: 100, leverage: 2, roe: 3 }), 'roe', 'inconsistent');
    throwsCalc(() => targetPrice({ side: 'long', entryPrice: 100, leverage: 2, roe: -2 }), 'roe', 'out_of_range');
    throwsCalc(() => pnl({ side: 'up' as never, quantity: 1, entryPrice: 1, exitPrice: 2 }), 'side', 'out_of_range');
    throwsCalc(() => pnl({ side: 'long', quantity: 1, entryPrice: 0, exitPrice: 2 }), 'entryPrice', 'must_be_positive');
  });
});

describe('percentage move, net PnL and the PnL curve', () => {
  it('percentMove: 60,000 → 63,000 is (63,000 − 60,000) / 60,000 = 0.05; 50,000 → 45,000 is −0.1; back up is 1/9', () => {
    near(percentMove({ from: 60000, to: 63000 }), '0.05', 0);
    near(percentMove({ from: 50000, to: 45000 }), '-0.1', 0);
    // (50,000 − 45,000) / 45,000 = 5,000 / 45,000 = 1/9: a 10 % fall needs an 11.1 % rise to recover.
    near(percentMove({ from: 45000, to: 50000 }), new Decimal(1).div(9), '1e-39');
    near(percentMove({ from: '0.5', to: 0 }), -1, 0);
    throwsCalc(() => percentMove({ from: 0, to: 1 }), 'from', 'must_be_positive');
    throwsCalc(() => percentMove({ from: -5, to: 1 }), 'from', 'must_be_positive');
    throwsCalc(() => percentMove({ from: 1, to: 'abc' }), 'to', 'not_a_number');
  });
  it('netPnl, long 1 BTC 60,000 → 63,000 at 0.05 % a side: 3,000 − (30 + 31.5) = 2,938.5', () => {
    // Open fee 60,000 × 0.0005 = 30; close fee 63,000 × 0.0005 = 31.5.
    const r = netPnl({
      side: 'long',
      quantity: 1,
      entryPrice: 60000,
      exitPrice: 63000,
      openFeeRate: '0.0005',
      closeFeeRate: '0.0005',
    });
    assert.deepEqual(
      [r.pnl, r.openFee, r.closeFee, r.fees, r.net].map((d) => d.toFixed()),
      ['3000', '30', '31.5', '61.5', '2938.5'],
    );
  });
  it('netPnl, short: the same move loses 3,000 and pays the same fees: −3,061.5', () => {
    const r = netPnl({
      side: 'short',
      quantity: 1,
      entryPrice: 60000,
      exitPrice: 63000,
      openFeeRate: '0.0005',
      closeFeeRate: '0.0005',
    });
    assert.equal(r.net.toFixed(), '-3061.5');
  });
  it('netPnl, coin-margined long 10,000 USD 10,000 → 12,500: PnL 0.2 BTC, fees 0.0005 + 0.0004, net 0.1991 BTC', () => {
    // Notional 10,000 / 10,000 = 1 BTC at entry, 10,000 / 12,500 = 0.8 BTC at exit; × 0.0005 each.
    const r = netPnl({
      side: 'long',
      contract: 'inverse',
      quantity: 10000,
      entryPrice: 10000,
      exitPrice: 12500,
      openFeeRate: '0.0005',
      closeFeeRate: '0.0005',
    });
    assert.deepEqual(
      [r.pnl, r.fees, r.net].map((d) => d.toFixed()),
      ['0.2', '0.0009', '0.1991'],
    );
  });
  it('netPnl without fee rates is the plain PnL, and a fee above 10 % is refused', () => {
    const r = netPnl({ side: 'long', quantity: '0.004', entryPrice: 60000, exitPrice: 60100 });
    assert.deepEqual([r.fees.toFixed(), r.net.toFixed()], ['0', '0.4']);
    throwsCalc(
      () => netPnl({ side: 'long', quantity: 1, entryPrice: 1, exitPrice: 2, closeFeeRate: '0.2' }),
      'closeFeeRate',
      'out_of_range',
    );
  });
  it('pnlCurve, long 1 unit at 100, 10x, exit 105: span max(1.6 × 10, 1.2 × 5) = 16, prices 84 … 116 in steps of 0.8', () => {
    const curve = pnlCurve({ side: 'long', quantity: 1, entryPrice: 100, leverage: 10, exitPrice: 105 });
    assert.equal(curve.length, 41);
    // Step (116 − 84) / 40 = 0.8; point 20 is 84 + 16 = 100 (PnL 0); point 1 is 84.8 (PnL −15.2).
    assert.deepEqual(
      [curve[0], curve[1], curve[20], curve[40]].map((p) => [p?.price.toFixed(), p?.pnl.toFixed()]),
      [
        ['84', '-16'],
        ['84.8', '-15.2'],
        ['100', '0'],
        ['116', '16'],
      ],
    );
  });
  it('pnlCurve reaches past a far exit and never below 1 % of entry', () => {
    // 2x, exit 150: span max(1.6 × 50, 1.2 × 50) = 80, so 20 … 180.
    const far = pnlCurve({ side: 'short', quantity: 2, entryPrice: 100, leverage: 2, exitPrice: 150, points: 3 });
    assert.deepEqual(
      far.map((p) => [p.price.toFixed(), p.pnl.toFixed()]),
      [
        ['20', '160'],
        ['100', '0'],
        ['180', '-160'],
      ],
    );
    // 1x: span 160, low max(100 − 160, 1) = 1, high 260.
    const oneX = pnlCurve({ side: 'long', quantity: 1, entryPrice: 100, leverage: 1, exitPrice: 100, points: 2 });
    assert.deepEqual(
      oneX.map((p) => p.price.toFixed()),
      ['1', '260'],
    );
    throwsCalc(
      () => pnlCurve({ side: 'long', quantity: 1, entryPrice: 100, leverage: 1, exitPrice: 100, points: 1 }),
      'points',
      'out_of_range',
    );
  });
});
