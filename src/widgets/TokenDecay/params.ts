/** The leveraged-token simulator's settings, as they appear in its URL. */
import { enumParam, numberParam, type ParamsSpec } from '../shared/params.ts';

/**
 * The synthetic path, then the shipped crash and squeeze windows (content/scenarios/windows.json, same order: a test
 * checks), whose candles the replay widget loads.
 */
export const PATHS = [
  'choppy',
  'btc-2020-03',
  'btc-2021-05',
  'btc-2022-11',
  'btc-2024-08',
  'btc-2025-10',
  'btc-2021-07',
  'btc-2021-04',
  'btc-2023-08',
  'btc-2023-10',
  'btc-2024-03',
] as const;
export type PathId = (typeof PATHS)[number];

/** The longest synthetic path, in days. */
export const MAX_DAYS = 365;

const shape = {
  path: enumParam(PATHS),
  leverage: numberParam,
  move: numberParam,
  days: numberParam,
  mmr: numberParam,
};

export const tokenDecayParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    path: 'choppy',
    leverage: '3',
    move: '5',
    days: '10',
    mmr: '0.5',
  },
  labels: {
    path: 'price path',
    leverage: 'leverage',
    move: 'daily move',
    days: 'number of days',
    mmr: 'maintenance margin rate',
  },
};

export type TokenDecayValues = (typeof tokenDecayParams)['defaults'];
