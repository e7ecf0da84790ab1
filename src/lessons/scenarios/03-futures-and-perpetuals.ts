/**
 * Named inputs for the figures of lesson 3 (content/lessons/03-futures-and-perpetuals.mdx): a 10x long of 0.2 BTC
 * from $50,000 on $1,000 of margin, its funding at 0.01 % per 8 hours (and per hour), a three-month future at $51,000,
 * and Binance's BTCUSDT tier table from calc's venue presets.
 */
import {
  BINANCE_BTCUSDT,
  effectiveLeverage,
  fundingOverTime,
  fundingPayment,
  fundingRate,
  initialMargin,
  percentMove,
  pnl,
  positionFromMargin,
  withMaintenanceAmounts,
  type TierInput,
} from '../../calc/index.ts';
import { required, type InputOf } from './types.ts';

const ENTRY = 50000;
const QUANTITY = 0.2;
/** A typical funding rate: 0.01 % per interval. */
const RATE = 0.0001;

/** pnl: the 10x long marked at $49,000. */
export const markedDown = {
  side: 'long',
  quantity: QUANTITY,
  entryPrice: ENTRY,
  exitPrice: 49000,
} satisfies InputOf<typeof pnl>;

/** fundingPayment: one funding time on the long at 0.01 %. */
export const longFunding = {
  side: 'long',
  quantity: QUANTITY,
  markPrice: ENTRY,
  fundingRate: RATE,
} satisfies InputOf<typeof fundingPayment>;
/** fundingPayment: the same, for a short of the same size. */
export const shortFunding = { ...longFunding, side: 'short' } satisfies InputOf<typeof fundingPayment>;
/** fundingPayment: what 0.01 % of the $1,000 margin would be (the mistake: 0.02 BTC is $1,000 of bitcoin). */
export const fundingOnMargin = { ...longFunding, quantity: 0.02 } satisfies InputOf<typeof fundingPayment>;

/** fundingRate (Binance-style clamp, 0.01 % interest): a premium of 0.03 %. */
export const smallPremium = { premiumIndex: 0.0003 } satisfies InputOf<typeof fundingRate>;
/** fundingRate: a premium of 0.2 %. */
export const largePremium = { premiumIndex: 0.002 } satisfies InputOf<typeof fundingRate>;
/** fundingRate: a discount of 0.1 %. */
export const discount = { premiumIndex: -0.001 } satisfies InputOf<typeof fundingRate>;
/** fundingRate: Hyperliquid-style, no interest or clamp, capped at 4 % an hour; a 6 % premium. */
export const cappedPremium = {
  premiumIndex: 0.06,
  interestRate: 0,
  clampBand: 0,
  cap: 0.04,
} satisfies InputOf<typeof fundingRate>;

/** fundingOverTime: the long held 30 days, 0.01 % every 8 hours. */
export const thirtyDays8h = {
  ...longFunding,
  intervalHours: 8,
  hours: 720,
} satisfies InputOf<typeof fundingOverTime>;
/** fundingOverTime: the same 0.01 % charged every hour. */
export const thirtyDaysHourly = { ...thirtyDays8h, intervalHours: 1 } satisfies InputOf<typeof fundingOverTime>;
/** fundingOverTime: 0.00125 % every hour, the hourly rate that matches 0.01 % per 8 hours. */
export const thirtyDaysMatchedHourly = {
  ...thirtyDaysHourly,
  fundingRate: 0.0000125,
} satisfies InputOf<typeof fundingOverTime>;
/** fundingOverTime: 90 days at 0.01 % every 8 hours, beside the three-month future. */
export const ninetyDays8h = { ...thirtyDays8h, hours: 2160 } satisfies InputOf<typeof fundingOverTime>;

const FUTURE = 51000;
/** pnl: one coin from spot to the future's price: the basis per coin. */
export const basisPerCoin = {
  side: 'long',
  quantity: 1,
  entryPrice: ENTRY,
  exitPrice: FUTURE,
} satisfies InputOf<typeof pnl>;
/** percentMove: the basis as a share of the spot price. */
export const basisMove = { from: ENTRY, to: FUTURE } satisfies InputOf<typeof percentMove>;
/** pnl: 0.2 BTC of the future bought at $51,000, settled at $50,000. */
export const futureAtExpiry = {
  side: 'long',
  quantity: QUANTITY,
  entryPrice: FUTURE,
  exitPrice: ENTRY,
} satisfies InputOf<typeof pnl>;

/** effectiveLeverage: CME's roughly 35 % initial margin at launch, per $1 of position. */
export const cmeLaunch = { notional: 1, equity: 0.35 } satisfies InputOf<typeof effectiveLeverage>;

/** Binance's BTCUSDT tier table as calc's preset holds it (published 18 March 2021); give to withMaintenanceAmounts. */
export const binanceTiers: readonly TierInput[] = required(BINANCE_BTCUSDT.tiers, "Binance BTCUSDT's tier table");
const TIERS = withMaintenanceAmounts(binanceTiers);
const FIRST = required(TIERS[0], 'Binance tier 1');
/** initialMargin: the largest position of the first tier at that tier's top leverage (cap / 125x). */
export const firstTierFull = {
  quantity: 1,
  price: required(FIRST.cap, "tier 1's cap"),
  leverage: required(FIRST.maxLeverage, "tier 1's maximum leverage"),
} satisfies InputOf<typeof initialMargin>;
/** initialMargin: a $500,000 position at the third tier's top leverage. */
export const thirdTierPosition = {
  quantity: 1,
  price: 500000,
  leverage: required(TIERS[2]?.maxLeverage, "tier 3's maximum leverage"),
} satisfies InputOf<typeof initialMargin>;
/** positionFromMargin: $4,000 at 20x from $50,000 (the calculator exercise). */
export const exercise20x = { margin: 4000, leverage: 20, price: ENTRY } satisfies InputOf<typeof positionFromMargin>;
