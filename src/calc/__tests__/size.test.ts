/** Example tests for notional, margin and effective leverage against published calculator formulas. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveLeverage, initialMargin, maintenanceMargin, notional, positionFromMargin, shareOf } from '../size.ts';
import { near, throwsCalc } from './helpers.ts';

const BINANCE_CALC = 'https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511';

describe('notional and margin (Binance calculator formulas)', () => {
  // Each row: [description, input, expected, source]
  const rows: [string, () => unknown, string, string][] = [
    ['linear notional 0.5 × 60,000', () => notional({ quantity: '0.5', price: 60000 }), '30000', BINANCE_CALC],
    [
      'inverse notional 100 contracts × 100 USD / 50,000',
      () => notional({ contract: 'inverse', quantity: 10000, price: 50000 }),
      '0.2',
      BINANCE_CALC,
    ],
    // Bybit inverse example: Position Value = 60,000 / 50,000 = 1.2 BTC; Initial Margin = 1.2 / 10 = 0.12 BTC.
    [
      'Bybit inverse initial margin 0.12 BTC',
      () => initialMargin({ contract: 'inverse', quantity: 60000, price: 50000, leverage: 10 }),
      '0.12',
      'https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account',
    ],
    // Bybit: 12,000 BTCUSD contracts at 8,000 with 50x → 12,000 / (8,000 × 50) = 0.03 BTC.
    [
      'Bybit initial margin (inverse) 0.03 BTC',
      () => initialMargin({ contract: 'inverse', quantity: 12000, price: 8000, leverage: 50 }),
      '0.03',
      'https://www.bybitx.global/fil-PH/help-center/search-result?page=46&pageSize=10&query=trade',
    ],
    // Kraken: 15,000 USD long at 5:1 uses 3,000 USD of margin.
    [
      'Kraken used margin 15,000 / 5',
      () => initialMargin({ quantity: 1, price: 15000, leverage: 5 }),
      '3000',
      'https://support.kraken.com/hc/en-us/articles/203053116-How-leverage-works-in-spot-transactions-on-margin',
    ],
    // Bybit inverse example: Maintenance Margin = 1.2 × 0.5 % = 0.006 BTC.
    [
      'Bybit maintenance margin 0.006 BTC',
      () => maintenanceMargin({ contract: 'inverse', quantity: 60000, price: 50000, maintenanceMarginRate: 0.005 }),
      '0.006',
      'https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account',
    ],
    // Binance: MM = notional × MMR − amount: 300,000 × 1 % − 1,300 = 1,700 (tier 3 of BTCUSDT).
    [
      'Binance maintenance with amount',
      () => maintenanceMargin({ quantity: 10, price: 30000, maintenanceMarginRate: 0.01, maintenanceAmount: 1300 }),
      '1700',
      'https://www.binance.com/en/futures/trading-rules/perpetual/portfolio-margin/notional-limit',
    ],
    // coincu (Binance calculator guide): 14,000 position on 8,000 margin → 1.75x.
    [
      'effective leverage 14,000 / 8,000',
      () => effectiveLeverage({ notional: 14000, equity: 8000 }),
      '1.75',
      'https://coincu.com/binance-futures-calculator-track-profits-liquidation',
    ],
  ];
  for (const [name, run, expected, source] of rows) it(`${name} (${source})`, () => near(run() as never, expected));

  it('position from margin: 100 USDT at 10x and 67,000 is 1,000 USDT of BTC', () => {
    const { notional: value, quantity } = positionFromMargin({ margin: 100, leverage: 10, price: 67000 });
    near(value, 1000);
    near(quantity, '0.01492537313432835820895522388059701492537', '1e-40');
  });
  it('position from margin (inverse): 0.12 BTC at 10x and 50,000 is 60,000 USD face', () => {
    near(positionFromMargin({ contract: 'inverse', margin: '0.12', leverage: 10, price: 50000 }).quantity, 60000);
  });
  it('nothing is rounded before it is multiplied: 0.004 BTC has a non-zero margin', () => {
    near(initialMargin({ quantity: '0.004', price: 60000, leverage: 125 }), '1.92');
  });
  it('rejects bad input with beginner messages', () => {
    throwsCalc(() => initialMargin({ quantity: 1, price: 100, leverage: 0.5 }), 'leverage', 'out_of_range');
    throwsCalc(() => initialMargin({ quantity: 1, price: 100, leverage: 201 }), 'leverage', 'out_of_range');
    throwsCalc(
      () => initialMargin({ quantity: 1, price: 100, leverage: 101, maxLeverage: 100 }),
      'leverage',
      'out_of_range',
    );
    throwsCalc(() => notional({ quantity: -1, price: 100 }), 'quantity', 'must_be_positive');
    throwsCalc(() => notional({ quantity: 1, price: 'abc' }), 'price', 'not_a_number');
    throwsCalc(
      () => maintenanceMargin({ quantity: 1, price: 100, maintenanceMarginRate: 0.01, maintenanceAmount: 5 }),
      'maintenanceAmount',
      'inconsistent',
    );
    throwsCalc(() => effectiveLeverage({ notional: 100, equity: 0 }), 'equity', 'must_be_positive');
    assert.throws(
      () => initialMargin({ quantity: 1, price: 100, leverage: 250 }),
      /Leverage must be between 1 and 200\./,
    );
  });
});

describe('shareOf', () => {
  it('489.75 of 5,000 is 0.09795; a loss of 100 on 10,000 is −0.01; 476.42 of 10,000 is 0.047642', () => {
    // 489.75 / 5,000 = 0.09795 (a net PnL as a return on the whole account).
    assert.equal(shareOf({ part: '489.75', whole: 5000 }).toFixed(), '0.09795');
    assert.equal(shareOf({ part: -100, whole: 10000 }).toFixed(), '-0.01');
    assert.equal(shareOf({ part: '476.42', whole: 10000 }).toFixed(), '0.047642');
  });
  it('refuses a whole that is not above zero', () => {
    throwsCalc(() => shareOf({ part: 1, whole: 0 }), 'whole', 'must_be_positive');
    throwsCalc(() => shareOf({ part: 'x', whole: 1 }), 'part', 'not_a_number');
  });
});
