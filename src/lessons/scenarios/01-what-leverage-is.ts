/**
 * Named inputs for the figures of lesson 1 (content/lessons/01-what-leverage-is.mdx). The lesson's trade: $1,000 of
 * margin at 10x on bitcoin at $50,000, a linear long of 0.2 BTC, 0.5 % maintenance, closed at $52,500 (+5 %) or
 * $47,500 (−5 %). Each export is the one input object of the calc function named in its comment; the lesson shows
 * the result with `<Calc fn="…" input={name} …/>`, so no number is typed twice.
 */
import {
  initialMargin,
  notional,
  percentMove,
  pnl,
  positionFromMargin,
  roe,
  tradingFee,
  type LiquidationInput,
} from '../../calc/index.ts';
import type { PredictionSpec } from '../../learning/predictSpec.ts';
import type { InputOf } from './types.ts';

const ENTRY = 50000;
const UP = 52500;
const DOWN = 47500;
const MARGIN = 1000;
const MAINTENANCE = 0.005;

/** positionFromMargin: $1,000 at 10x from $50,000 (→ $10,000, 0.2 BTC). */
export const tenX = { margin: MARGIN, leverage: 10, price: ENTRY } satisfies InputOf<typeof positionFromMargin>;
/** positionFromMargin: the same $1,000 with no leverage (→ 0.02 BTC). */
export const spot = { margin: MARGIN, leverage: 1, price: ENTRY } satisfies InputOf<typeof positionFromMargin>;

/** The 10x position's size in BTC (0.2), derived once from {@link tenX}. */
const QUANTITY = positionFromMargin(tenX).quantity;
/** The spot buyer's size in BTC (0.02). */
const SPOT_QUANTITY = positionFromMargin(spot).quantity;

/** notional: the 10x position (0.2 BTC × $50,000). */
export const tenXPosition = { quantity: QUANTITY, price: ENTRY } satisfies InputOf<typeof notional>;
/** initialMargin: Ana's 10x margin on 0.2 BTC. */
export const anaMargin = { ...tenXPosition, leverage: 10 } satisfies InputOf<typeof initialMargin>;
/** initialMargin: Ben's 5x margin on the same 0.2 BTC. */
export const benMargin = { ...tenXPosition, leverage: 5 } satisfies InputOf<typeof initialMargin>;

/**
 * initialMargin of one dollar of position: the share of the position you post, 1 / leverage (10 % at 10x). The
 * same share is the fall that would take the whole margin.
 */
export function marginShare(leverage: number): InputOf<typeof initialMargin> {
  return { quantity: 1, price: 1, leverage };
}
/** 1 / 10 = 10 %. */
export const shareAt10x = marginShare(10);

/** pnl: the 10x long when bitcoin rises to $52,500. */
export const longUp = { side: 'long', quantity: QUANTITY, entryPrice: ENTRY, exitPrice: UP } satisfies InputOf<
  typeof pnl
>;
/** pnl: a short of the same size over the same rise. */
export const shortUp = { ...longUp, side: 'short' } satisfies InputOf<typeof pnl>;
/** pnl: the 10x long when bitcoin falls to $47,500. */
export const longDown = { ...longUp, exitPrice: DOWN } satisfies InputOf<typeof pnl>;
/** pnl: the spot buyer's 0.02 BTC over the rise to $52,500. */
export const spotUp = { ...longUp, quantity: SPOT_QUANTITY } satisfies InputOf<typeof pnl>;
/** pnl: a $1 rise on the 0.2 BTC long. */
export const longPerDollar = { ...longUp, exitPrice: ENTRY + 1 } satisfies InputOf<typeof pnl>;

/** roe: Ana's 10x long over the rise. */
export const anaRoeUp = { ...longUp, leverage: 10 } satisfies InputOf<typeof roe>;
/** roe: Ben's 5x long over the rise. */
export const benRoeUp = { ...longUp, leverage: 5 } satisfies InputOf<typeof roe>;
/** roe: Ana's 10x long if bitcoin rises to $55,000, on the margin posted at entry (Bybit's basis). */
export const anaRoeTo55k = { ...anaRoeUp, exitPrice: 55000 } satisfies InputOf<typeof roe>;
/** roe: the same, on margin valued at the exit (mark) price, as Binance's published formula. */
export const anaRoeTo55kBinance = { ...anaRoeTo55k, marginBasis: 'exit' } satisfies InputOf<typeof roe>;
/** roe: the 10x long over the fall. */
export const roeDown = { ...longDown, leverage: 10 } satisfies InputOf<typeof roe>;
/** roe: $1,000 at 20x (0.4 BTC) over the same fall: the whole margin. */
export const roeDown20x = {
  ...longDown,
  quantity: positionFromMargin({ ...tenX, leverage: 20 }).quantity,
  leverage: 20,
} satisfies InputOf<typeof roe>;
/** percentMove: the spot return of the rise, $50,000 → $52,500. */
export const moveUp = { from: ENTRY, to: UP } satisfies InputOf<typeof percentMove>;

/** tradingFee: opening the 0.2 BTC long at a 0.05 % fee. */
export const openFee = { ...tenXPosition, feeRate: 0.0005 } satisfies InputOf<typeof tradingFee>;
/** tradingFee: closing it at $52,500. */
export const closeFee = { ...openFee, price: UP } satisfies InputOf<typeof tradingFee>;

/** liquidationPrice: the isolated 10x long, 0.5 % maintenance (liquidation at $45,226, bankruptcy at $45,000). */
export const tenXLong: LiquidationInput = {
  side: 'long',
  quantity: QUANTITY,
  entryPrice: ENTRY,
  marginMode: 'isolated',
  leverage: 10,
  maintenanceMarginRate: MAINTENANCE,
};

/** One row of the leverage table: $1,000 of margin at `leverage` from $50,000, isolated, 0.5 % maintenance. */
function ladderRow(leverage: number) {
  const sized = { margin: MARGIN, leverage, price: ENTRY } satisfies InputOf<typeof positionFromMargin>;
  const liquidation: LiquidationInput = {
    ...tenXLong,
    quantity: positionFromMargin(sized).quantity,
    leverage,
  };
  return { sized, share: marginShare(leverage), liquidation };
}

/**
 * The leverage table, by row: `sized` (positionFromMargin), `share` (initialMargin), `liquidation` (liquidationPrice).
 * The 10x row is the lesson's trade: {@link tenX}, {@link shareAt10x}, {@link tenXLong}.
 */
export const ladder = {
  at2x: ladderRow(2),
  at5x: ladderRow(5),
  at20x: ladderRow(20),
  at50x: ladderRow(50),
  at100x: ladderRow(100),
};

/** "Predict, then reveal": the 10x long's profit on the 5 % rise (pnl of `longUp`), guessed on a slider. */
export const predictTenXProfit = {
  kind: 'number',
  answer: { fn: 'pnl', input: longUp, format: 'usd', digits: 0 },
  slider: { min: 0, max: 2000, step: 25, start: 0 },
  tolerance: 0,
} satisfies PredictionSpec;
