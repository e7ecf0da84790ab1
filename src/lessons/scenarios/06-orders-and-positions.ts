/**
 * Named inputs for the figures of lesson 6 (content/lessons/06-orders-and-positions.mdx): the course's bitcoin long,
 * 0.2 BTC at $50,000 on $1,000 of isolated margin (10x), 0.5 % maintenance; fees of 0.02 % (maker) and 0.05 % (taker)
 * on the position's value; a stop at $48,000 that fills at $48,000 or, in a gap, at $47,200; margin added or removed;
 * the same position at 20x for the common mistake; and the Black Thursday replay of the widget (candle 24 of
 * content/market-data/crash-windows/w1_2020-03-12_black-thursday_1h.csv, close 7,938.39).
 */
import { effectiveLeverage, notional, pnl, roe, tradingFee, type LiquidationInput } from '../../calc/index.ts';
import type { InputOf } from './types.ts';

const LONG = { side: 'long', quantity: 0.2, entryPrice: 50000 } as const;
const MAINTENANCE = 0.005;
const MARGIN = 1000;

/** notional: the long's value, 0.2 BTC × $50,000. */
export const positionValue = { quantity: LONG.quantity, price: LONG.entryPrice } satisfies InputOf<typeof notional>;
const VALUE = notional(positionValue).toFixed();
/** effectiveLeverage: that value on its $1,000 of margin (the "10x" of the lesson's long). */
export const openLeverage = { notional: VALUE, equity: MARGIN } satisfies InputOf<typeof effectiveLeverage>;

/** tradingFee: the $10,000 position filled as a maker, at 0.02 %. */
export const makerFee = { quantity: LONG.quantity, price: LONG.entryPrice, feeRate: 0.0002 } satisfies InputOf<
  typeof tradingFee
>;
/** tradingFee: the same fill as a taker, at 0.05 %. */
export const takerFee = { ...makerFee, feeRate: 0.0005 } satisfies InputOf<typeof tradingFee>;

/** pnl: half the position (0.1 BTC) closed at $52,000: realised. The other half, still open at $52,000, the same. */
export const halfClosed = {
  side: 'long',
  quantity: 0.1,
  entryPrice: LONG.entryPrice,
  exitPrice: 52000,
} satisfies InputOf<typeof pnl>;

/** pnl: the stop at $48,000 filled where it was set. */
export const stopAsPlanned = { ...LONG, exitPrice: 48000 } satisfies InputOf<typeof pnl>;
/** pnl: the same stop-market filled at $47,200 after the price jumped past it. */
export const stopAfterGap = { ...LONG, exitPrice: 47200 } satisfies InputOf<typeof pnl>;
/** pnl: a stop-limit filled at its $47,900 limit, the worst price it accepts (the lesson's diagram draws the limit). */
export const stopLimitAtLimit = { ...LONG, exitPrice: 47900 } satisfies InputOf<typeof pnl>;

/** liquidationPrice: the 10x long on its own $1,000 of margin. */
export const tenX: LiquidationInput = {
  ...LONG,
  marginMode: 'isolated',
  margin: MARGIN,
  maintenanceMarginRate: MAINTENANCE,
};
/** liquidationPrice: after adding $500 of margin. */
export const plus500: LiquidationInput = { ...tenX, margin: 1500 };
/** liquidationPrice: after adding $1,000 of margin. */
export const plus1000: LiquidationInput = { ...tenX, margin: 2000 };
/** liquidationPrice: after removing $500 of margin. */
export const minus500: LiquidationInput = { ...tenX, margin: 500 };
/** effectiveLeverage: the same position on the $500 left after removing $500. */
export const leverageMinus500 = { notional: VALUE, equity: 500 } satisfies InputOf<typeof effectiveLeverage>;
/** liquidationPrice: the same 0.2 BTC at 20x ($500 of margin), for the stop placed past it. */
export const twentyX: LiquidationInput = {
  ...LONG,
  marginMode: 'isolated',
  leverage: 20,
  maintenanceMarginRate: MAINTENANCE,
};

/**
 * roe: a stop 5 % below entry at 10x, the explorer's stop-markets: the share of the margin lost. The ROE of a move
 * depends only on the move and the leverage, so the course's long (exit at $47,500) gives the explorer's figure too.
 */
export const stopFivePercent = { ...LONG, exitPrice: 47500, leverage: 10 } satisfies InputOf<typeof roe>;

/** The widget's scenario in the lesson: its defaults (Black Thursday, a 10x long from candle 24, 5 % stops). */
export const blackThursday = { window: 'btc-2020-03', entry: '24' } as const;
/** The replay's scenario for "adding margin to a loser": the same long, with $1,000 more behind it (cross). */
export const replayMoreMargin = { scenario: 'btc-2020-03', mode: 'cross', extra: '1000' } as const;
