/** The order-fills explorer's settings, as they appear in its URL. */
import { SCENARIO_IDS } from '../Replay/params.ts';
import { enumParam, numberParam, type ParamsSpec } from '../shared/params.ts';

/** The shipped price windows (the replay's list without its random path and CSV): real last and mark prices. */
export const WINDOW_IDS = SCENARIO_IDS.filter((id) => id !== 'random' && id !== 'csv') as [
  Exclude<(typeof SCENARIO_IDS)[number], 'random' | 'csv'>,
  ...Exclude<(typeof SCENARIO_IDS)[number], 'random' | 'csv'>[],
];
export type WindowId = (typeof WINDOW_IDS)[number];

const shape = {
  window: enumParam(WINDOW_IDS),
  side: enumParam(['long', 'short'] as const),
  entry: numberParam,
  leverage: numberParam,
  margin: numberParam,
  stop: numberParam,
  limit: numberParam,
  tp: numberParam,
  mmr: numberParam,
};

export const orderFillsParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    window: 'btc-2020-03',
    side: 'long',
    entry: '24',
    leverage: '10',
    margin: '1000',
    stop: '5',
    limit: '0.5',
    tp: '10',
    mmr: '0.5',
  },
  labels: {
    window: 'price path',
    side: 'side',
    entry: 'entry candle',
    leverage: 'leverage',
    margin: 'margin',
    stop: 'stop distance',
    limit: 'limit offset',
    tp: 'take-profit distance',
    mmr: 'maintenance margin rate',
  },
};

export type OrderFillsValues = (typeof orderFillsParams)['defaults'];

/**
 * The key of the note shown while a window or the calculation code is on its way: not an input error, so the last
 * result stays on screen (marked stale).
 */
export const LOADING = 'loading';
