/**
 * Named inputs for the figures of lesson 8 (content/lessons/08-coin-margined-and-other-products.mdx): coin-margined
 * (inverse) bitcoin contracts from $60,000, a 3x leveraged token in a choppy market, a bought call, an account's
 * effective leverage and free margin, a day's variation margin on one CME Micro Bitcoin future, and the 50 % initial
 * margin of a US securities margin account.
 */
import {
  alternatingPath,
  coinMarginedValue,
  effectiveLeverage,
  freeMargin,
  initialMargin,
  leveragedTokenValue,
  optionAtExpiry,
  percentMove,
  pnl,
  tokenVersusFixed,
  type LiquidationInput,
} from '../../calc/index.ts';
import type { InputOf } from './types.ts';
import type { PredictionSpec } from '../../learning/predictSpec.ts';

const ENTRY = 60000;
const MAINTENANCE = 0.005;

/** pnl: a coin-margined long of USD 10,000 face value from $50,000 to $60,000 (in BTC). */
export const inverseUp = {
  side: 'long',
  contract: 'inverse',
  quantity: 10000,
  entryPrice: 50000,
  exitPrice: 60000,
} satisfies InputOf<typeof pnl>;
/** pnl: the same long from $50,000 down to $40,000 (the same $10,000 move down). */
export const inverseDown = { ...inverseUp, exitPrice: 40000 } satisfies InputOf<typeof pnl>;

/** coinMarginedValue: 1 BTC of margin behind a 1x coin-margined long of USD 60,000 at $60,000; price falls to $45,000. */
export const coinLong1x = {
  side: 'long',
  quantity: 60000,
  entryPrice: ENTRY,
  exitPrice: 45000,
  margin: 1,
} satisfies InputOf<typeof coinMarginedValue>;
/** coinMarginedValue: the same coin behind a 1x short instead (a dollar hedge). */
export const coinShort1x = { ...coinLong1x, side: 'short' } satisfies InputOf<typeof coinMarginedValue>;
/** percentMove: the price's own fall from $60,000 to $45,000. */
export const fallTo45k = { from: ENTRY, to: 45000 } satisfies InputOf<typeof percentMove>;

/** An isolated position of USD 60,000 face (or 1 BTC linear) at $60,000, `leverage`x, 0.5 % maintenance. */
function isolated(side: 'long' | 'short', contract: 'linear' | 'inverse', leverage: number): LiquidationInput {
  return {
    side,
    contract,
    quantity: contract === 'inverse' ? ENTRY : 1,
    entryPrice: ENTRY,
    marginMode: 'isolated',
    leverage,
    maintenanceMarginRate: MAINTENANCE,
  };
}
/** liquidationPrice: coin-margined 10x long and short, and the USDT-margined pair for comparison. */
export const inverseLong10x = isolated('long', 'inverse', 10);
export const inverseShort10x = isolated('short', 'inverse', 10);
export const linearLong10x = isolated('long', 'linear', 10);
export const linearShort10x = isolated('short', 'linear', 10);
/** liquidationPrice: a coin-margined long at 1x still has a liquidation price. */
export const inverseLong1x = isolated('long', 'inverse', 1);

/** leveragedTokenValue: a 3x token, bitcoin +10 % one day and −10 % the next, from 100. */
export const upDown3x = { leverage: 3, returns: [0.1, -0.1] } satisfies InputOf<typeof leveragedTokenValue>;
/** leveragedTokenValue: the first of those days alone (3x of +10 %). */
export const up3x = { leverage: 3, returns: [0.1] } satisfies InputOf<typeof leveragedTokenValue>;
/** leveragedTokenValue: the same two days at 1x, which is bitcoin itself. */
export const upDown1x = { ...upDown3x, leverage: 1 } satisfies InputOf<typeof leveragedTokenValue>;
/** leveragedTokenValue: the same two days for a 2x token. */
export const upDown2x = { ...upDown3x, leverage: 2 } satisfies InputOf<typeof leveragedTokenValue>;
/** leveragedTokenValue: a 2x token through three days of +5 % (a trend). */
export const trend2x = { leverage: 2, returns: [0.05, 0.05, 0.05] } satisfies InputOf<typeof leveragedTokenValue>;
/** percentMove: bitcoin's own move over those three days, 100 → 115.7625. */
export const trendMove = { from: 100, to: 115.7625 } satisfies InputOf<typeof percentMove>;
/** percentMove: the 2x token's own gain over those three days, from 100 to its end value (100 × 1.1³). */
export const trendTokenMove = { from: 100, to: leveragedTokenValue(trend2x).toFixed() } satisfies InputOf<
  typeof percentMove
>;

/** tokenVersusFixed: ten days of +5 % and −5 % in turn from $60,000, a 3x token against a 3x fixed long. */
export const choppy3x = {
  leverage: 3,
  prices: alternatingPath({ startPrice: ENTRY, move: 0.05, steps: 10 }),
  maintenanceMarginRate: MAINTENANCE,
} satisfies InputOf<typeof tokenVersusFixed>;

/** optionAtExpiry: a call on 0.1 BTC, strike $60,000, premium $3,000 per BTC; bitcoin at $70,000 at expiry. */
export const callUp = {
  kind: 'call',
  strike: ENTRY,
  premium: 3000,
  quantity: 0.1,
  price: 70000,
} satisfies InputOf<typeof optionAtExpiry>;
/** optionAtExpiry: the same call with bitcoin at $40,000 at expiry. */
export const callDown = { ...callUp, price: 40000 } satisfies InputOf<typeof optionAtExpiry>;
/** pnl: 0.1 BTC held long from $60,000 to $40,000 (what the call's holder avoided). */
export const futuresDown = {
  side: 'long',
  quantity: 0.1,
  entryPrice: ENTRY,
  exitPrice: 40000,
} satisfies InputOf<typeof pnl>;

/** effectiveLeverage: a $10,000 position in an account with $4,000 of equity (the leverage setting was 5x). */
export const accountLeverage = { notional: 10000, equity: 4000 } satisfies InputOf<typeof effectiveLeverage>;
/** initialMargin: that position, 0.2 BTC at $50,000, at the 5x setting. */
export const accountMargin = { quantity: 0.2, price: 50000, leverage: 5 } satisfies InputOf<typeof initialMargin>;
/** freeMargin: the same account; at 5x the position uses $2,000 of margin. */
export const accountFree = { equity: 4000, usedMargin: 2000 } satisfies InputOf<typeof freeMargin>;
/** pnl: bitcoin falls 10 %, to $45,000. */
export const accountLoss = { side: 'long', quantity: 0.2, entryPrice: 50000, exitPrice: 45000 } satisfies InputOf<
  typeof pnl
>;
/** effectiveLeverage and freeMargin: after that $1,000 loss (the position is worth 0.2 × $45,000). */
export const accountLeverageAfterLoss = { notional: 9000, equity: 3000 } satisfies InputOf<typeof effectiveLeverage>;
export const accountFreeAfterLoss = { equity: 3000, usedMargin: 2000 } satisfies InputOf<typeof freeMargin>;

/** pnl: one CME Micro Bitcoin future (0.1 BTC) long; the daily settlement price falls from $60,000 to $57,000. */
export const microDay = {
  side: 'long',
  quantity: 0.1,
  entryPrice: ENTRY,
  exitPrice: 57000,
} satisfies InputOf<typeof pnl>;

/** effectiveLeverage: $10,000 of a spot bitcoin ETP bought with $5,000 of your own (Reg T's 50 % initial margin). */
export const regT = { notional: 10000, equity: 5000 } satisfies InputOf<typeof effectiveLeverage>;

/** "Predict, then reveal": the coin-margined 1x long's dollar value after the fall (coinMarginedValue → equityUsd). */
export const predictCoinLongDollars = {
  kind: 'number',
  answer: { fn: 'coinMarginedValue', input: coinLong1x, pick: 'equityUsd', format: 'usd', digits: 0 },
  slider: { min: 0, max: 60000, step: 500, start: 60000 },
  // Within $1,000: a guess of $45,000 (the price's own 25 % fall) is $15,000 off.
  tolerance: 1000,
  figures: {
    change: { fn: 'coinMarginedValue', input: coinLong1x, pick: 'usdChange', format: 'percent', abs: true },
    fall: { fn: 'percentMove', input: fallTo45k, format: 'percent', abs: true },
  },
} satisfies PredictionSpec;
