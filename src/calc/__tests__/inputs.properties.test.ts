/** Property tests that no input ever yields NaN or Infinity, only a value or a typed CalcInputError. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as calc from '../index.ts';
import { CalcInputError } from '../errors.ts';
import { decimalString } from './helpers.ts';

/** Anything a learner (or a bug) might type into a field. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  decimalString(-1000000, 100000000, 3),
  decimalString(1, 100000, 2),
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    '',
    ' ',
    'abc',
    '1e400',
    '-1e400',
    '1e-400',
    'NaN',
    'Infinity',
    '0',
    '-0',
    '1,5',
    '0x1F',
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e300,
    5e-324,
  ),
  fc.string({ maxLength: 6 }),
);
const sideValue = fc.oneof(fc.constantFrom('long', 'short'), anyValue);
const contractValue = fc.constantFrom('linear', 'inverse', undefined, 'perp');

/** Recursively checks every Decimal and number in a result is finite. */
function assertFinite(value: unknown, path = 'result'): void {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') return assert.ok(Number.isFinite(value), `${path} is ${value}`);
  if (calc.Decimal.isDecimal(value)) return assert.ok(value.isFinite(), `${path} is ${String(value)}`);
  if (value instanceof Float64Array) return assert.ok(value.every(Number.isFinite), `${path} has a non-finite entry`);
  if (Array.isArray(value)) return value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  if (typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

function valueOrTypedError(run: () => unknown): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    assert.ok(error instanceof CalcInputError, `threw ${String(error)}`);
    assert.ok(error.message.length > 0);
    return;
  }
  assertFinite(result);
}

const record = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) => fc.record(shape, { requiredKeys: [] });

const cases: [string, fc.Arbitrary<Record<string, unknown>>, (input: never) => unknown][] = [
  ['notional', record({ contract: contractValue, quantity: anyValue, price: anyValue }), calc.notional],
  ['positionFromMargin', record({ margin: anyValue, leverage: anyValue, price: anyValue }), calc.positionFromMargin],
  [
    'maintenanceMargin',
    record({ quantity: anyValue, price: anyValue, maintenanceMarginRate: anyValue, maintenanceAmount: anyValue }),
    calc.maintenanceMargin,
  ],
  ['effectiveLeverage', record({ notional: anyValue, equity: anyValue }), calc.effectiveLeverage],
  [
    'pnl',
    record({ side: sideValue, contract: contractValue, quantity: anyValue, entryPrice: anyValue, exitPrice: anyValue }),
    calc.pnl,
  ],
  [
    'roe',
    record({
      side: sideValue,
      contract: contractValue,
      quantity: anyValue,
      entryPrice: anyValue,
      exitPrice: anyValue,
      leverage: anyValue,
    }),
    calc.roe,
  ],
  [
    'targetPrice',
    record({ side: sideValue, contract: contractValue, entryPrice: anyValue, leverage: anyValue, roe: anyValue }),
    calc.targetPrice,
  ],
  [
    'orderCost',
    record({
      side: sideValue,
      contract: contractValue,
      quantity: anyValue,
      price: anyValue,
      leverage: anyValue,
      feeRate: anyValue,
    }),
    calc.orderCost,
  ],
  [
    'breakEvenPrice',
    record({
      side: sideValue,
      entryPrice: anyValue,
      openFeeRate: anyValue,
      closeFeeRate: anyValue,
      fundingRate: anyValue,
      fundingIntervals: anyValue,
    }),
    calc.breakEvenPrice,
  ],
  [
    'liquidationPrice isolated',
    record({
      side: sideValue,
      contract: contractValue,
      quantity: anyValue,
      entryPrice: anyValue,
      marginMode: fc.constant('isolated'),
      leverage: anyValue,
      margin: anyValue,
      maintenanceMarginRate: anyValue,
      maintenanceAmount: anyValue,
      closeFeeRate: anyValue,
      maintenanceBasis: fc.constantFrom('entry', 'liquidation', undefined),
    }),
    calc.liquidationPrice,
  ],
  [
    'liquidationPrice cross',
    record({
      side: sideValue,
      contract: contractValue,
      quantity: anyValue,
      entryPrice: anyValue,
      marginMode: fc.constant('cross'),
      walletBalance: anyValue,
      maintenanceMarginRate: anyValue,
      otherPositions: fc.array(
        record({
          side: sideValue,
          quantity: anyValue,
          entryPrice: anyValue,
          markPrice: anyValue,
          maintenanceMarginRate: anyValue,
        }),
        { maxLength: 2 },
      ),
    }),
    calc.liquidationPrice,
  ],
  [
    'liquidationPrice tiers',
    record({
      side: sideValue,
      quantity: anyValue,
      entryPrice: anyValue,
      marginMode: fc.constant('isolated'),
      leverage: anyValue,
      tiers: fc.constant(calc.BINANCE_ETHUSDT.tiers),
    }),
    calc.liquidationPrice,
  ],
  [
    'fundingRate',
    record({ premiumIndex: anyValue, interestRate: anyValue, clampBand: anyValue, cap: anyValue }),
    calc.fundingRate,
  ],
  [
    'fundingOverTime',
    record({
      side: sideValue,
      quantity: anyValue,
      markPrice: anyValue,
      fundingRate: anyValue,
      intervalHours: anyValue,
      hours: fc.oneof(fc.constantFrom(0, 8, 24, 'x', -1, 87600), anyValue),
    }),
    calc.fundingOverTime,
  ],
  [
    'borrowInterest',
    record({
      principal: anyValue,
      rate: anyValue,
      ratePeriodHours: anyValue,
      hours: anyValue,
      accrual: fc.constantFrom('per-started-hour', 'open-plus-rollover', 'continuous', 'x'),
      startMinute: anyValue,
    }),
    calc.borrowInterest,
  ],
  [
    'priceAtMarginLevel',
    record({
      side: sideValue,
      quantity: anyValue,
      entryPrice: anyValue,
      leverage: anyValue,
      tradeBalance: anyValue,
      level: anyValue,
    }),
    calc.priceAtMarginLevel,
  ],
  [
    'spotMarginRatioPrice',
    record({ assetsQuantity: anyValue, liabilities: anyValue, ratio: anyValue }),
    calc.spotMarginRatioPrice,
  ],
  [
    'riskPositionSize',
    record({
      balance: anyValue,
      riskFraction: anyValue,
      entryPrice: anyValue,
      stopPrice: anyValue,
      openFeeRate: anyValue,
    }),
    calc.riskPositionSize,
  ],
  [
    'riskReward',
    record({ side: sideValue, entryPrice: anyValue, stopPrice: anyValue, targetPrice: anyValue }),
    calc.riskReward,
  ],
  [
    'maxLeverageForStop',
    record({
      side: sideValue,
      entryPrice: anyValue,
      stopPrice: anyValue,
      maintenanceMarginRate: anyValue,
      buffer: anyValue,
    }),
    calc.maxLeverageForStop,
  ],
  [
    'liquidationProbability',
    record({ distance: anyValue, volatility: anyValue, horizonDays: anyValue, drift: anyValue }),
    calc.liquidationProbability,
  ],
  [
    'simulatePaths',
    record({
      seed: anyValue,
      startPrice: anyValue,
      volatility: anyValue,
      steps: fc.constantFrom(1, 5, 'x', 0),
      stepDays: anyValue,
      paths: fc.constantFrom(1, 3, -1, 'y'),
    }),
    calc.simulatePaths,
  ],
  [
    'replay',
    record({
      position: record({ side: sideValue, entryPrice: anyValue, stopPrice: anyValue, liquidationPrice: anyValue }),
      candles: fc.array(
        record({ time: fc.integer(), open: anyValue, high: anyValue, low: anyValue, close: anyValue }),
        { maxLength: 3 },
      ),
    }),
    calc.replay,
  ],
];

describe('no input ever produces NaN or Infinity', () => {
  for (const [name, arbitrary, fn] of cases) {
    it(`${name} returns finite values or throws a typed CalcInputError for any input`, () => {
      fc.assert(fc.property(arbitrary, (input) => valueOrTypedError(() => fn(input as never))));
    });
  }
  it('missing input objects are typed errors too', () => {
    for (const [, , fn] of cases) valueOrTypedError(() => fn(undefined as never));
  });
});
