/**
 * Named inputs for the figures of lesson 12 (content/lessons/12-should-you-use-leverage.mdx): the gain needed to
 * recover from a loss, isolated longs from $60,000 at 2x to 20x with 0.5 % maintenance and the odds of touching their
 * liquidation price at an assumed 60 % volatility, and a hedge of 0.5 BTC with a 2x short.
 */
import {
  fundingOverTime,
  initialMargin,
  liquidationPrice,
  liquidationProbability,
  notional,
  percentMove,
  pnl,
  type LiquidationInput,
} from '../../calc/index.ts';
import { required, type InputOf } from './types.ts';

/**
 * percentMove from what is left after losing `left` of an account back to where it started (1): the gain needed to
 * recover. A 10 % loss leaves 0.9, and 0.9 → 1 is a gain of 1/9 ≈ 11.1 %.
 */
function recovery(left: number) {
  return { from: left, to: 1 } satisfies InputOf<typeof percentMove>;
}
export const recover10 = recovery(0.9);
export const recover25 = recovery(0.75);
export const recover50 = recovery(0.5);
export const recover90 = recovery(0.1);

const ENTRY = 60000;
const MAINTENANCE = 0.005;
const VOLATILITY = 0.6;

/**
 * A row of the leverage table: `liquidation` (liquidationPrice, a 1 BTC isolated long from $60,000) and the odds of
 * touching its liquidation price within 30 days (`month`) and a year (`year`), liquidationProbability.
 */
function row(leverage: number) {
  const liquidation: LiquidationInput = {
    side: 'long',
    quantity: 1,
    entryPrice: ENTRY,
    marginMode: 'isolated',
    leverage,
    maintenanceMarginRate: MAINTENANCE,
  };
  const distance = required(liquidationPrice(liquidation).distance, `the ${leverage}x liquidation distance`);
  const month = { distance, volatility: VOLATILITY, horizonDays: 30 } satisfies InputOf<typeof liquidationProbability>;
  return { liquidation, month, year: { ...month, horizonDays: 365 } };
}
export const at2x = row(2);
export const at3x = row(3);
export const at5x = row(5);
export const at10x = row(10);
export const at20x = row(20);

// The hedge: 0.5 BTC held, a 2x isolated short of 0.5 BTC on a perpetual at $60,000.
const HELD = 0.5;
/** notional: the coins held, 0.5 BTC at $60,000. */
export const holding = { quantity: HELD, price: ENTRY } satisfies InputOf<typeof notional>;
/** initialMargin: the 2x short's margin. */
export const hedgeMargin = { ...holding, leverage: 2 } satisfies InputOf<typeof initialMargin>;
/** pnl: the coins held if bitcoin falls to $48,000. */
export const coinsFall = { side: 'long', quantity: HELD, entryPrice: ENTRY, exitPrice: 48000 } satisfies InputOf<
  typeof pnl
>;
/** pnl: the short over the same fall. */
export const shortFall = { ...coinsFall, side: 'short' } satisfies InputOf<typeof pnl>;
/** pnl: the coins if bitcoin rises to $75,000. */
export const coinsRise = { ...coinsFall, exitPrice: 75000 } satisfies InputOf<typeof pnl>;
/** pnl: the short over the same rise. */
export const shortRise = { ...coinsRise, side: 'short' } satisfies InputOf<typeof pnl>;
/** fundingOverTime: the short over 30 days at +0.01 % every 8 hours (shorts receive). */
export const hedgeFunding = {
  side: 'short',
  quantity: HELD,
  markPrice: ENTRY,
  fundingRate: 0.0001,
  intervalHours: 8,
  hours: 720,
} satisfies InputOf<typeof fundingOverTime>;
/** fundingOverTime: the same at −0.01 % (shorts pay). */
export const hedgeFundingNegative = { ...hedgeFunding, fundingRate: -0.0001 } satisfies InputOf<typeof fundingOverTime>;
/** liquidationPrice: the 2x short, 0.5 % maintenance. */
export const hedgeShort: LiquidationInput = {
  side: 'short',
  quantity: HELD,
  entryPrice: ENTRY,
  marginMode: 'isolated',
  leverage: 2,
  maintenanceMarginRate: MAINTENANCE,
};
