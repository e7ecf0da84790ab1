/** Risk sizing: position size from a risk budget and a stop, risk:reward, and the highest leverage a stop allows. */
import { Decimal, type Numeric, ONE, ZERO, toDecimal } from './decimal.ts';
import { CalcInputError, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import {
  type Side,
  ensure,
  feeRate,
  inRange,
  integer,
  leverage as parseLeverage,
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
 * A stop and the isolated rule that may liquidate first: what {@link maxLeverageForStop}, {@link safeLeverageForStop} and
 * {@link stopBeforeLiquidation} share. `buffer` is the least gap wanted between stop and liquidation, as a fraction of
 * entry; `quantity` is needed with a `maintenanceAmount`; `maxLeverage` caps the answer (a venue's maximum).
 */
export interface StopLimitInput {
  side: Side;
  entryPrice: Numeric;
  stopPrice: Numeric;
  maintenanceMarginRate: Numeric;
  maintenanceAmount?: Numeric;
  buffer?: Numeric;
  quantity?: Numeric;
  maxLeverage?: Numeric;
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
export function maxLeverageForStop(input: StopLimitInput): Decimal {
  requireInput(input);
  const { side, entry, stop, rate, amount, quantity, buffer } = stopCheckOf(input);
  const max = maxLeverageOf(input.maxLeverage);
  const perUnit = amount.isZero() ? ZERO : amount.div(quantity);
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

/** Places a rounded figure may keep: a whole number from 0 to 20; `fallback` when absent (required without one). */
function decimalsOf(value: unknown, fallback?: number): number {
  return integer(value, 'decimals', 0, 20, fallback);
}

/**
 * Rounds down (toward −∞) to `decimals` places: `⌊value × 10^d⌋ / 10^d`, in the value's own unit. Use it for a figure
 * shown as a maximum (the highest safe leverage, the most you may risk): the shown figure is never above the true one,
 * so a reader who uses it stays on the safe side. Rounding to nearest can cross the line: 9.5694x shown as 9.6x is
 * unsafe (review E5).
 * Source: IEEE 754-2019 §4.3.2 roundTowardNegative; decimal.js `ROUND_FLOOR`, https://mikemcl.github.io/decimal.js/#modes
 * @throws CalcInputError `decimals` `out_of_range` `required` when absent, `out_of_range` unless a whole number from 0 to 20; `value` as
 *   {@link toDecimal}.
 * @example roundDown({ value: '9.5693779904', decimals: 1 }) // 9.5
 */
export function roundDown(input: { value: Numeric; decimals: Numeric }): Decimal {
  requireInput(input);
  return toDecimal(input.value, 'value').toDecimalPlaces(decimalsOf(input.decimals), Decimal.ROUND_FLOOR);
}

/**
 * Rounds up (toward +∞) to `decimals` places: `⌈value × 10^d⌉ / 10^d`, in the value's own unit. Use it for a figure
 * shown as a minimum (the least leverage a margin needs, the least margin to post), for the same reason
 * {@link roundDown} serves a maximum.
 * Source: IEEE 754-2019 §4.3.2 roundTowardPositive; decimal.js `ROUND_CEIL`, https://mikemcl.github.io/decimal.js/#modes
 * @throws CalcInputError as {@link roundDown}.
 * @example roundUp({ value: '8.33402', decimals: 2 }) // 8.34
 */
export function roundUp(input: { value: Numeric; decimals: Numeric }): Decimal {
  requireInput(input);
  return toDecimal(input.value, 'value').toDecimalPlaces(decimalsOf(input.decimals), Decimal.ROUND_CEIL);
}

/**
 * The price after an adverse move of `move` (a fraction of entry, 0.05 = 5 %): long `entry × (1 − move)` (a fall),
 * short `entry × (1 + move)` (a rise). A stop placed `move` away from entry, or the price after "a 5 % fall" on a long.
 * Source: TradingView Long/Short Position tool (stop distance as a percentage of entry),
 * https://in.tradingview.com/support/solutions/43000516992-short-position/
 * @throws CalcInputError for a non-positive entry, or `move` `out_of_range` unless 0 ≤ move < 1 for a long (a fall of
 *   100 % or more leaves no price) and 0 ≤ move ≤ 1000 for a short.
 * @example adverseMovePrice({ side: 'long', entryPrice: 50000, move: 0.05 }) // 47500
 */
export function adverseMovePrice(input: { side: Side; entryPrice: Numeric; move: Numeric }): Decimal {
  requireInput(input);
  const side = parseSide(input.side);
  const entry = positive(input.entryPrice, 'entryPrice');
  const move =
    side === 'long'
      ? inRange(input.move, 'move', 0, 1, {
          maxOpen: true,
          message: 'A fall must be a fraction from 0 up to (not including) 1, for example 0.05 for 5 %.',
        })
      : inRange(input.move, 'move', 0, 1000, {
          message: 'A rise must be a fraction from 0 to 1000, for example 0.05 for 5 %.',
        });
  return side === 'long' ? entry.times(ONE.minus(move)) : entry.times(ONE.plus(move));
}

/** The isolated, linear position of {@link maxLeverageForStop} and {@link stopBeforeLiquidation}, validated. */
interface StopCheck {
  side: Side;
  entry: Decimal;
  stop: Decimal;
  rate: Decimal;
  amount: Decimal;
  /** Quantity the maintenance amount is shared over; 1 when there is no amount (the rule is then per unit). */
  quantity: Decimal;
  buffer: Decimal;
}

function stopCheckOf(input: StopLimitInput): StopCheck {
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
  let quantity = ONE;
  if (!amount.isZero()) {
    if (input.quantity === undefined || input.quantity === null) {
      throw new CalcInputError(
        'quantity',
        REQUIRED,
        'Give the quantity too: a maintenance amount is per position, not per unit.',
      );
    }
    quantity = positive(input.quantity, 'quantity');
  }
  return { side, entry, stop, rate, amount, quantity, buffer };
}

/**
 * Whether the stop fires before liquidation at a given leverage, under the same rule as {@link maxLeverageForStop}
 * (isolated margin `q × E / L`, linear, maintenance `r × q × P − a` on the notional at the liquidation price `P`). From
 * `q × E / L + s × q × (P − E) = r × q × P − a`:
 * long `P = (E × (L − 1) × q − a × L) / (L × q × (1 − r))`, short `P = (E × (L + 1) × q + a × L) / (L × q × (1 + r))`.
 * `gap` is the signed distance from liquidation to the stop, as a fraction of entry, positive when the stop comes
 * first: long `(stop − P) / E`, short `(P − stop) / E`. `firesFirst` is `gap ≥ buffer` (the stop fires first, or at
 * the liquidation price itself, with at least `buffer × entry` to spare); a long whose formula price is ≤ 0 cannot be
 * liquidated (`liquidationPrice` and `gap` null, `firesFirst` true). The test is made on the cross-multiplied form
 * `S′ × L × q × (1 − r) ≥ E × (L − 1) × q − a × L` (long; short mirrored, `S′ = stop ∓ buffer × E`), which is exact for
 * short decimal inputs, so a leverage of exactly {@link maxLeverageForStop} counts as safe. A leverage so high that the
 * margin does not cover the maintenance requirement at entry gives a price on the wrong side of entry (liquidated at
 * once) and `firesFirst` false, where {@link liquidationPrice} refuses the input.
 * Source: Binance USDⓈ-M isolated liquidation formula, https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 * @throws CalcInputError for a stop on the wrong side, a buffer outside [0, 1), a maintenance amount without quantity
 *   (as {@link maxLeverageForStop}), and `leverage` `out_of_range` outside 1…maxLeverage (default 200).
 * @example stopBeforeLiquidation({ side: 'long', entryPrice: 50000, stopPrice: 45000, leverage: 9.6,
 *   maintenanceMarginRate: 0.005 }) // firesFirst false: liquidation 45,016.75 is above the stop
 */
export function stopBeforeLiquidation(input: StopLimitInput & { leverage: Numeric }): {
  firesFirst: boolean;
  liquidationPrice: Decimal | null;
  stopPrice: Decimal;
  gap: Decimal | null;
} {
  requireInput(input);
  const c = stopCheckOf(input);
  const lev = parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage));
  return stopCheckAt(c, lev);
}

function stopCheckAt(
  c: StopCheck,
  lev: Decimal,
): { firesFirst: boolean; liquidationPrice: Decimal | null; stopPrice: Decimal; gap: Decimal | null } {
  const { side, entry, stop, rate, amount, quantity, buffer } = c;
  const long = side === 'long';
  // Numerator and denominator of the liquidation price, both exact products of the inputs.
  const numerator = long
    ? entry.times(lev.minus(ONE)).times(quantity).minus(amount.times(lev))
    : entry.times(lev.plus(ONE)).times(quantity).plus(amount.times(lev));
  const denominator = lev.times(quantity).times(long ? ONE.minus(rate) : ONE.plus(rate));
  if (long && numerator.lte(0)) return { firesFirst: true, liquidationPrice: null, stopPrice: stop, gap: null };
  const shifted = long ? stop.minus(buffer.times(entry)) : stop.plus(buffer.times(entry));
  const atShifted = shifted.times(denominator);
  const firesFirst = long ? atShifted.gte(numerator) : atShifted.lte(numerator);
  const price = numerator.div(denominator);
  const gap = (long ? stop.minus(price) : price.minus(stop)).div(entry);
  return { firesFirst, liquidationPrice: price, stopPrice: stop, gap };
}

/**
 * The highest leverage for a stop, exact and as it should be shown: `exact` is {@link maxLeverageForStop} (capped at
 * `maxLeverage`, default 200), `shown` is `exact` rounded DOWN to `decimals` places (default 1) with
 * {@link roundDown}, so the figure a reader copies keeps the stop first. Long, entry 50,000, stop 45,000, maintenance
 * 0.5 %: exact 50,000 / 5,225 = 9.5694x, shown 9.5x (9.6x would put liquidation at 45,016.75, above the stop). As a
 * guard, `shown` is checked with {@link stopBeforeLiquidation} and lowered by one step if 40-digit rounding ever left
 * it across the line.
 * Source: Binance USDⓈ-M liquidation formula (as {@link maxLeverageForStop}),
 * https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ; rounding toward safety: IEEE 754-2019 §4.3.2.
 * @throws CalcInputError as {@link maxLeverageForStop}, and `decimals` `out_of_range` unless a whole number 0…20.
 * @example safeLeverageForStop({ side: 'long', entryPrice: 50000, stopPrice: 45000, maintenanceMarginRate: 0.005 })
 *   // { exact: 9.569377990…, shown: 9.5 }
 */
export function safeLeverageForStop(input: StopLimitInput & { decimals?: Numeric }): {
  exact: Decimal;
  shown: Decimal;
} {
  requireInput(input);
  const decimals = decimalsOf(input.decimals, 1);
  const exact = maxLeverageForStop(input);
  let shown = exact.toDecimalPlaces(decimals, Decimal.ROUND_FLOOR);
  if (!stopCheckAt(stopCheckOf(input), shown).firesFirst) {
    shown = shown.minus(new Decimal(10).pow(-decimals));
    if (shown.lt(1)) {
      throw new CalcInputError(
        'stopPrice',
        OUT_OF_RANGE,
        'This stop is so far away that even at 1x the position would be liquidated first.',
      );
    }
  }
  return { exact, shown };
}
