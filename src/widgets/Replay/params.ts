/** The price-path replay's settings, as they appear in its URL (a pasted CSV is never put in the URL: too big). */
import { enumParam, numberParam, optionalNumberParam as optionalNumber, type ParamsSpec } from '../shared/params.ts';

/** The shipped windows (content/scenarios/windows.json, same order; a test checks), then the random path and a CSV. */
export const SCENARIO_IDS = [
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
  'random',
  'csv',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

const shape = {
  scenario: enumParam(SCENARIO_IDS),
  entry: numberParam,
  side: enumParam(['long', 'short'] as const),
  leverage: numberParam,
  mode: enumParam(['isolated', 'cross'] as const),
  margin: numberParam,
  extra: numberParam,
  stop: optionalNumber,
  tp: optionalNumber,
  mmr: numberParam,
  seed: numberParam,
  vol: numberParam,
};

export const replayParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    scenario: 'btc-2020-03',
    entry: '24',
    side: 'long',
    leverage: '10',
    mode: 'isolated',
    margin: '1000',
    extra: '1000',
    stop: '',
    tp: '',
    mmr: '0.5',
    seed: '1',
    vol: '80',
  },
  labels: {
    scenario: 'price path',
    entry: 'entry candle',
    side: 'side',
    leverage: 'leverage',
    mode: 'margin mode',
    margin: 'margin',
    extra: 'extra wallet balance',
    stop: 'stop loss',
    tp: 'take-profit',
    mmr: 'maintenance margin rate',
    seed: 'random seed',
    vol: 'volatility',
  },
};

export type ReplayValues = (typeof replayParams)['defaults'];
