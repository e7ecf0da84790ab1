/** The liquidation-odds explorer's settings, as they appear in its URL. */
import { enumParam, numberParam, type ParamsSpec } from '../shared/params.ts';

const shape = {
  side: enumParam(['long', 'short'] as const),
  input: enumParam(['leverage', 'distance'] as const),
  leverage: numberParam,
  mmr: numberParam,
  distance: numberParam,
  vol: numberParam,
  days: numberParam,
  seed: numberParam,
  paths: enumParam(['1000', '2000', '5000'] as const),
};

export const liquidationOddsParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    side: 'long',
    input: 'leverage',
    leverage: '10',
    mmr: '0.5',
    distance: '10',
    vol: '70.6',
    days: '30',
    seed: '42',
    paths: '2000',
  },
  labels: {
    side: 'side',
    input: 'what you enter',
    leverage: 'leverage',
    mmr: 'maintenance margin rate',
    distance: 'distance to liquidation',
    vol: 'annualised volatility',
    days: 'horizon',
    seed: 'random seed',
    paths: 'number of simulated paths',
  },
};

export type LiquidationOddsValues = (typeof liquidationOddsParams)['defaults'];
