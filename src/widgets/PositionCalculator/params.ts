/** The position calculator's settings, as they appear in its URL. */
import { enumParam, numberParam, type ParamsSpec } from '../shared/params.ts';

const shape = {
  side: enumParam(['long', 'short'] as const),
  contract: enumParam(['linear', 'inverse'] as const),
  margin: numberParam,
  leverage: numberParam,
  entry: numberParam,
  exit: numberParam,
  fee: numberParam,
  mmr: numberParam,
  account: numberParam,
};

export const positionParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    side: 'long',
    contract: 'linear',
    margin: '1000',
    leverage: '10',
    entry: '60000',
    exit: '63000',
    fee: '0.05',
    mmr: '0.5',
    account: '5000',
  },
  labels: {
    side: 'side',
    contract: 'contract type',
    margin: 'margin',
    leverage: 'leverage',
    entry: 'entry price',
    exit: 'exit price',
    fee: 'trading fee',
    mmr: 'maintenance margin rate',
    account: 'account balance',
  },
};

export type PositionValues = (typeof positionParams)['defaults'];
