/** Example tests for PnL, ROE and target price against the Binance calculator formulas. */
import { describe, it } from 'node:test';
import { pnl, roe, targetPrice } from '../pnl.ts';
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
