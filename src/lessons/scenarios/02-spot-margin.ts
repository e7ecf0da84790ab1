/**
 * Named inputs for the figures of lesson 2 (content/lessons/02-spot-margin.mdx): a Binance hourly loan of $4,000, a
 * Kraken loan of $10,000 with an opening fee and 4-hourly rollovers, a Kraken-style 5x long of 0.2 BTC from $50,000,
 * and a Binance-style 0.1 BTC bought at $60,000 with $4,000 borrowed. Prices the lesson derives (the margin-call and
 * sale prices) are computed here once, so a lesson never nests one calculation inside another.
 */
import {
  borrowInterest,
  effectiveLeverage,
  initialMargin,
  marginLevel,
  notional,
  percentMove,
  pnl,
  priceAtMarginLevel,
  spotMarginRatioPrice,
} from '../../calc/index.ts';
import { required, type InputOf } from './types.ts';

// Binance, hourly interest charged per started hour (0.001 % an hour).
const BINANCE_RATE = 0.00001;
/** Two minutes, in hours: the loan taken at 13:59 and repaid at 14:01. */
const TWO_MINUTES = 2 / 60;

/** borrowInterest: what 0.001 % an hour comes to over 24 hours, on $1 (the daily rate). */
export const binanceDailyRate = {
  principal: 1,
  rate: BINANCE_RATE,
  ratePeriodHours: 1,
  hours: 24,
  accrual: 'continuous',
} satisfies InputOf<typeof borrowInterest>;
/** borrowInterest: $4,000 borrowed at 13:59 and repaid at 14:01 (2 hours charged). */
export const binanceTwoMinutes = {
  principal: 4000,
  rate: BINANCE_RATE,
  ratePeriodHours: 1,
  hours: TWO_MINUTES,
  startMinute: 59,
  accrual: 'per-started-hour',
} satisfies InputOf<typeof borrowInterest>;
/** borrowInterest: the same $4,000 kept for 30 days, borrowed on the hour. */
export const binanceThirtyDays = {
  ...binanceTwoMinutes,
  hours: 720,
  startMinute: 0,
} satisfies InputOf<typeof borrowInterest>;

// Kraken: an opening fee, then a rollover each time 4 more hours pass, 0.025 % per 4 hours of what it lends.
/** borrowInterest: opening a $10,000 Kraken loan (the opening fee alone). */
export const krakenOpen = {
  principal: 10000,
  rate: 0.00025,
  ratePeriodHours: 4,
  hours: 0,
  accrual: 'open-plus-rollover',
} satisfies InputOf<typeof borrowInterest>;
/** borrowInterest: the Kraken loan held 10 hours. */
export const krakenTenHours = { ...krakenOpen, hours: 10 } satisfies InputOf<typeof borrowInterest>;
/** borrowInterest: the Kraken loan held 30 days. */
export const krakenThirtyDays = { ...krakenOpen, hours: 720 } satisfies InputOf<typeof borrowInterest>;
/** borrowInterest: 0.025 % per 4 hours over a year, on $1 (the yearly rate). */
export const krakenYearlyRate = {
  ...krakenOpen,
  principal: 1,
  hours: 8760,
  accrual: 'continuous',
} satisfies InputOf<typeof borrowInterest>;

// Kraken-style margin level: $2,000 in the account, a 5x long of 0.2 BTC at $50,000.
const KRAKEN_ENTRY = 50000;
/** notional: the 0.2 BTC long at $50,000. */
export const krakenPosition = { quantity: 0.2, price: KRAKEN_ENTRY } satisfies InputOf<typeof notional>;
/** initialMargin: its used margin at 5x. */
export const krakenUsedMargin = { ...krakenPosition, leverage: 5 } satisfies InputOf<typeof initialMargin>;
/** marginLevel: at entry, equity is the $2,000 balance and used margin is $2,000. */
export const krakenStartLevel = { equity: 2000, usedMargin: 2000 } satisfies InputOf<typeof marginLevel>;
/** priceAtMarginLevel: the margin call (80 %) with $2,000 behind the long. */
export const krakenCall = {
  side: 'long',
  quantity: 0.2,
  entryPrice: KRAKEN_ENTRY,
  leverage: 5,
  tradeBalance: 2000,
  level: 0.8,
} satisfies InputOf<typeof priceAtMarginLevel>;
/** priceAtMarginLevel: the forced sale (40 %) with $2,000 behind the long. */
export const krakenSale = { ...krakenCall, level: 0.4 } satisfies InputOf<typeof priceAtMarginLevel>;
/** priceAtMarginLevel: the margin call with $5,000 behind the same long. */
export const krakenCallRicher = { ...krakenCall, tradeBalance: 5000 } satisfies InputOf<typeof priceAtMarginLevel>;
/** priceAtMarginLevel: the forced sale with $5,000 behind it. */
export const krakenSaleRicher = { ...krakenSale, tradeBalance: 5000 } satisfies InputOf<typeof priceAtMarginLevel>;

const KRAKEN_CALL_PRICE = required(priceAtMarginLevel(krakenCall), 'the Kraken margin-call price');
const KRAKEN_SALE_PRICE = required(priceAtMarginLevel(krakenSale), 'the Kraken forced-sale price');
/** percentMove: entry to the margin-call price. */
export const krakenCallMove = { from: KRAKEN_ENTRY, to: KRAKEN_CALL_PRICE } satisfies InputOf<typeof percentMove>;
/** percentMove: entry to the forced-sale price. */
export const krakenSaleMove = { from: KRAKEN_ENTRY, to: KRAKEN_SALE_PRICE } satisfies InputOf<typeof percentMove>;
/** pnl: what the long has lost when it is sold. */
export const krakenSaleLoss = {
  side: 'long',
  quantity: 0.2,
  entryPrice: KRAKEN_ENTRY,
  exitPrice: KRAKEN_SALE_PRICE,
} satisfies InputOf<typeof pnl>;
/** pnl: a $1 rise on the 0.2 BTC long. */
export const krakenPerDollar = { ...krakenSaleLoss, exitPrice: KRAKEN_ENTRY + 1 } satisfies InputOf<typeof pnl>;

// Binance-style spot margin: $2,000 of your own, $4,000 borrowed, 0.1 BTC bought at $60,000.
const BINANCE_ENTRY = 60000;
/** notional: 0.1 BTC at $60,000. */
export const binancePosition = { quantity: 0.1, price: BINANCE_ENTRY } satisfies InputOf<typeof notional>;
/** effectiveLeverage: that position over the $2,000 of your own. */
export const binanceLeverage = {
  notional: notional(binancePosition),
  equity: 2000,
} satisfies InputOf<typeof effectiveLeverage>;
/** spotMarginRatioPrice: the margin call, assets / debts = 1.3. */
export const binanceCall = {
  assetsQuantity: 0.1,
  liabilities: 4000,
  ratio: 1.3,
} satisfies InputOf<typeof spotMarginRatioPrice>;
/** spotMarginRatioPrice: liquidation, 1.1. */
export const binanceLiquidation = { ...binanceCall, ratio: 1.1 } satisfies InputOf<typeof spotMarginRatioPrice>;
/** spotMarginRatioPrice: assets only just repay the loan, 1. */
export const binanceWipeout = { ...binanceCall, ratio: 1 } satisfies InputOf<typeof spotMarginRatioPrice>;
/** percentMove: entry to the liquidation price. */
export const binanceLiquidationMove = {
  from: BINANCE_ENTRY,
  to: spotMarginRatioPrice(binanceLiquidation),
} satisfies InputOf<typeof percentMove>;
