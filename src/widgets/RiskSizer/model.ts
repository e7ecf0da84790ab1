/**
 * Risk sizing: the account, the share of it to risk and the stop give the position size (fees
 * included); the leverage then only sets the margin, and the check that the stop fires before
 * liquidation. The same size at 2x, 10x and 50x shows that leverage does not set the risk.
 */
import {
  CalcInputError,
  DEFAULT_MAX_LEVERAGE,
  OUT_OF_RANGE,
  effectiveLeverage,
  initialMargin,
  liquidationPrice,
  netPnl,
  riskPositionSize,
  riskReward,
  roundUp,
  safeLeverageForStop,
  shareOf,
  stopBeforeLiquidation,
  toDecimal,
  tryCalc,
} from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
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
  /** Reward per unit over risk per unit, before fees (2 means 2 : 1, reward : risk). */
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
  /** Loss if the stop is hit, fees included, recomputed from PnL and fees by calc's netPnl (equals `riskAmount`). */
  lossAtStop: DecimalT;
  liquidation: DecimalT | null;
  liquidationDistance: DecimalT | null;
  /** Highest leverage at which the stop still fires before liquidation (capped at the calc maximum). */
  maxLeverage: DecimalT;
  /** `maxLeverage` rounded down to 2 decimals by calc's safeLeverageForStop, the figure to advise. */
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

/** The highest leverage is shown with this many decimals, always rounded down. */
const LEVERAGE_DECIMALS = 2;

const positiveNumber = (raw: string, field: string, label: string): DecimalT =>
  readNumber(raw, field, { label, min: 0, minOpen: true });

export function computeRisk(v: RiskValues): ModelOutcome<RiskResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    const account = positiveNumber(v.account, 'account', 'account balance');
    const riskFraction = readPercent(v.risk, 'risk', { label: 'risk per trade', min: 0, minOpen: true, max: 100 });
    const entry = positiveNumber(v.entry, 'entry', 'entry price');
    const stop = positiveNumber(v.stop, 'stop', 'stop price');
    const target = v.target.trim() === '' ? null : positiveNumber(v.target, 'target', 'target price');
    const fee = readPercent(v.fee, 'fee', { label: 'trading fee', min: 0, max: 1 });
    const leverage = readNumber(v.leverage, 'leverage', { label: 'leverage', min: 1, max: DEFAULT_MAX_LEVERAGE });
    const mmr = readPercent(v.mmr, 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 });
    // The side is the reader's choice, so a stop on the wrong side is checked against it first.
    const safe = safeLeverageForStop({
      side,
      entryPrice: entry,
      stopPrice: stop,
      maintenanceMarginRate: mmr,
      decimals: LEVERAGE_DECIMALS,
    });
    const size = riskPositionSize({
      balance: account,
      riskFraction,
      entryPrice: entry,
      stopPrice: stop,
      openFeeRate: fee,
      closeFeeRate: fee,
    });
    const quantity = sizeable(size.quantity);
    const margin = initialMargin({ quantity, price: entry, leverage });
    const lossAtStop = lossAt(side, quantity, entry, stop, fee);
    const liq = liquidationPrice({
      side,
      quantity,
      entryPrice: entry,
      marginMode: 'isolated',
      leverage,
      maintenanceMarginRate: mmr,
    });
    const reward = target === null ? null : rewardFigures(side, quantity, entry, stop, target, fee);
    const compare = COMPARE_LEVERAGES.map((rowLeverage) =>
      rowAt(rowLeverage, side, quantity, entry, stop, mmr, account, lossAtStop),
    );
    const stopFirst = stopBeforeLiquidation({
      side,
      entryPrice: entry,
      stopPrice: stop,
      leverage,
      maintenanceMarginRate: mmr,
    }).firesFirst;
    return {
      side,
      account,
      riskFraction,
      entry,
      stop,
      leverage,
      riskAmount: size.riskAmount,
      lossPerUnit: size.lossPerUnit,
      quantity,
      notional: size.notional,
      margin,
      lossAtStop,
      liquidation: liq.price,
      liquidationDistance: liq.distance ? liq.distance.abs() : null,
      maxLeverage: safe.exact,
      maxSafeLeverage: safe.shown,
      maxLeverageCapped: safe.exact.eq(DEFAULT_MAX_LEVERAGE),
      stopFirst,
      minLeverage: roundUp({
        value: effectiveLeverage({ notional: size.notional, equity: account }),
        decimals: LEVERAGE_DECIMALS,
      }),
      marginTooBig: margin.gt(account),
      reward,
      compare,
    };
  }, fieldFor);
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

/** Loss at the stop with the opening and closing fees, as a positive amount (calc gives it as a negative net PnL). */
function lossAt(side: 'long' | 'short', quantity: DecimalT, entry: DecimalT, stop: DecimalT, fee: DecimalT): DecimalT {
  return netPnl({ side, quantity, entryPrice: entry, exitPrice: stop, openFeeRate: fee, closeFeeRate: fee }).net.abs();
}

function rewardFigures(
  side: 'long' | 'short',
  quantity: DecimalT,
  entry: DecimalT,
  stop: DecimalT,
  target: DecimalT,
  fee: DecimalT,
): RewardFigures {
  const rr = riskReward({ side, entryPrice: entry, stopPrice: stop, targetPrice: target });
  const atTarget = netPnl({
    side,
    quantity,
    entryPrice: entry,
    exitPrice: target,
    openFeeRate: fee,
    closeFeeRate: fee,
  });
  return {
    target,
    rewardToRisk: rr.rewardToRisk,
    breakEvenWinRate: rr.breakEvenWinRate,
    profitAtTarget: atTarget.net,
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
  const first = stopBeforeLiquidation({
    side,
    entryPrice: entry,
    stopPrice: stop,
    leverage,
    maintenanceMarginRate: mmr,
  });
  return {
    leverage,
    margin,
    marginShare: shareOf({ part: margin, whole: account }),
    opens: liq.ok,
    liquidation: liq.ok ? liq.value.price : null,
    liquidationDistance: liq.ok && liq.value.distance ? liq.value.distance.abs() : null,
    stopFirst: liq.ok && first.firesFirst,
    lossAtStop,
    lossShare: shareOf({ part: lossAtStop, whole: account }),
  };
}
