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
export { notional, positionFromMargin, initialMargin, maintenanceMargin, effectiveLeverage, shareOf } from './size.ts';
export { withMaintenanceAmounts, tierFor } from './tiers.ts';
export type { Tier, TierInput } from './tiers.ts';
export { pnl, roe, targetPrice, percentMove, netPnl, pnlCurve } from './pnl.ts';
export { tradingFee, orderCost, breakEvenPrice, breakEvenMove } from './fees.ts';
export type { PriceMove } from './fees.ts';
export { liquidationPrice, bankruptcyPrice, crossEquity } from './liquidationPrice.ts';
export { simulateMarginModes, straightLinePath } from './marginModes.ts';
export type {
  MarginModesInput,
  MarginModesPosition,
  MarginModesPositionInfo,
  MarginModesResult,
  MarginModesEvent,
  MarginCrossing,
  IsolatedModeResult,
  IsolatedPositionOutcome,
  CrossModeResult,
  CrossPositionOutcome,
} from './marginModes.ts';
export type {
  LiquidationInput,
  LiquidationResult,
  IsolatedLiquidationInput,
  CrossLiquidationInput,
  OtherPosition,
  OtherPositionValue,
  CrossEquity,
  CrossEquityInput,
} from './liquidationPrice.ts';
export { liquidationUnderRule } from './venueRule.ts';
export type { VenueTrade, CrossPosition, VenueRow, VenueStatus, RuleLiquidation, OtherUnderRule } from './venueRule.ts';
export { compareVenues } from './venueCompare.ts';
export type { WidestGap, VenueComparison } from './venueCompare.ts';
export { maintenanceCurve } from './maintenanceCurve.ts';
export type { MaintenanceCurveInput, CurvePoint } from './maintenanceCurve.ts';
export {
  fundingRate,
  fundingPayment,
  fundingOverTime,
  fundingTotal,
  daysUntilFundingTakes,
  isolatedAfterFunding,
  carryCost,
} from './funding.ts';
export type { FundingHold, FundingDrag, CarryInput, CarryPoint, CarryCost } from './funding.ts';
export { borrowInterest, marginLevel, priceAtMarginLevel, spotMarginRatioPrice } from './borrow.ts';
export type { Accrual } from './borrow.ts';
export {
  riskPositionSize,
  riskReward,
  maxLeverageForStop,
  safeLeverageForStop,
  stopBeforeLiquidation,
  adverseMovePrice,
  roundDown,
  roundUp,
} from './risk.ts';
export type { StopLimitInput } from './risk.ts';
export { liquidationProbability, liquidationLevel, normalCdf } from './probability.ts';
export { simulatePaths, pathAt, percentileBands, barrierHitRate } from './simulate.ts';
export type { SimulatedPaths, SimulationInput } from './simulate.ts';
export { replay, replayTrade } from './replay.ts';
export { fillCloseOrder, orderFills } from './orders.ts';
export type {
  CloseOrder,
  CloseOrderFill,
  CloseOrderType,
  FillStatus,
  OrderFillsInput,
  OrderFillsResult,
  OrderRow,
  OrderRowId,
  TriggerSource,
} from './orders.ts';
export {
  runArena,
  arenaDebrief,
  arenaMission,
  fineArenaCandles,
  ARENA_DEFAULTS,
  ARENA_MAX_ACTIONS,
  ARENA_MAX_CANDLES,
} from './arena.ts';
export type {
  ArenaCandle,
  ArenaTrigger,
  ArenaOrder,
  ArenaAction,
  ArenaSettings,
  ArenaPosition,
  ArenaEvent,
  ArenaState,
  ArenaRun,
  ArenaVariant,
  ArenaDebrief,
  ArenaMission,
  LastPriceCandle,
} from './arena.ts';
export { hedgedCrossLiquidation } from './hedge.ts';
export type { HedgedPosition, HedgedLiquidation } from './hedge.ts';
export { realisedVolatility } from './volatility.ts';
export { liquidationCascade, liquidationShortfall } from './cascade.ts';
export type {
  CascadeInput,
  CascadeLevel,
  CascadeResult,
  CascadeRound,
  ShortfallInput,
  ShortfallResult,
} from './cascade.ts';
export { drawdownAfterLosses, lossesToDrawdown, lossStreakProbability, combinedRisk } from './ruin.ts';
export {
  leveragedTokenValue,
  leveragedTokenPath,
  fixedLeveragePath,
  alternatingPath,
  tokenVersusFixed,
  MAX_TOKEN_LEVERAGE,
} from './leveragedToken.ts';
export type { TokenPath, FixedPath, TokenVersusFixed } from './leveragedToken.ts';
export { coinMarginedValue, optionAtExpiry, freeMargin } from './products.ts';
export type { CoinMarginedValue, OptionAtExpiry } from './products.ts';
export { mulberry32 } from './prng.ts';
export type {
  Candle,
  ReplayPosition,
  ReplayOutcome,
  ReplayResult,
  ReplayTrigger,
  ReplayTradeInput,
  ReplayTradeEnd,
  ReplayTradeResult,
} from './replay.ts';
export {
  BINANCE_BTCUSDT,
  BINANCE_ETHUSDT,
  BYBIT_BTCUSDT,
  HYPERLIQUID_BTC,
  KRAKEN_SPOT_MARGIN,
  BINANCE_CROSS_MARGIN_3X,
  VENUE_PRESETS,
  hyperliquidMaintenanceRate,
  BINANCE_BTCUSDT_RULE,
  BYBIT_BTCUSDT_RULE,
  HYPERLIQUID_BTC_RULE,
  TEXTBOOK_RULE,
  CLOSE_FEE_RULE,
  EXAMPLE_CLOSE_FEE_RATE,
  LIQUIDATION_RULES,
  closeFeeRuleWith,
} from './venues.ts';
export type { VenuePreset, FuturesPreset, SpotMarginPreset, MaintenanceRule, LiquidationRule } from './venues.ts';
