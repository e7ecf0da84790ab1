/**
 * Named inputs for the figures of lesson 7 (content/lessons/07-risk-management.mdx): a $5,000 account risking 1 % on
 * a bitcoin long at $60,000 with a stop at $57,000 (or $59,400) and a target at $66,000, fees of 0.05 % a side,
 * 0.5 % maintenance, and the odds of touching the liquidation price at an assumed 60 % volatility.
 */
import {
  breakEvenPrice,
  combinedRisk,
  drawdownAfterLosses,
  fundingOverTime,
  liquidationPrice,
  liquidationProbability,
  lossStreakProbability,
  lossesToDrawdown,
  percentMove,
  pnl,
  riskPositionSize,
  riskReward,
  safeLeverageForStop,
  type LiquidationInput,
} from '../../calc/index.ts';
import type { PredictionSpec } from '../../learning/predictSpec.ts';
import { required, type InputOf } from './types.ts';

const ENTRY = 60000;
const STOP = 57000;
const MAINTENANCE = 0.005;
const FEE = 0.0005;

/** riskPositionSize: 1 % of $5,000, long at $60,000, stop at $57,000, no fees. */
export const onePercent = {
  balance: 5000,
  riskFraction: 0.01,
  entryPrice: ENTRY,
  stopPrice: STOP,
} satisfies InputOf<typeof riskPositionSize>;
/** riskPositionSize: the same at 2 %. */
export const twoPercent = { ...onePercent, riskFraction: 0.02 } satisfies InputOf<typeof riskPositionSize>;
/** riskPositionSize: 1 % with a 0.05 % fee to open and to close. */
export const onePercentWithFees = {
  ...onePercent,
  openFeeRate: FEE,
  closeFeeRate: FEE,
} satisfies InputOf<typeof riskPositionSize>;
/** riskPositionSize: the same with the stop moved to $59,400. */
export const closeStopWithFees = {
  ...onePercentWithFees,
  stopPrice: 59400,
} satisfies InputOf<typeof riskPositionSize>;

/** safeLeverageForStop: the long with its stop at $57,000 (exact 18.2648x, shown 18.2x). */
export const stopLimit = {
  side: 'long',
  entryPrice: ENTRY,
  stopPrice: STOP,
  maintenanceMarginRate: MAINTENANCE,
  decimals: 1,
} satisfies InputOf<typeof safeLeverageForStop>;
/** safeLeverageForStop: keeping 1 % of the entry between stop and liquidation (exact 15.456x, shown 15.4x). */
export const stopLimitWithBuffer = { ...stopLimit, buffer: 0.01 } satisfies InputOf<typeof safeLeverageForStop>;
/** safeLeverageForStop: the close stop at $59,400 (exact 66.89x, shown 66.8x). */
export const closeStopLimit = { ...stopLimit, stopPrice: 59400 } satisfies InputOf<typeof safeLeverageForStop>;

/** An isolated long of 1 BTC from $60,000 at `leverage`, 0.5 % maintenance (the fall is the same for any size). */
function isolatedLong(leverage: number): LiquidationInput {
  return {
    side: 'long',
    quantity: 1,
    entryPrice: ENTRY,
    marginMode: 'isolated',
    leverage,
    maintenanceMarginRate: MAINTENANCE,
  };
}
/** liquidationPrice: the long at 20x, past the limit: liquidated above the stop. */
export const twentyX = isolatedLong(20);

/** riskReward: stop $57,000, target `target`. */
function withTarget(targetPrice: number) {
  return { side: 'long', entryPrice: ENTRY, stopPrice: STOP, targetPrice } satisfies InputOf<typeof riskReward>;
}
export const target61500 = withTarget(61500);
export const target63000 = withTarget(63000);
export const target66000 = withTarget(66000);
export const target69000 = withTarget(69000);

/** fundingOverTime: 0.1 BTC long at $60,000, 0.01 % every 8 hours for 30 days. */
export const funding30Days = {
  side: 'long',
  quantity: 0.1,
  markPrice: ENTRY,
  fundingRate: 0.0001,
  intervalHours: 8,
  hours: 720,
} satisfies InputOf<typeof fundingOverTime>;

/** The odds table's assumptions: 60 % a year, one week, no drift. */
const VOLATILITY = 0.6;
const WEEK = 7;
/** A row of the odds table: `liquidation` (liquidationPrice) and `odds` (liquidationProbability of touching it). */
function oddsRow(leverage: number) {
  const liquidation = isolatedLong(leverage);
  const distance = required(liquidationPrice(liquidation).distance, `the ${leverage}x liquidation distance`);
  const odds = { distance, volatility: VOLATILITY, horizonDays: WEEK } satisfies InputOf<typeof liquidationProbability>;
  return { liquidation, odds };
}
export const odds5x = oddsRow(5);
export const odds10x = oddsRow(10);
export const odds20x = oddsRow(20);

/** pnl: 0.016 BTC stopped out at $57,000. */
export const stoppedAtStop = {
  side: 'long',
  quantity: 0.016,
  entryPrice: ENTRY,
  exitPrice: STOP,
} satisfies InputOf<typeof pnl>;
/** pnl: the same stop filled $300 worse, at $56,700. */
export const stoppedWithSlippage = { ...stoppedAtStop, exitPrice: 56700 } satisfies InputOf<typeof pnl>;

/** breakEvenPrice: the long at $60,000 with 0.05 % fees to open and to close, no funding. */
export const breakEvenFees = {
  side: 'long',
  entryPrice: ENTRY,
  openFeeRate: FEE,
  closeFeeRate: FEE,
} satisfies InputOf<typeof breakEvenPrice>;
/** breakEvenPrice: the same held 30 days at 0.01 % funding every 8 hours (90 payments). */
export const breakEvenFeesFunding = {
  ...breakEvenFees,
  fundingRate: 0.0001,
  fundingIntervals: 90,
} satisfies InputOf<typeof breakEvenPrice>;
/** percentMove: from the entry to that break-even price (the rise needed just to get back to zero). */
export const breakEvenFeesFundingMove = {
  from: ENTRY,
  to: breakEvenPrice(breakEvenFeesFunding).toFixed(),
} satisfies InputOf<typeof percentMove>;

/** lossStreakProbability: a run of `streak` losses in 100 trades that each win half the time. */
function streakIn100(streak: number) {
  return { winRate: 0.5, streak, trades: 100 } satisfies InputOf<typeof lossStreakProbability>;
}
export const streak6 = streakIn100(6);
export const streak7 = streakIn100(7);
/** drawdownAfterLosses: six losses in a row at 1 % and at 10 % of the account per trade. */
export const sixLossesAt1 = { riskFraction: 0.01, losses: 6 } satisfies InputOf<typeof drawdownAfterLosses>;
export const sixLossesAt10 = { riskFraction: 0.1, losses: 6 } satisfies InputOf<typeof drawdownAfterLosses>;
/** lossesToDrawdown: how many losses in a row halve the account at 1 % and at 10 % per trade. */
export const halveAt1 = { riskFraction: 0.01, drawdown: 0.5 } satisfies InputOf<typeof lossesToDrawdown>;
export const halveAt10 = { riskFraction: 0.1, drawdown: 0.5 } satisfies InputOf<typeof lossesToDrawdown>;

/** combinedRisk: two positions each risking $50 (1 % of $5,000), moving together with correlation `rho`. */
function twoPositions(correlation: number) {
  return { riskA: 50, riskB: 50, correlation } satisfies InputOf<typeof combinedRisk>;
}
export const correlatedFully = twoPositions(1);
export const correlatedHigh = twoPositions(0.8);
export const uncorrelated = twoPositions(0);

/** "Predict, then reveal": the position size for a 1 % risk (riskPositionSize → notional), guessed on a slider. */
export const predictOnePercentSize = {
  kind: 'number',
  answer: { fn: 'riskPositionSize', input: onePercent, pick: 'notional', format: 'usd', digits: 0 },
  slider: { min: 0, max: 10000, step: 100, start: 5000 },
  tolerance: 100,
  figures: {
    risk: { fn: 'riskPositionSize', input: onePercent, pick: 'riskAmount', format: 'usd', digits: 0 },
    perBtc: { fn: 'riskPositionSize', input: onePercent, pick: 'lossPerUnit', format: 'usd', digits: 0 },
  },
} satisfies PredictionSpec;
