/**
 * Named inputs for the figures of lesson 11 (content/lessons/11-rules-outside-the-us.mdx). The lesson's trade: the same
 * $1,000 of margin on a bitcoin long from $50,000, under the EU's retail CFD cap (2:1, with its margin close-out at
 * half the required margin), Japan's cap for individuals (2x) and an offshore perpetual at 10x (0.5 % maintenance on
 * the liquidation-price notional, Binance's basis); then the same fall in bitcoin, to $44,000, for all three.
 * The two legal caps and the close-out level are read from the fact collection (content/facts/), never typed here.
 */
import {
  effectiveLeverage,
  liquidationPrice,
  percentMove,
  pnl,
  positionFromMargin,
  type LiquidationInput,
} from '../../calc/index.ts';
import { fact } from '../../facts/data.ts';
import { required, type InputOf } from './types.ts';

const MARGIN = 1000;
const ENTRY = 50000;
const EXIT = 44000;
const OFFSHORE_LEVERAGE = 10;
const OFFSHORE_MAINTENANCE = 0.005;

const cap = (id: string): number => Number(required(fact(id).maxLeverage, `the leverage cap of fact ${id}`));
/** 2: the EU's retail crypto CFD cap (2:1). */
const EU = cap('eu-cfd');
/** 2: Japan's cap for individuals (2x). */
const JP = cap('jp-derivatives');
/**
 * The EU close-out as a maintenance rate on the position's value at entry: the firm closes when margin falls to 50 %
 * of the initial margin, and initial margin is 1/leverage of the position, so 0.5 × 1/2 = 25 %.
 */
const EU_CLOSE_OUT = Number(required(fact('eu-cfd').marginCloseOut, 'the EU close-out level')) / 100 / EU;

/** positionFromMargin: $1,000 at the EU CFD cap. */
export const euSize = { margin: MARGIN, leverage: EU, price: ENTRY } satisfies InputOf<typeof positionFromMargin>;
/** positionFromMargin: $1,000 at Japan's cap. */
export const jpSize = { margin: MARGIN, leverage: JP, price: ENTRY } satisfies InputOf<typeof positionFromMargin>;
/** positionFromMargin: $1,000 at 10x offshore. */
export const offshoreSize = {
  margin: MARGIN,
  leverage: OFFSHORE_LEVERAGE,
  price: ENTRY,
} satisfies InputOf<typeof positionFromMargin>;

const quantity = (size: InputOf<typeof positionFromMargin>) => positionFromMargin(size).quantity.toNumber();

/** percentMove: bitcoin's fall in the example, $50,000 to $44,000. */
export const theFall = { from: ENTRY, to: EXIT } satisfies InputOf<typeof percentMove>;

/** pnl: the 2:1 (and 2x) long after the fall. */
export const capped2Loss = {
  side: 'long',
  quantity: quantity(euSize),
  entryPrice: ENTRY,
  exitPrice: EXIT,
} satisfies InputOf<typeof pnl>;
/** pnl: the 10x long at $44,000, had it not been liquidated on the way. */
export const offshoreLoss = {
  side: 'long',
  quantity: quantity(offshoreSize),
  entryPrice: ENTRY,
  exitPrice: EXIT,
} satisfies InputOf<typeof pnl>;

/** liquidationPrice: the EU CFD, closed out when margin falls to half the required margin (25 % of entry value). */
export const euCloseOut: LiquidationInput = {
  side: 'long',
  quantity: quantity(euSize),
  entryPrice: ENTRY,
  marginMode: 'isolated',
  leverage: EU,
  maintenanceMarginRate: EU_CLOSE_OUT,
  maintenanceBasis: 'entry',
};
/** liquidationPrice: Japan's 2x long; the law sets no close-out line, so the outer bound is where the margin is gone. */
export const jpLong: LiquidationInput = {
  side: 'long',
  quantity: quantity(jpSize),
  entryPrice: ENTRY,
  marginMode: 'isolated',
  leverage: JP,
  maintenanceMarginRate: 0,
};
/** liquidationPrice: the offshore 10x perpetual, 0.5 % maintenance. */
export const offshoreLong: LiquidationInput = {
  side: 'long',
  quantity: quantity(offshoreSize),
  entryPrice: ENTRY,
  marginMode: 'isolated',
  leverage: OFFSHORE_LEVERAGE,
  maintenanceMarginRate: OFFSHORE_MAINTENANCE,
};

const liq = (input: LiquidationInput, what: string) => required(liquidationPrice(input).price, what).toNumber();
/** percentMove: from the fall's low ($44,000) to the EU close-out price: how much further bitcoin can fall. */
export const euRoomLeft = { from: EXIT, to: liq(euCloseOut, 'the EU close-out price') } satisfies InputOf<
  typeof percentMove
>;
/** percentMove: from $44,000 to where Japan's 2x long has lost its whole margin. */
export const jpRoomLeft = {
  from: EXIT,
  to: required(liquidationPrice(jpLong).bankruptcyPrice, 'the 2x bankruptcy price').toNumber(),
} satisfies InputOf<typeof percentMove>;

/** effectiveLeverage: the offshore position's size over its margin, $10,000 / $1,000 = 10x. */
export const offshoreLeverage = {
  notional: positionFromMargin(offshoreSize).notional.toNumber(),
  equity: MARGIN,
} satisfies InputOf<typeof effectiveLeverage>;

/** The position calculator's starting trade: the EU CFD at its cap, through the same fall. */
export const calculatorStart = {
  side: 'long',
  margin: String(MARGIN),
  leverage: String(EU),
  entry: String(ENTRY),
  exit: String(EXIT),
};
