/** The risk sizer's settings, as they appear in its URL. */
import { enumParam, numberParam, optionalNumberParam, type ParamsSpec } from '../shared/params.ts';

const shape = {
  account: numberParam,
  risk: numberParam,
  side: enumParam(['long', 'short'] as const),
  entry: numberParam,
  stop: numberParam,
  // The target is optional: an empty value (kept in the link as `target=`) means "no target".
  target: optionalNumberParam,
  fee: numberParam,
  leverage: numberParam,
  mmr: numberParam,
};

export const riskParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    account: '10000',
    risk: '1',
    side: 'long',
    entry: '60000',
    stop: '58800',
    target: '63600',
    fee: '0.05',
    leverage: '10',
    mmr: '0.5',
  },
  labels: {
    account: 'account balance',
    risk: 'risk per trade',
    side: 'side',
    entry: 'entry price',
    stop: 'stop price',
    target: 'target price',
    fee: 'trading fee',
    leverage: 'leverage',
    mmr: 'maintenance margin rate',
  },
};

export type RiskValues = (typeof riskParams)['defaults'];
