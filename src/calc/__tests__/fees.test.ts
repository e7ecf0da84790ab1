/** Example tests for trading fees, order cost, break-even price and the price move that pays a fixed cost. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from '../decimal.ts';
import { breakEvenMove, breakEvenPrice, orderCost, tradingFee } from '../fees.ts';
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

describe('breakEvenMove: move = ±cost / quantity (linear PnL = cost)', () => {
  const base = { quantity: '0.5', entryPrice: 60000 } as const;
  it('a long paying 90 on 0.5 BTC needs 90 / 0.5 = 180 up: 0.3 % of 60,000, to 60,180', () => {
    const m = breakEvenMove({ ...base, side: 'long', cost: 90 });
    near(m.move, 180);
    near(m.fraction, '0.003');
    near(m.price, 60180);
  });
  it('a short paying 90 needs 180 down, to 59,820; a long receiving 90 may fall 180 to 59,820', () => {
    const short = breakEvenMove({ ...base, side: 'short', cost: 90 });
    near(short.move, -180);
    near(short.fraction, '-0.003');
    near(short.price, 59820);
    near(breakEvenMove({ ...base, side: 'long', cost: -90 }).price, 59820);
  });
  it('no cost, no move; a short paying 35,000 on 0.5 BTC would need −70,000: no positive price', () => {
    const none = breakEvenMove({ ...base, side: 'long', cost: 0 });
    assert.equal(none.move.toFixed(), '0');
    near(none.price, 60000);
    const impossible = breakEvenMove({ ...base, side: 'short', cost: 35000 });
    near(impossible.move, -70000);
    assert.equal(impossible.price, null);
  });
  it('with zero fees it agrees with breakEvenPrice: 3 fundings of 0.01 % → 60,000 × 1.0003 = 60,018', () => {
    // Long cost: 0.5 × 60,000 × 0.0003 = 9 → 9 / 0.5 = 18 up. Short: receives 9 (cost −9) → may rise 18.
    near(breakEvenMove({ ...base, side: 'long', cost: 9 }).price, 60018);
    near(breakEvenMove({ ...base, side: 'short', cost: -9 }).price, 60018);
    for (const side of ['long', 'short'] as const) {
      const exact = breakEvenPrice({
        side,
        entryPrice: 60000,
        openFeeRate: 0,
        closeFeeRate: 0,
        fundingRate: '0.0001',
        fundingIntervals: 3,
      });
      near(exact, 60018);
    }
  });
  it('rejects a non-positive quantity or entry, and a cost that is not a number', () => {
    throwsCalc(() => breakEvenMove({ ...base, side: 'long', quantity: 0, cost: 1 }), 'quantity', 'must_be_positive');
    throwsCalc(
      () => breakEvenMove({ ...base, side: 'long', entryPrice: -1, cost: 1 }),
      'entryPrice',
      'must_be_positive',
    );
    throwsCalc(() => breakEvenMove({ ...base, side: 'long', cost: 'abc' }), 'cost', 'not_a_number');
  });
});
