/**
 * Risk sizing: the account, the share of it to risk and the stop give the position size (fees
 * included); the leverage then only sets the margin, and the check that the stop fires before
 * liquidation. The same size at 2x, 10x and 50x shows that leverage does not set the risk.
 */
import {
  CalcInputError,
  Decimal,
  DEFAULT_MAX_LEVERAGE,
  OUT_OF_RANGE,
  effectiveLeverage,
  initialMargin,
  liquidationPrice,
  maxLeverageForStop,
  pnl,
  riskPositionSize,
  riskReward,
  toDecimal,
  tradingFee,
  tryCalc,
} from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
// The reader types percentages; this is the one place that turns them into fractions.
import { percentToFraction } from '../shared/percent.ts';
import type { RiskValues } from './params.ts';

/** The same position at another leverage. */
export interface LeverageRow {
  leverage: number;
  margin: DecimalT;
  /** Margin as a fraction of the whole account. */
  marginShare: DecimalT;
  /** `false` when the margin does not even cover the maintenance requirement at entry. */
  opens: boolean;
  liquidation: DecimalT | null;
  /** Unsigned fraction of the entry price between entry and liquidation; `null` without a liquidation price. */
  liquidationDistance: DecimalT | null;
  /** Whether the stop is reached before (or at) the liquidation price. */
  stopFirst: boolean;
  /** Loss if the stop is hit, fees included: the same at every leverage. */
  lossAtStop: DecimalT;
  /** That loss as a fraction of the whole account. */
  lossShare: DecimalT;
}

export interface RewardFigures {
  target: DecimalT;
  /** Reward per unit over risk per unit, before fees (2 means 2 : 1). */
  rewardToRisk: DecimalT;
  /** Win rate at which wins and losses cancel out, before fees. */
  breakEvenWinRate: DecimalT;
  /** Profit if the target is hit, after opening and closing fees. */
  profitAtTarget: DecimalT;
}

export interface RiskResult {
  side: 'long' | 'short';
  account: DecimalT;
  riskFraction: DecimalT;
  entry: DecimalT;
  stop: DecimalT;
  leverage: DecimalT;
  riskAmount: DecimalT;
  lossPerUnit: DecimalT;
  /** Base units (BTC). */
  quantity: DecimalT;
  notional: DecimalT;
  margin: DecimalT;
  /** Loss if the stop is hit, fees included, recomputed from PnL and fees (equals `riskAmount`). */
  lossAtStop: DecimalT;
  liquidation: DecimalT | null;
  liquidationDistance: DecimalT | null;
  /** Highest leverage at which the stop still fires before liquidation (capped at the calc maximum). */
  maxLeverage: DecimalT;
  /** `maxLeverage` rounded down to 2 decimals, the figure to advise (rounding up could cross the line). */
  maxSafeLeverage: DecimalT;
  /** `true` when `maxLeverage` is only the cap: any leverage the tool accepts keeps the stop first. */
  maxLeverageCapped: boolean;
  /** Whether the stop fires before (or at) the liquidation price at the chosen leverage. */
  stopFirst: boolean;
  /** Leverage needed for the margin to fit in the whole account, rounded up to 2 decimals (may be below 1). */
  minLeverage: DecimalT;
  /** The margin at the chosen leverage is more than the whole account. */
  marginTooBig: boolean;
  /** `null` when no target is given. */
  reward: RewardFigures | null;
  /** The same position at 2x, 10x and 50x. */
  compare: LeverageRow[];
}

const FIELD: Record<string, keyof RiskValues> = {
  balance: 'account',
  equity: 'account',
  riskFraction: 'risk',
  entryPrice: 'entry',
  price: 'entry',
  stopPrice: 'stop',
  exitPrice: 'stop',
  targetPrice: 'target',
  feeRate: 'fee',
  openFeeRate: 'fee',
  closeFeeRate: 'fee',
  leverage: 'leverage',
  margin: 'leverage',
  maintenanceMarginRate: 'mmr',
  quantity: 'risk',
  notional: 'risk',
};
const fieldFor = (f: string): string => FIELD[f] ?? f;

/** The leverages of the comparison: a cautious one, a common one and an aggressive one. */
export const COMPARE_LEVERAGES = [2, 10, 50];

export function computeRisk(v: RiskValues): ModelOutcome<RiskResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    const riskFraction = percentToFraction(v.risk, 'risk', 'risk per trade', 100);
    if (riskFraction.isZero()) {
      throw new CalcInputError('risk', OUT_OF_RANGE, 'The risk per trade must be above 0%, for example 1.');
    }
    const fee = percentToFraction(v.fee, 'fee', 'trading fee', 1);
    const mmr = percentToFraction(v.mmr, 'mmr', 'maintenance margin rate', 50);
    const account = toDecimal(v.account, 'account');
    // The side is the reader's choice, so a stop on the wrong side is checked against it first.
    const maxLeverage = maxLeverageForStop({
      side,
      entryPrice: v.entry,
      stopPrice: v.stop,
      maintenanceMarginRate: mmr,
    });
    const size = riskPositionSize({
      balance: account,
      riskFraction,
      entryPrice: v.entry,
      stopPrice: v.stop,
      openFeeRate: fee,
      closeFeeRate: fee,
    });
    const quantity = sizeable(size.quantity);
    const entry = toDecimal(v.entry, 'entry');
    const stop = toDecimal(v.stop, 'stop');
    const margin = initialMargin({ quantity, price: entry, leverage: v.leverage });
    const lossAtStop = lossAt(side, quantity, entry, stop, fee);
    const liq = liquidationPrice({
      side,
      quantity,
      entryPrice: entry,
      marginMode: 'isolated',
      leverage: v.leverage,
      maintenanceMarginRate: mmr,
    });
    const reward = v.target.trim() === '' ? null : rewardFigures(side, quantity, entry, stop, v.target, fee);
    const compare = COMPARE_LEVERAGES.map((leverage) =>
      rowAt(leverage, side, quantity, entry, stop, mmr, account, lossAtStop),
    );
    return {
      side,
      account,
      riskFraction,
      entry,
      stop,
      leverage: toDecimal(v.leverage, 'leverage'),
      riskAmount: size.riskAmount,
      lossPerUnit: size.lossPerUnit,
      quantity,
      notional: size.notional,
      margin,
      lossAtStop,
      liquidation: liq.price,
      liquidationDistance: liq.distance ? liq.distance.abs() : null,
      maxLeverage,
      maxSafeLeverage: maxLeverage.toDecimalPlaces(2, Decimal.ROUND_DOWN),
      maxLeverageCapped: maxLeverage.eq(DEFAULT_MAX_LEVERAGE),
      stopFirst: stopBeforeLiquidation(side, stop, liq.price),
      minLeverage: effectiveLeverage({ notional: size.notional, equity: account }).toDecimalPlaces(2, Decimal.ROUND_UP),
      marginTooBig: margin.gt(account),
      reward,
      compare,
    };
  }, fieldFor);
}

/** A long's stop fires first when it sits at or above the liquidation price; a short's at or below. */
export function stopBeforeLiquidation(side: 'long' | 'short', stop: DecimalT, liquidation: DecimalT | null): boolean {
  if (liquidation === null) return true;
  return side === 'long' ? stop.gte(liquidation) : stop.lte(liquidation);
}

/** A position size the calc module can work with; otherwise a message on the risk field. */
function sizeable(quantity: DecimalT): DecimalT {
  const checked = tryCalc((q: DecimalT) => toDecimal(q, 'quantity'), quantity);
  if (!checked.ok) {
    throw new CalcInputError(
      'risk',
      OUT_OF_RANGE,
      'With this account, risk and stop the position would be too large or too small to size. Check these three fields.',
    );
  }
  return checked.value;
}

/** Loss at the stop with the opening and closing fees, as a positive amount. */
function lossAt(side: 'long' | 'short', quantity: DecimalT, entry: DecimalT, stop: DecimalT, fee: DecimalT): DecimalT {
  const gross = pnl({ side, quantity, entryPrice: entry, exitPrice: stop });
  const fees = tradingFee({ quantity, price: entry, feeRate: fee }).plus(
    tradingFee({ quantity, price: stop, feeRate: fee }),
  );
  return gross.minus(fees).neg();
}

function rewardFigures(
  side: 'long' | 'short',
  quantity: DecimalT,
  entry: DecimalT,
  stop: DecimalT,
  rawTarget: string,
  fee: DecimalT,
): RewardFigures {
  const target = toDecimal(rawTarget, 'target');
  const rr = riskReward({ side, entryPrice: entry, stopPrice: stop, targetPrice: target });
  const gross = pnl({ side, quantity, entryPrice: entry, exitPrice: target });
  const fees = tradingFee({ quantity, price: entry, feeRate: fee }).plus(
    tradingFee({ quantity, price: target, feeRate: fee }),
  );
  return {
    target,
    rewardToRisk: rr.rewardToRisk,
    breakEvenWinRate: rr.breakEvenWinRate,
    profitAtTarget: gross.minus(fees),
  };
}

function rowAt(
  leverage: number,
  side: 'long' | 'short',
  quantity: DecimalT,
  entry: DecimalT,
  stop: DecimalT,
  mmr: DecimalT,
  account: DecimalT,
  lossAtStop: DecimalT,
): LeverageRow {
  const margin = initialMargin({ quantity, price: entry, leverage });
  // A high maintenance rate can make a leverage impossible to open; that row says so rather than failing the widget.
  const liq = tryCalc(liquidationPrice, {
    side,
    quantity,
    entryPrice: entry,
    marginMode: 'isolated',
    leverage,
    maintenanceMarginRate: mmr,
  });
  const price = liq.ok ? liq.value.price : null;
  return {
    leverage,
    margin,
    marginShare: margin.div(account),
    opens: liq.ok,
    liquidation: price,
    liquidationDistance: liq.ok && liq.value.distance ? liq.value.distance.abs() : null,
    stopFirst: liq.ok && stopBeforeLiquidation(side, stop, price),
    lossAtStop,
    lossShare: lossAtStop.div(account),
  };
}
