/** The funding-versus-borrowing calculator's settings, as they appear in its URL. */
import { enumParam, numberParam, type ParamsSpec } from '../shared/params.ts';

const shape = {
  side: enumParam(['long', 'short'] as const),
  size: numberParam,
  entry: numberParam,
  leverage: numberParam,
  days: numberParam,
  funding: numberParam,
  interval: enumParam(['8', '4', '1'] as const),
  mmr: numberParam,
  accrual: enumParam(['hourly', 'rollover'] as const),
  borrow: numberParam,
  rollover: numberParam,
};

/**
 * The rate defaults come from src/calc/venues.ts (the model tests check they still match): funding 0.01 % every 8 h
 * is what BINANCE_BTCUSDT and BYBIT_BTCUSDT settle at while the premium stays inside the clamp band (their
 * `interestRate: '0.0001'`, `intervalHours: 8`); the 0.5 % maintenance rate is BYBIT_BTCUSDT's first tier; the 0.025 % rollover per 4 h is
 * KRAKEN_SPOT_MARGIN's BTC/USD long example. The hourly borrow rate, 0.0005 % (0.012 % a day), is an illustrative
 * figure of the same order as BINANCE_CROSS_MARGIN_3X's worked example (0.02 % a day, which would be 0.000833… % an
 * hour, no number a reader types); Binance's rates are dynamic, so no single figure is "the" rate.
 */
export const carryParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    side: 'long',
    size: '10000',
    entry: '60000',
    leverage: '5',
    days: '30',
    funding: '0.01',
    interval: '8',
    mmr: '0.5',
    accrual: 'hourly',
    borrow: '0.0005',
    rollover: '0.025',
  },
  labels: {
    side: 'side',
    size: 'position size',
    entry: 'entry price',
    leverage: 'leverage',
    days: 'days held',
    funding: 'funding rate',
    interval: 'funding interval',
    mmr: 'maintenance margin rate',
    accrual: 'interest rule',
    borrow: 'borrow interest per hour',
    rollover: 'rollover fee per 4 hours',
  },
};

export type CarryValues = (typeof carryParams)['defaults'];
