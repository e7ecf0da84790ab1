import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callCalc, figureText, figureValue, pickPath } from '../figures.ts';

test('pickPath reads a dot path, and gives undefined past a missing step', () => {
  const result = { price: 5, payments: [1, 2, 3], tier: null };
  assert.equal(pickPath(result, 'price'), 5);
  assert.equal(pickPath(result, 'payments.1'), 2);
  assert.equal(pickPath(result, 'payments.length'), 3);
  assert.equal(pickPath(result, 'tier.floor'), undefined);
  assert.equal(pickPath(result, 'nothing.here'), undefined);
});

test('a figure is the named calc call, the picked number and its magnitude', () => {
  // 10x long of 0.2 BTC from 50,000 with a 0.5 % maintenance rate (calc-api.md, isolated, liquidation basis):
  // price = 50,000 × (1 − 1/10) / (1 − 0.005) = 45,000 / 0.995 = 45,226.1306…; distance = 45,226.13/50,000 − 1 = −0.0954774…
  const input = {
    side: 'long',
    quantity: 0.2,
    entryPrice: 50000,
    marginMode: 'isolated',
    leverage: 10,
    maintenanceMarginRate: 0.005,
  };
  assert.equal(figureValue({ fn: 'liquidationPrice', input, pick: 'price' }).toFixed(2), '45226.13');
  assert.equal(figureValue({ fn: 'liquidationPrice', input, pick: 'distance', abs: true }).toFixed(5), '0.09548');
  assert.equal(figureValue({ fn: 'liquidationPrice', input, pick: 'distance' }).toFixed(5), '-0.09548');
  // 30 days of funding every 8 hours: 720 / 8 = 90 payments, a plain number turned into a Decimal.
  const funding = { side: 'long', quantity: 0.2, markPrice: 50000, fundingRate: 0.0001, intervalHours: 8, hours: 720 };
  assert.equal(figureValue({ fn: 'fundingOverTime', input: funding, pick: 'payments.length' }).toFixed(), '90');
  // 0.2 × 50,000 = 10,000 when the result itself is the number.
  assert.equal(figureValue({ fn: 'notional', input: { quantity: 0.2, price: 50000 } }).toFixed(), '10000');
});

test('an unknown function, a missing value or a non-number is refused, naming the call', () => {
  assert.throws(() => callCalc('noSuchThing', {}), /src\/calc exports no function named "noSuchThing"/);
  assert.throws(() => callCalc('toString', {}), /no function named "toString"/);
  assert.throws(() => callCalc('BINANCE_BTCUSDT', {}), /no function named "BINANCE_BTCUSDT"/);
  const input = { quantity: 0.2, price: 50000 };
  assert.throws(() => figureValue({ fn: 'notional', input, pick: 'price' }), /notional → price has no value/);
  const long = {
    side: 'long',
    quantity: 1,
    entryPrice: 100,
    marginMode: 'isolated',
    leverage: 1,
    maintenanceMarginRate: 0,
  };
  // A 1x long with no maintenance cannot be liquidated: price is null.
  assert.throws(() => figureValue({ fn: 'liquidationPrice', input: long, pick: 'price' }), /has no value/);
  assert.throws(
    () =>
      figureValue({
        fn: 'fundingOverTime',
        input: { side: 'long', quantity: 1, markPrice: 1, fundingRate: 0.0001, intervalHours: 8, hours: 16 },
        pick: 'payments',
      }),
    /is not a number/,
  );
  // Calc's own input errors pass through unchanged.
  assert.throws(() => figureValue({ fn: 'notional', input: { quantity: -1, price: 1 } }), { name: 'CalcInputError' });
});

test('a figure is printed with the shared formatter, and a maximum is rounded down, never up', () => {
  // Long 50,000, stop 45,000, 0.5 % maintenance: exact limit 50,000 / 5,225 = 9.5694x (review E5). To one decimal,
  // nearest rounding would print the unsafe 9.6x; a maximum prints 9.5x.
  const stop = { side: 'long', entryPrice: 50000, stopPrice: 45000, maintenanceMarginRate: 0.005 };
  const limit = { fn: 'maxLeverageForStop', input: stop, format: 'multiple', digits: 1 } as const;
  assert.equal(figureText(limit), '9.6x');
  assert.equal(figureText({ ...limit, maximum: true }), '9.5x');
  // 10x long from 50,000 closed at 52,500: PnL 0.2 × 2,500 = +500 (whole dollars, signed).
  const pnl = { side: 'long', quantity: 0.2, entryPrice: 50000, exitPrice: 52500 };
  assert.equal(figureText({ fn: 'pnl', input: pnl, format: 'usd', digits: 0, signed: true }), '+$500');
  assert.throws(() => figureText({ ...limit, format: 'percent', maximum: true }), /a maximum is shown as a multiple/);
});
