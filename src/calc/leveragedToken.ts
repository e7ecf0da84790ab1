/**
 * Leveraged tokens (and leveraged ETFs): a fund that resets to a constant leverage L at each rebalance, compared with
 * the same leverage taken once as a fixed futures position. Rebalancing compounds the leveraged returns, so in a
 * market that goes up and down the token loses value even when the price ends where it started ("volatility decay").
 */
import { Decimal, type Numeric, ONE, ZERO, toDecimal } from './decimal.ts';
import { CalcInputError, OUT_OF_RANGE } from './errors.ts';
import { liquidationPrice } from './liquidationPrice.ts';
import { pnl } from './pnl.ts';
import { positionFromMargin } from './size.ts';
import { inRange, integer, leverage as parseLeverage, maintenanceRate, positive, requireInput } from './validate.ts';

/** The most leverage a token or fund in this module may have (issuers offer 2x to 5x; a little room above that). */
export const MAX_TOKEN_LEVERAGE = 20;
/** The longest path (prices or returns) these functions take. */
export const MAX_PATH_LENGTH = 10_000;
/** A token's or a position's starting value when none is given: 100, so values read as percent of the start. */
const DEFAULT_START = new Decimal(100);

const tokenLeverage = (value: unknown) => parseLeverage(value, MAX_TOKEN_LEVERAGE);
const startOf = (value: unknown) =>
  value === undefined || value === null ? DEFAULT_START : positive(value, 'startValue');

/** A list of at least `min` entries and at most {@link MAX_PATH_LENGTH}, each read by `read`. */
function listOf<T>(value: unknown, field: string, min: number, read: (v: unknown, field: string) => T): T[] {
  if (!Array.isArray(value) || value.length < min || value.length > MAX_PATH_LENGTH) {
    throw new CalcInputError(
      field,
      OUT_OF_RANGE,
      `The ${field} must be a list of ${min} to ${MAX_PATH_LENGTH.toLocaleString('en-US')} numbers.`,
    );
  }
  return value.map((v, i) => read(v, `${field}[${i}]`));
}

/** One period's return as a fraction: above −1 (a price cannot fall to zero or below). */
const periodReturn = (v: unknown, field: string) =>
  inRange(v, field, -1, 1_000_000, {
    minOpen: true,
    message: 'Each return must be a fraction above −1 (a fall of less than 100 %), for example 0.05 for +5 %.',
  });

/**
 * The value of a leveraged token rebalanced to a constant leverage `L` before each period:
 * `V_n = V_0 × Π (1 + L·r_i)`, each factor floored at zero (once a period's move reaches `−1/L` the token is worth
 * nothing, and stays at zero). `returns` are the underlying's period returns as fractions (0.05 = +5 %); `startValue`
 * defaults to 100. After `+x` then `−x` the value is `V_0 × (1 + L·x)(1 − L·x) = V_0 × (1 − L²x²)`, below the start
 * for any `L·x ≠ 0`, while the underlying ends at `1 − x²` of its start: leverage squares the loss (volatility decay).
 * Source: Cheng, M. and Madhavan, A. (2009), "The Dynamics of Leveraged and Inverse Exchange-Traded Funds", Journal of
 * Investment Management 7(4), eq. for the daily-rebalanced NAV, https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1393995 ;
 * FINRA Regulatory Notice 09-31 (daily reset and compounding), https://www.finra.org/rules-guidance/notices/09-31
 * @throws CalcInputError `leverage` outside 1…20, a return at or below −1 (`returns[i]`), an empty or overlong list,
 *   or a `startValue` not above zero.
 * @example leveragedTokenValue({ leverage: 3, returns: [0.1, -0.1] }) // 100 × 1.3 × 0.7 = 91
 */
export function leveragedTokenValue(input: {
  leverage: Numeric;
  returns: readonly Numeric[];
  startValue?: Numeric;
}): Decimal {
  requireInput(input);
  const L = tokenLeverage(input.leverage);
  const start = startOf(input.startValue);
  const returns = listOf(input.returns, 'returns', 1, periodReturn);
  let value = start;
  for (const r of returns) {
    const factor = ONE.plus(L.times(r));
    if (factor.lte(0)) return ZERO;
    value = value.times(factor);
  }
  return value;
}

/** A leveraged token's value at each price of a path. */
export interface TokenPath {
  /** The token's value at each price (same length as `prices`), starting at `startValue`. */
  values: Decimal[];
  /** How many times the token reset its leverage along the path (the start not counted). */
  rebalances: number;
  /** Index of the first price at which the token was worth nothing, or `null`. */
  wipedOutAt: number | null;
}

/**
 * A leveraged token along a price path, rebalanced every `rebalanceEvery` prices (1: at each price; 24 on hourly
 * prices: once a day). Between rebalances it holds a fixed exposure, so at price `P_t` after the rebalance at `P_k`:
 * `V_t = V_k × (1 + L × (P_t / P_k − 1))`, floored at zero (and zero from then on). At each rebalance the exposure is
 * reset to `L × V_t`. With `rebalanceEvery = 1` the last value equals {@link leveragedTokenValue} of the path's returns.
 * Source: Cheng and Madhavan (2009), https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1393995 ; Binance, "What Is
 * Binance Leveraged Tokens Rebalancing" (conventional tokens rebalance to a constant leverage; BLVTs only when needed),
 * https://www.binance.com/en/support/faq/360043387931
 * @throws CalcInputError `leverage` outside 1…20, fewer than 2 prices, a price not above zero (`prices[i]`),
 *   `rebalanceEvery` not a whole number from 1 to 10,000, or a `startValue` not above zero.
 * @example leveragedTokenPath({ leverage: 2, prices: [100, 110, 99] }).values // [100, 120, 120 × (1 − 2 × 0.1) = 96]
 */
export function leveragedTokenPath(input: {
  leverage: Numeric;
  prices: readonly Numeric[];
  rebalanceEvery?: number;
  startValue?: Numeric;
}): TokenPath {
  requireInput(input);
  const L = tokenLeverage(input.leverage);
  const prices = listOf(input.prices, 'prices', 2, positive);
  const every = integer(input.rebalanceEvery, 'rebalanceEvery', 1, MAX_PATH_LENGTH, 1);
  const start = startOf(input.startValue);
  const values: Decimal[] = [start];
  let baseValue = start;
  let basePrice = prices[0];
  let rebalances = 0;
  let wipedOutAt: number | null = null;
  for (let t = 1; t < prices.length; t++) {
    const price = prices[t];
    if (wipedOutAt !== null) {
      values.push(ZERO);
      continue;
    }
    const factor = ONE.plus(L.times(price.div(basePrice).minus(ONE)));
    const value = factor.lte(0) ? ZERO : baseValue.times(factor);
    values.push(value);
    if (value.isZero()) {
      wipedOutAt = t;
      continue;
    }
    if (t % every === 0 && t < prices.length - 1) {
      baseValue = value;
      basePrice = price;
      rebalances++;
    }
  }
  return { values, rebalances, wipedOutAt };
}

/** The same leverage taken once, as an isolated long futures position, along a price path. */
export interface FixedPath {
  /** Equity at each price: margin plus PnL, zero from the liquidation on (same length as `prices`). */
  values: Decimal[];
  /** Base units held: `startValue × L / P_0`. */
  quantity: Decimal;
  /** Where calc's {@link liquidationPrice} closes it, or `null` (a 1x long with no maintenance margin). */
  liquidationPrice: Decimal | null;
  /** Index of the first price at or below the liquidation price, or `null`. */
  liquidatedAt: number | null;
}

/**
 * A long opened once at `L`x with `startValue` of isolated margin at the first price and never rebalanced:
 * `quantity = startValue × L / P_0` ({@link positionFromMargin}), equity `V_t = startValue + quantity × (P_t − P_0)`
 * ({@link pnl}), until a price reaches the liquidation price from {@link liquidationPrice} (isolated, linear, the
 * maintenance margin on the notional at the liquidation price); from then on the margin is lost and the value is 0.
 * Only the path's prices are checked (closing prices: a wick between them is not seen).
 * Source: Binance USDⓈ-M liquidation price, https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93 ;
 * the fixed-exposure comparison: Cheng and Madhavan (2009), https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1393995
 * @throws CalcInputError `leverage` outside 1…20, fewer than 2 prices or a price not above zero, a maintenance rate
 *   outside 0…1, or a `startValue` not above zero.
 * @example fixedLeveragePath({ leverage: 2, prices: [100, 110, 99] }).values // [100, 120, 98]
 */
export function fixedLeveragePath(input: {
  leverage: Numeric;
  prices: readonly Numeric[];
  startValue?: Numeric;
  maintenanceMarginRate?: Numeric;
}): FixedPath {
  requireInput(input);
  const L = tokenLeverage(input.leverage);
  const prices = listOf(input.prices, 'prices', 2, positive);
  const start = startOf(input.startValue);
  const rate = input.maintenanceMarginRate === undefined ? ZERO : maintenanceRate(input.maintenanceMarginRate);
  const entry = prices[0];
  const { quantity } = positionFromMargin({ margin: start, leverage: L, price: entry });
  const liquidation = liquidationPrice({
    side: 'long',
    quantity,
    entryPrice: entry,
    marginMode: 'isolated',
    margin: start,
    maintenanceMarginRate: rate,
  }).price;
  const values: Decimal[] = [start];
  let liquidatedAt: number | null = null;
  for (let t = 1; t < prices.length; t++) {
    const price = prices[t];
    if (liquidatedAt === null && liquidation !== null && price.lte(liquidation)) liquidatedAt = t;
    if (liquidatedAt !== null) {
      values.push(ZERO);
      continue;
    }
    const equity = start.plus(pnl({ side: 'long', quantity, entryPrice: entry, exitPrice: price }));
    values.push(equity.gt(0) ? equity : ZERO);
  }
  return { values, quantity, liquidationPrice: liquidation, liquidatedAt };
}

/**
 * A choppy price path: from `startPrice`, up by `move` then down by `move`, repeated for `steps` moves
 * (`P_{i+1} = P_i × (1 + move)` on even steps, `× (1 − move)` on odd ones). After each up-and-down pair the price is
 * `1 − move²` of where the pair began. Returns `steps + 1` prices. `move` is a fraction in (0, 1).
 * Source: the up-then-down example of FINRA Regulatory Notice 09-31, https://www.finra.org/rules-guidance/notices/09-31
 * @throws CalcInputError `startPrice` not above zero, `move` outside (0, 1), `steps` not a whole number from 1 to 1,000.
 * @example alternatingPath({ startPrice: 100, move: 0.1, steps: 2 }) // [100, 110, 99]
 */
export function alternatingPath(input: { startPrice: Numeric; move: Numeric; steps: number }): Decimal[] {
  requireInput(input);
  const start = positive(input.startPrice, 'startPrice');
  const move = inRange(input.move, 'move', 0, 1, {
    minOpen: true,
    maxOpen: true,
    message: 'The move must be a fraction between 0 and 1, for example 0.05 for 5 %.',
  });
  const steps = integer(input.steps, 'steps', 1, 1000);
  const up = ONE.plus(move);
  const down = ONE.minus(move);
  const prices: Decimal[] = [start];
  for (let i = 0; i < steps; i++) prices.push(prices[i].times(i % 2 === 0 ? up : down));
  return prices;
}

/** A token and a fixed position side by side over one path, with their returns. */
export interface TokenVersusFixed {
  token: TokenPath;
  fixed: FixedPath;
  /** The underlying's move from the first price to the last, as a fraction. */
  underlyingMove: Decimal;
  /** `L ×` that move: what "a 3x product" suggests, and what the fixed position returns unless liquidated. */
  leveragedMove: Decimal;
  /** The token's return over the path, as a fraction (−1 = worth nothing). */
  tokenReturn: Decimal;
  /** The fixed position's return over the path, as a fraction (−1 when liquidated). */
  fixedReturn: Decimal;
  /** `tokenReturn − fixedReturn`: negative when rebalancing cost the token, positive when it helped. */
  gap: Decimal;
}

/**
 * Runs {@link leveragedTokenPath} and {@link fixedLeveragePath} on the same prices from the same start and compares
 * them: `underlyingMove = P_n / P_0 − 1`, `leveragedMove = L × underlyingMove`, each return `V_n / V_0 − 1`,
 * `gap = tokenReturn − fixedReturn`. Sources as those functions.
 * @throws CalcInputError as {@link leveragedTokenPath} and {@link fixedLeveragePath}.
 * @example tokenVersusFixed({ leverage: 2, prices: [100, 110, 99] }).gap // −0.02 (96 vs 98)
 */
export function tokenVersusFixed(input: {
  leverage: Numeric;
  prices: readonly Numeric[];
  rebalanceEvery?: number;
  startValue?: Numeric;
  maintenanceMarginRate?: Numeric;
}): TokenVersusFixed {
  requireInput(input);
  const token = leveragedTokenPath(input);
  const fixed = fixedLeveragePath(input);
  const prices = input.prices;
  const first = toDecimal(prices[0], 'prices[0]');
  const last = toDecimal(prices[prices.length - 1], `prices[${prices.length - 1}]`);
  const start = token.values[0];
  const underlyingMove = last.div(first).minus(ONE);
  const tokenReturn = token.values[token.values.length - 1].div(start).minus(ONE);
  const fixedReturn = fixed.values[fixed.values.length - 1].div(start).minus(ONE);
  return {
    token,
    fixed,
    underlyingMove,
    leveragedMove: underlyingMove.times(tokenLeverage(input.leverage)),
    tokenReturn,
    fixedReturn,
    gap: tokenReturn.minus(fixedReturn),
  };
}
