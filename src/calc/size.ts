/** Position size and margin: notional, position from margin and leverage, initial and maintenance margin, effective leverage. */
import { Decimal, type Numeric } from './decimal.ts';
import { CalcInputError, INCONSISTENT } from './errors.ts';
import {
  type Contract,
  leverage as parseLeverage,
  maintenanceRate,
  maxLeverageOf,
  nonNegative,
  parseContract,
  positive,
  quantityOf,
  requireInput,
  signed,
} from './validate.ts';

/** Notional for a linear (`q × p`, quote) or inverse (`q / p`, coin) contract, from validated Decimals. */
export function notionalOf(contract: Contract, quantity: Decimal, price: Decimal): Decimal {
  return contract === 'linear' ? quantity.times(price) : quantity.div(price);
}

/**
 * Position value (notional). Linear: `quantity × price` in quote (USDT); inverse: `quantity / price` in coin,
 * with `quantity` the USD face value (contracts × contract size).
 * Source: Binance Futures calculator (Initial margin = Quantity × Entry Price × IMR; coin-M: Qty × multiplier / price),
 * https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError when quantity or price is missing, not a number or not positive.
 * @example notional({ quantity: '0.5', price: 60000 }) // 30000 (USDT)
 */
export function notional(input: { contract?: Contract; quantity: Numeric; price: Numeric }): Decimal {
  requireInput(input);
  const contract = parseContract(input.contract);
  return notionalOf(contract, quantityOf(contract, input.quantity), positive(input.price, 'price'));
}

/**
 * Position opened with a given margin: `notional = margin × leverage`; linear `quantity = notional / price`
 * (base units), inverse `quantity = notional × price` (USD face value; margin and notional in coin).
 * Source: Binance Futures calculator (IMR = 1 / leverage), URL as for {@link notional}.
 * @throws CalcInputError for a non-positive margin or price, or leverage outside 1…maxLeverage (default 200).
 * @example positionFromMargin({ margin: 100, leverage: 10, price: 50000 }) // { notional: 1000, quantity: 0.02 }
 */
export function positionFromMargin(input: {
  margin: Numeric;
  leverage: Numeric;
  price: Numeric;
  contract?: Contract;
  maxLeverage?: Numeric;
}): { notional: Decimal; quantity: Decimal } {
  requireInput(input);
  const contract = parseContract(input.contract);
  const margin = positive(input.margin, 'margin');
  const lev = parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage));
  const price = positive(input.price, 'price');
  const value = margin.times(lev);
  return { notional: value, quantity: contract === 'linear' ? value.div(price) : value.times(price) };
}

/**
 * Initial margin: `notional / leverage` (quote for linear, coin for inverse).
 * Source: Binance Futures calculator "Initial Margin = Quantity × Entry Price × IMR, IMR = 1 / leverage",
 * https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError for non-positive quantity/price or leverage outside 1…maxLeverage.
 * @example initialMargin({ quantity: 1, price: 10000, leverage: 50 }) // 200
 */
export function initialMargin(input: {
  contract?: Contract;
  quantity: Numeric;
  price: Numeric;
  leverage: Numeric;
  maxLeverage?: Numeric;
}): Decimal {
  requireInput(input);
  const contract = parseContract(input.contract);
  const value = notionalOf(contract, quantityOf(contract, input.quantity), positive(input.price, 'price'));
  return value.div(parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage)));
}

/**
 * Maintenance margin: `notional × maintenanceMarginRate − maintenanceAmount`.
 * Source: Binance leverage and margin tiers, "Maintenance Margin = Notional Position Value × Maintenance Margin Rate −
 * Maintenance Amount", https://www.binance.com/en/futures/trading-rules/perpetual/portfolio-margin/notional-limit ;
 * Bybit calls the amount a "deduction" (https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account).
 * @throws CalcInputError `inconsistent` when the amount exceeds `notional × rate` (a requirement below zero).
 * @example maintenanceMargin({ quantity: 10, price: 30000, maintenanceMarginRate: 0.01, maintenanceAmount: 1300 }) // 1700
 */
export function maintenanceMargin(input: {
  contract?: Contract;
  quantity: Numeric;
  price: Numeric;
  maintenanceMarginRate: Numeric;
  maintenanceAmount?: Numeric;
}): Decimal {
  requireInput(input);
  const contract = parseContract(input.contract);
  const value = notionalOf(contract, quantityOf(contract, input.quantity), positive(input.price, 'price'));
  const amount = nonNegative(input.maintenanceAmount, 'maintenanceAmount', new Decimal(0));
  const result = value.times(maintenanceRate(input.maintenanceMarginRate)).minus(amount);
  if (result.isNegative()) {
    throw new CalcInputError(
      'maintenanceAmount',
      INCONSISTENT,
      'The maintenance amount is larger than notional × rate; check that the tier matches the position size.',
    );
  }
  return result;
}

/**
 * Effective leverage: `notional / equity` (what the account really carries, whatever leverage was selected).
 * Source: Kraken, "risk depends on the position size relative to the account balance",
 * https://support.kraken.com/hc/en-us/articles/205605288-What-levels-of-leverage-are-offered-
 * @throws CalcInputError `must_be_positive` when equity is zero or negative (the position is already gone).
 * @example effectiveLeverage({ notional: 15000, equity: 5000 }) // 3
 */
export function effectiveLeverage(input: { notional: Numeric; equity: Numeric }): Decimal {
  requireInput(input);
  const value = nonNegative(input.notional, 'notional');
  return value.div(positive(input.equity, 'equity'));
}

/**
 * One amount as a share of another, as a fraction: `part / whole` (0.05 = 5 %), both in the same unit. The margin or
 * the loss at the stop as a share of the account, a net PnL as a return on the margin (net ROE) or on the whole
 * account. `part` may be negative (a loss); `whole` must be positive.
 * Source: Binance Futures calculator, ROE = PnL / initial margin (a return as a share of the capital put up),
 * https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError `whole` `must_be_positive` unless above zero; `part` as any finite number.
 * @example shareOf({ part: 489.75, whole: 5000 }) // 0.09795
 */
export function shareOf(input: { part: Numeric; whole: Numeric }): Decimal {
  requireInput(input);
  const part = signed(input.part, 'part');
  return part.div(positive(input.whole, 'whole'));
}
