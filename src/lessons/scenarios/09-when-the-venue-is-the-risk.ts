/**
 * Named inputs for the figures of lesson 9 (content/lessons/09-when-the-venue-is-the-risk.mdx): a 10x isolated long
 * of 1 BTC from $60,000 whose liquidation fills $1,000 below its bankruptcy price, an insurance fund of $400 that
 * pays part of the gap, and a liquidation cascade through five $1 million clusters of longs 4 to 12 % below the price.
 */
import {
  bankruptcyPrice,
  liquidationCascade,
  liquidationShortfall,
  roe,
  type LiquidationInput,
} from '../../calc/index.ts';
import { CASCADE_LEVELS } from '../../widgets/Tangle/explorables.ts';
import { required, type InputOf } from './types.ts';

/** liquidationPrice / bankruptcyPrice: a 10x isolated long of 1 BTC from $60,000, 0.5 % maintenance. */
export const tenXLong: LiquidationInput = {
  side: 'long',
  quantity: 1,
  entryPrice: 60000,
  marginMode: 'isolated',
  leverage: 10,
  maintenanceMarginRate: 0.005,
};

const BANKRUPTCY = required(bankruptcyPrice(tenXLong), 'the 10x long’s bankruptcy price');

/** liquidationShortfall: the long's liquidation fills at $53,000, $1,000 below its $54,000 bankruptcy price; fund $400. */
export const thinBookFill = {
  side: 'long',
  quantity: 1,
  bankruptcyPrice: BANKRUPTCY.toFixed(),
  fillPrice: 53000,
  insuranceFund: 400,
} satisfies InputOf<typeof liquidationShortfall>;
/** liquidationShortfall: the same fill with a fund of $5,000: nothing is left for ADL. */
export const deepFund = { ...thinBookFill, insuranceFund: 5000 } satisfies InputOf<typeof liquidationShortfall>;
/** liquidationShortfall: a calm market, the liquidation fills at $54,200, above the bankruptcy price. */
export const calmFill = { ...thinBookFill, fillPrice: 54200 } satisfies InputOf<typeof liquidationShortfall>;

/** liquidationCascade: the Tangle's clusters from a $50,000 start, a 4 % news drop, 1 % impact per $1M sold. */
export const deepBookCascade = {
  side: 'long',
  startPrice: 50000,
  shock: 0.04,
  impactPerMillion: 0.01,
  levels: CASCADE_LEVELS,
} satisfies InputOf<typeof liquidationCascade>;
/** liquidationCascade: the same drop in a book half as deep (2 % per $1M). */
export const thinBookCascade = { ...deepBookCascade, impactPerMillion: 0.02 } satisfies InputOf<
  typeof liquidationCascade
>;

/**
 * roe: the replay's stop 5 % below entry at 10x, as a share of the margin. The ROE of a move depends only on the move
 * and the leverage, so the 1 BTC long from $60,000 stopped at $57,000 gives the replay's figure too.
 */
export const replayStop = {
  side: 'long',
  quantity: 1,
  entryPrice: 60000,
  exitPrice: 57000,
  leverage: 10,
} satisfies InputOf<typeof roe>;
