/** The isolated-vs-cross sandbox's settings, as they appear in its URL (positions flat: p1side, p1size…). */
import { enumParam, numberParam, type ParamsSpec } from '../shared/params.ts';

/** Most positions the sandbox holds in one wallet. */
export const MAX_POSITIONS = 4;
/** Asset labels a position can carry (a label only: each position has its own entry price and move). */
export const ASSETS = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE', 'BNB'] as const;
export type Asset = (typeof ASSETS)[number];

const side = enumParam(['long', 'short'] as const);
const asset = enumParam(ASSETS);

const shape = {
  wallet: numberParam,
  count: enumParam(['2', '3', '4'] as const),
  mmr: numberParam,
  market: numberParam,
  p1asset: asset,
  p1side: side,
  p1size: numberParam,
  p1lev: numberParam,
  p1entry: numberParam,
  p1move: numberParam,
  p2asset: asset,
  p2side: side,
  p2size: numberParam,
  p2lev: numberParam,
  p2entry: numberParam,
  p2move: numberParam,
  p3asset: asset,
  p3side: side,
  p3size: numberParam,
  p3lev: numberParam,
  p3entry: numberParam,
  p3move: numberParam,
  p4asset: asset,
  p4side: side,
  p4size: numberParam,
  p4lev: numberParam,
  p4entry: numberParam,
  p4move: numberParam,
};

const positionLabels = (i: number) => ({
  [`p${i}asset`]: `asset of position ${i}`,
  [`p${i}side`]: `side of position ${i}`,
  [`p${i}size`]: `size of position ${i}`,
  [`p${i}lev`]: `leverage of position ${i}`,
  [`p${i}entry`]: `entry price of position ${i}`,
  [`p${i}move`]: `own price move of position ${i}`,
});

export const marginModesParams: ParamsSpec<typeof shape> = {
  shape,
  defaults: {
    wallet: '2000',
    count: '3',
    mmr: '0.5',
    market: '-10',
    p1asset: 'BTC',
    p1side: 'long',
    p1size: '10000',
    p1lev: '10',
    p1entry: '60000',
    p1move: '-4',
    p2asset: 'ETH',
    p2side: 'long',
    p2size: '5000',
    p2lev: '10',
    p2entry: '3000',
    p2move: '0',
    p3asset: 'SOL',
    p3side: 'long',
    p3size: '2000',
    p3lev: '5',
    p3entry: '150',
    p3move: '0',
    p4asset: 'XRP',
    p4side: 'short',
    p4size: '500',
    p4lev: '5',
    p4entry: '0.5',
    p4move: '0',
  },
  labels: {
    wallet: 'wallet balance',
    count: 'number of positions',
    mmr: 'maintenance margin rate',
    market: 'market move',
    ...positionLabels(1),
    ...positionLabels(2),
    ...positionLabels(3),
    ...positionLabels(4),
  } as ParamsSpec<typeof shape>['labels'],
};

export type MarginModesValues = (typeof marginModesParams)['defaults'];
