/** The public surface of the calculation module: every figure on the site comes through these exports. */
export { Decimal, toDecimal, fieldLabel, MAX_ABS, MIN_ABS, NUMBER_PATTERN } from './decimal.ts';
export type { Numeric } from './decimal.ts';
export {
  CalcInputError,
  tryCalc,
  ERROR_CODES,
  REQUIRED,
  NOT_A_NUMBER,
  NOT_FINITE,
  MUST_BE_POSITIVE,
  OUT_OF_RANGE,
  INCONSISTENT,
} from './errors.ts';
export type { CalcErrorCode, CalcResult, FieldErrors, Outcome } from './errors.ts';
export { DEFAULT_MAX_LEVERAGE } from './validate.ts';
export type { Side, Contract } from './validate.ts';
export { notional, positionFromMargin, initialMargin, maintenanceMargin, effectiveLeverage } from './size.ts';
export { withMaintenanceAmounts, tierFor } from './tiers.ts';
export type { Tier, TierInput } from './tiers.ts';
export { pnl, roe, targetPrice } from './pnl.ts';
export { tradingFee, orderCost, breakEvenPrice } from './fees.ts';
export { liquidationPrice, bankruptcyPrice } from './liquidationPrice.ts';
export type {
  LiquidationInput,
  LiquidationResult,
  IsolatedLiquidationInput,
  CrossLiquidationInput,
  OtherPosition,
} from './liquidationPrice.ts';
export { fundingRate, fundingPayment, fundingOverTime } from './funding.ts';
export { borrowInterest, marginLevel, priceAtMarginLevel, spotMarginRatioPrice } from './borrow.ts';
export type { Accrual } from './borrow.ts';
export { riskPositionSize, riskReward, maxLeverageForStop } from './risk.ts';
export { liquidationProbability, normalCdf } from './probability.ts';
export { simulatePaths, pathAt, percentileBands, barrierHitRate } from './simulate.ts';
export type { SimulatedPaths, SimulationInput } from './simulate.ts';
export { replay } from './replay.ts';
export type { Candle, ReplayPosition, ReplayOutcome, ReplayResult } from './replay.ts';
export {
  BINANCE_BTCUSDT,
  BINANCE_ETHUSDT,
  BYBIT_BTCUSDT,
  HYPERLIQUID_BTC,
  KRAKEN_SPOT_MARGIN,
  BINANCE_CROSS_MARGIN_3X,
  VENUE_PRESETS,
  hyperliquidMaintenanceRate,
} from './venues.ts';
export type { VenuePreset, FuturesPreset, SpotMarginPreset } from './venues.ts';
