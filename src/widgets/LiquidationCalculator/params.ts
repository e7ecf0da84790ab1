/** The liquidation calculator's settings, as they appear in its URL (other cross positions flat: o1side, o1qty…). */
import { enumParam, numberParam, type ParamsSpec } from '../shared/params.ts';

/** How many other cross positions the widget offers. */
export const MAX_OTHERS = 3;

const side = enumParam(['long', 'short'] as const);

const shape = {
  side,
  contract: enumParam(['linear', 'inverse'] as const),
  mode: enumParam(['isolated', 'cross'] as const),
  venue: enumParam(['binance', 'bybit', 'hyperliquid', 'custom'] as const),
  margin: numberParam,
  leverage: numberParam,
  entry: numberParam,
  mmr: numberParam,
  mma: numberParam,
  fee: numberParam,
  wallet: numberParam,
  others: enumParam(['0', '1', '2', '3'] as const),
  o1side: side,
  o1qty: numberParam,
  o1entry: numberParam,
  o1mark: numberParam,
  o2side: side,
  o2qty: numberParam,
  o2entry: numberParam,
  o2mark: numberParam,
  o3side: side,
  o3qty: numberParam,
  o3entry: numberParam,
  o3mark: numberParam,
};

export const liquidationParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    side: 'long',
    contract: 'linear',
    mode: 'isolated',
    venue: 'binance',
    margin: '1000',
    leverage: '10',
    entry: '60000',
    mmr: '0.5',
    mma: '0',
    fee: '0',
    wallet: '5000',
    others: '0',
    o1side: 'long',
    o1qty: '2',
    o1entry: '3000',
    o1mark: '2700',
    o2side: 'short',
    o2qty: '10',
    o2entry: '150',
    o2mark: '160',
    o3side: 'long',
    o3qty: '0.05',
    o3entry: '60000',
    o3mark: '58000',
  },
  labels: {
    side: 'side',
    contract: 'contract type',
    mode: 'margin mode',
    venue: 'venue',
    margin: 'margin',
    leverage: 'leverage',
    entry: 'entry price',
    mmr: 'maintenance margin rate',
    mma: 'maintenance amount',
    fee: 'close fee',
    wallet: 'wallet balance',
    others: 'number of other positions',
    o1side: 'side of other position 1',
    o1qty: 'quantity of other position 1',
    o1entry: 'entry price of other position 1',
    o1mark: 'mark price of other position 1',
    o2side: 'side of other position 2',
    o2qty: 'quantity of other position 2',
    o2entry: 'entry price of other position 2',
    o2mark: 'mark price of other position 2',
    o3side: 'side of other position 3',
    o3qty: 'quantity of other position 3',
    o3entry: 'entry price of other position 3',
    o3mark: 'mark price of other position 3',
  },
};

export type LiquidationValues = (typeof liquidationParams)['defaults'];

/** The URL keys of other position `n` (1-based). */
export function otherKeys(n: number) {
  const p = `o${n}` as 'o1' | 'o2' | 'o3';
  return {
    side: `${p}side`,
    qty: `${p}qty`,
    entry: `${p}entry`,
    mark: `${p}mark`,
  } as const satisfies Record<string, keyof LiquidationValues>;
}
