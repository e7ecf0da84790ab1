/** Risk sizing: position size from a risk budget and a stop, risk:reward, and the highest leverage a stop allows. */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import {
  type Side,
  ensure,
  feeRate,
  inRange,
  maintenanceRate,
  maxLeverageOf,
  nonNegative,
  parseSide,
  positive,
  requireInput,
  stopOnLosingSide,
} from './validate.ts';

/**
 * Position size that loses exactly `balance × riskFraction` at the stop, fees included:
 * `lossPerUnit = |entry − stop| + openFeeRate × entry + closeFeeRate × stop`, `quantity = riskAmount / lossPerUnit`,
 * `notional = quantity × entry` (linear). The side follows from the stop (below entry = long). Leverage does not change
 * the size; it only changes the margin set aside.
 * Source: TradingView Long/Short Position tool (account size, risk, stop → quantity),
 * https://in.tradingview.com/support/solutions/43000516992-short-position/
 * @throws CalcInputError for a non-positive balance or prices, a risk fraction outside (0, 1], or a stop equal to entry.
 * @example riskPositionSize({ balance: 10000, riskFraction: 0.01, entryPrice: 100, stopPrice: 95 }).quantity // 20
 */
export function riskPositionSize(input: {
  balance: Numeric;
  riskFraction: Numeric;
  entryPrice: Numeric;
  stopPrice: Numeric;
  openFeeRate?: Numeric;
  closeFeeRate?: Numeric;
}): { riskAmount: Decimal; lossPerUnit: Decimal; quantity: Decimal; notional: Decimal } {
  requireInput(input);
  const balance = positive(input.balance, 'balance');
  const fraction = inRange(input.riskFraction, 'riskFraction', 0, 1, {
    minOpen: true,
    message: 'The risk fraction must be above 0 and at most 1, for example 0.01 for 1 % of the account.',
  });
  const entry = positive(input.entryPrice, 'entryPrice');
  const stop = positive(input.stopPrice, 'stopPrice');
  ensure(!stop.eq(entry), 'stopPrice', 'The stop must be at a different price from the entry.');
  const open = feeRate(input.openFeeRate, 'openFeeRate', ZERO);
  const close = feeRate(input.closeFeeRate, 'closeFeeRate', ZERO);
  const riskAmount = balance.times(fraction);
  const lossPerUnit = entry.minus(stop).abs().plus(open.times(entry)).plus(close.times(stop));
  const quantity = riskAmount.div(lossPerUnit);
  return { riskAmount, lossPerUnit, quantity, notional: quantity.times(entry) };
}

/**
 * Risk:reward of a trade per unit: `risk = |entry − stop|`, `reward = |target − entry|`, `rewardToRisk = reward / risk`,
 * and the win rate needed to break even, `risk / (risk + reward)` (fees ignored).
 * Source: TradingView Long/Short Position tool (risk/reward ratio), https://in.tradingview.com/support/solutions/43000517002
 * @throws CalcInputError `inconsistent` when the stop or target is on the wrong side of entry for the side.
 * @example riskReward({ side: 'long', entryPrice: 100, stopPrice: 95, targetPrice: 110 }) // rewardToRisk 2, breakEvenWinRate 1/3
 */
export function riskReward(input: { side: Side; entryPrice: Numeric; stopPrice: Numeric; targetPrice: Numeric }): {
  risk: Decimal;
  reward: Decimal;
  rewardToRisk: Decimal;
  breakEvenWinRate: Decimal;
} {
  requireInput(input);
  const side = parseSide(input.side);
  const entry = positive(input.entryPrice, 'entryPrice');
  const stop = positive(input.stopPrice, 'stopPrice');
  const target = positive(input.targetPrice, 'targetPrice');
  stopOnLosingSide(side, entry, stop);
  if (side === 'long') ensure(target.gt(entry), 'targetPrice', 'For a long, the target must be above the entry price.');
  else ensure(target.lt(entry), 'targetPrice', 'For a short, the target must be below the entry price.');
  const risk = entry.minus(stop).abs();
  const reward = target.minus(entry).abs();
  return { risk, reward, rewardToRisk: reward.div(risk), breakEvenWinRate: risk.div(risk.plus(reward)) };
}

/**
 * Highest leverage at which the stop fires before liquidation (isolated, linear, maintenance on the liquidation-price
 * notional), with an optional `buffer` (fraction of entry) kept between stop and liquidation. From
 * `margin + PnL(S′) = r × q × S′ − a` with margin `q × E / L` and `S′ = stop − s × buffer × entry`:
 * long `1/L = (E − S′(1 − r) − a/q) / E`, short `1/L = (S′(1 + r) − E − a/q) / E`. `maintenanceAmount` needs `quantity`.
 * Capped at `maxLeverage` (default 200). Source: Binance USDⓈ-M liquidation formula,
 * https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 * @throws CalcInputError for a stop on the wrong side, a buffer that pushes the stop past zero, a maintenance amount
 *   without quantity, or a stop so far that even 1x would be liquidated first.
 * @example maxLeverageForStop({ side: 'long', entryPrice: 100, stopPrice: 95, maintenanceMarginRate: 0.005 }) // 18.26…
 */
export function maxLeverageForStop(input: {
  side: Side;
  entryPrice: Numeric;
  stopPrice: Numeric;
  maintenanceMarginRate: Numeric;
  maintenanceAmount?: Numeric;
  buffer?: Numeric;
  quantity?: Numeric;
  maxLeverage?: Numeric;
}): Decimal {
  requireInput(input);
  const side = parseSide(input.side);
  const entry = positive(input.entryPrice, 'entryPrice');
  const stop = positive(input.stopPrice, 'stopPrice');
  stopOnLosingSide(side, entry, stop);
  const rate = maintenanceRate(input.maintenanceMarginRate);
  const amount = nonNegative(input.maintenanceAmount, 'maintenanceAmount', ZERO);
  const buffer = inRange(input.buffer, 'buffer', 0, 1, {
    fallback: ZERO,
    maxOpen: true,
    message: 'The buffer must be a fraction from 0 up to 1.',
  });
  const max = maxLeverageOf(input.maxLeverage);
  let perUnit = ZERO;
  if (!amount.isZero()) {
    if (input.quantity === undefined || input.quantity === null) {
      throw new CalcInputError(
        'quantity',
        REQUIRED,
        'Give the quantity too: a maintenance amount is per position, not per unit.',
      );
    }
    perUnit = amount.div(positive(input.quantity, 'quantity'));
  }
  const shifted = side === 'long' ? stop.minus(buffer.times(entry)) : stop.plus(buffer.times(entry));
  ensure(shifted.gt(0), 'buffer', 'The buffer pushes the stop below zero; use a smaller buffer.');
  const inverseLeverage =
    side === 'long'
      ? entry
          .minus(shifted.times(ONE.minus(rate)))
          .minus(perUnit)
          .div(entry)
      : shifted.times(ONE.plus(rate)).minus(entry).minus(perUnit).div(entry);
  if (inverseLeverage.lte(0)) return max;
  const result = ONE.div(inverseLeverage);
  if (result.lt(1)) {
    throw new CalcInputError(
      'stopPrice',
      OUT_OF_RANGE,
      'This stop is so far away that even at 1x the position would be liquidated first.',
    );
  }
  return Decimal.min(result, max);
}
