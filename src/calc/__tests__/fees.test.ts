/** Example tests for trading fees, order cost and break-even price. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { breakEvenPrice, orderCost, tradingFee } from '../fees.ts';
import { pnl } from '../pnl.ts';
import { near, throwsCalc } from './helpers.ts';

describe('fees', () => {
  it('fee is on notional, not margin: 1 BTC at 60,000 × 0.05 % = 30 at any leverage', () => {
    near(tradingFee({ quantity: 1, price: 60000, feeRate: '0.0005' }), 30);
  });
  it('inverse fee in coin: 60,000 USD at 50,000 × 0.075 % = 0.0009 BTC', () =>
    near(tradingFee({ contract: 'inverse', quantity: 60000, price: 50000, feeRate: '0.00075' }), '0.0009'));
  // Bybit: bankruptcy price of a 1 BTC long at 10,000 with 50x = 10,000 × (1 − 2 %) = 9,800
  // (https://www.bybitx.global/fil-PH/help-center/search-result?page=46&pageSize=10&query=trade); close fee at 9,800.
  it('order cost closes at the bankruptcy price: 200 + 6 + 9,800 × 0.06 % = 211.88', () => {
    const cost = orderCost({ side: 'long', quantity: 1, price: 10000, leverage: 50, feeRate: '0.0006' });
    near(cost.initialMargin, 200);
    near(cost.openFee, 6);
    near(cost.closeFee, '5.88');
    near(cost.total, '211.88');
  });
  it('short order cost closes at 10,000 × (1 + 1/50) = 10,200: close fee 6.12', () =>
    near(orderCost({ side: 'short', quantity: 1, price: 10000, leverage: 50, feeRate: '0.0006' }).closeFee, '6.12'));
  it('inverse long: close notional (q/entry) × (1 + 1/L) = 1.2 × 1.1 = 1.32 BTC, fee 0.00099', () =>
    near(
      orderCost({ side: 'long', contract: 'inverse', quantity: 60000, price: 50000, leverage: 10, feeRate: '0.00075' })
        .closeFee,
      '0.00099',
    ));
  it('break-even long: 100 × 1.001 / 0.999 = 100.2002…', () =>
    near(
      breakEvenPrice({ side: 'long', entryPrice: 100, openFeeRate: 0.001, closeFeeRate: 0.001 }),
      new Decimal('100.1').div('0.999'),
      '1e-35',
    ));
  it('break-even short with 3 fundings of +0.01 % received: 100 × (1 − 0.001 + 0.0003) / 1.001', () =>
    near(
      breakEvenPrice({
        side: 'short',
        entryPrice: 100,
        openFeeRate: 0.001,
        closeFeeRate: 0.001,
        fundingRate: 0.0001,
        fundingIntervals: 3,
      }),
      new Decimal('99.93').div('1.001'),
      '1e-35',
    ));
  it('at the break-even price PnL pays exactly both fees', () => {
    const exit = breakEvenPrice({ side: 'long', entryPrice: 60000, openFeeRate: '0.0005', closeFeeRate: '0.0005' });
    const gross = pnl({ side: 'long', quantity: 2, entryPrice: 60000, exitPrice: exit });
    near(gross.minus(new Decimal(2).times(60000).times('0.0005')).minus(exit.times(2).times('0.0005')), 0, '1e-30');
  });
  it('rejects fee rates above 10 %', () => {
    throwsCalc(() => tradingFee({ quantity: 1, price: 1, feeRate: 0.5 }), 'feeRate', 'out_of_range');
    assert.ok(true);
  });
});
