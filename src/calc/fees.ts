/**
 * Trading fees on notional, the full cost of opening an order, the exact break-even price with fees and funding, and
 * the price move that pays a cost fixed in quote currency.
 */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { notionalOf } from './size.ts';
import {
  type Contract,
  type Side,
  ensure,
  feeRate,
  inRange,
  integer,
  leverage as parseLeverage,
  maxLeverageOf,
  parseContract,
  parseSide,
  positive,
  quantityOf,
  requireInput,
  sideSign,
} from './validate.ts';

/**
 * Trading fee: `notional × feeRate` — always on the position's notional, never on the margin, so it grows with leverage.
 * Linear in quote, inverse in coin. Source: Bybit, "Initial Margin = (Position Value / Leverage) + Estimated Fee to Close
 * Position" (fees on position value), https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
 * @throws CalcInputError for a non-positive quantity/price or a fee rate outside 0…0.1.
 * @example tradingFee({ quantity: 1, price: 60000, feeRate: 0.0005 }) // 30
 */
export function tradingFee(input: {
  contract?: Contract;
  quantity: Numeric;
  price: Numeric;
  feeRate: Numeric;
}): Decimal {
  requireInput(input);
  const contract = parseContract(input.contract);
  const value = notionalOf(contract, quantityOf(contract, input.quantity), positive(input.price, 'price'));
  return value.times(feeRate(input.feeRate, 'feeRate'));
}

/**
 * Cost of opening a position: `initialMargin + openFee + closeFee`, with `openFee = feeRate × notional at entry` and the
 * close fee estimated at the bankruptcy price — linear `entry × (1 ∓ 1/L)`; inverse `entry × L/(L ± 1)`, so the close
 * notional in coin is `(quantity/entry) × (1 ± 1/L)` (upper sign for a long).
 * Source: Bybit order cost (fee to close at the bankruptcy price) and bankruptcy price "Entry Price × (1 − Initial Margin Rate)"
 * for a long, https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
 * @throws CalcInputError as {@link tradingFee}, and for leverage outside 1…maxLeverage.
 * @example orderCost({ side: 'long', quantity: 1, price: 10000, leverage: 50, feeRate: 0.0006 }).total // 200 + 6 + 5.88 = 211.88
 */
export function orderCost(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  price: Numeric;
  leverage: Numeric;
  feeRate: Numeric;
  maxLeverage?: Numeric;
}): { initialMargin: Decimal; openFee: Decimal; closeFee: Decimal; total: Decimal } {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const quantity = quantityOf(contract, input.quantity);
  const price = positive(input.price, 'price');
  const lev = parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage));
  const rate = feeRate(input.feeRate, 'feeRate');
  const value = notionalOf(contract, quantity, price);
  const initialMargin = value.div(lev);
  const openFee = value.times(rate);
  // Linear: q × entry × (1 − s/L). Inverse: (q / entry) × (1 + s/L). Both are notional × (1 ∓ 1/L) or (1 ± 1/L).
  const factor =
    contract === 'linear'
      ? ONE.minus(ONE.div(lev).times(sideSign(side)))
      : ONE.plus(ONE.div(lev).times(sideSign(side)));
  const closeFee = value.times(factor).times(rate);
  return { initialMargin, openFee, closeFee, total: initialMargin.plus(openFee).plus(closeFee) };
}

/**
 * Exact break-even exit price after fees and funding: long `entry × (1 + open + n·F) / (1 − close)`, short
 * `entry × (1 − open + n·F) / (1 + close)` (fees on notional at each price; funding `F` per interval on the entry
 * notional, `n` intervals; positive `F` costs longs and pays shorts). Derived from PnL − fees − funding = 0 with the
 * fee-on-notional rule of the Binance calculator (https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511).
 * @throws CalcInputError for rates outside their ranges, or `inconsistent` when a short's funding income already covers
 *   the whole price (no positive break-even).
 * @example breakEvenPrice({ side: 'long', entryPrice: 100, openFeeRate: 0.001, closeFeeRate: 0.001 }) // 100.2002002…
 */
export function breakEvenPrice(input: {
  side: Side;
  entryPrice: Numeric;
  openFeeRate: Numeric;
  closeFeeRate: Numeric;
  fundingRate?: Numeric;
  fundingIntervals?: Numeric;
}): Decimal {
  requireInput(input);
  const side = parseSide(input.side);
  const entry = positive(input.entryPrice, 'entryPrice');
  const open = feeRate(input.openFeeRate, 'openFeeRate');
  const close = feeRate(input.closeFeeRate, 'closeFeeRate');
  const funding = inRange(input.fundingRate, 'fundingRate', -0.1, 0.1, {
    fallback: ZERO,
    message: 'The funding rate must be a fraction between -0.1 and 0.1, for example 0.0001 for 0.01 %.',
  });
  const intervals = integer(input.fundingIntervals, 'fundingIntervals', 0, 100000, 0);
  const carry = funding.times(intervals);
  if (side === 'long') return entry.times(ONE.plus(open).plus(carry)).div(ONE.minus(close));
  const numerator = ONE.minus(open).plus(carry);
  ensure(numerator.gt(0), 'fundingIntervals', 'With this much funding the short breaks even at any price.');
  return entry.times(numerator).div(ONE.plus(close));
}

/** A cost turned into the price move that pays for it (see {@link breakEvenMove}). */
export interface PriceMove {
  /** Signed price change in quote per base unit: positive up, negative down. */
  move: Decimal;
  /** The same move as a fraction of the entry price (0.009 = 0.9 %). */
  fraction: Decimal;
  /** `entry + move`, the price to reach; `null` when that is not a positive price. */
  price: Decimal | null;
}

/**
 * The price move that pays a fixed cost on a linear position: PnL `s × quantity × (exit − entry) = cost`, so
 * `move = s × cost / quantity` (s = +1 long, −1 short), `fraction = move / entry`, `price = entry + move` (`null` when
 * ≤ 0). `cost` is in quote (USDT) and signed: positive = paid (the price must move the trader's way), negative = received
 * (a cushion: the price may move against the trader by that much before the position loses).
 * How it relates to {@link breakEvenPrice}: that function solves exactly for trading fees, whose close fee depends on the
 * exit price itself; this one is for a cost already fixed in quote — funding at a held mark, borrowing interest, fees
 * already paid. With zero fees and `cost = quantity × entry × n·F` (n fundings at rate F on the entry notional, a
 * long's cost, or minus a short's income), both give `entry × (1 + n·F)`.
 * Source: linear PnL `(exit − entry) × quantity` for a long, `(entry − exit) × quantity` for a short, Binance Futures
 * calculator, https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError for a non-positive quantity or entry price, or a cost beyond ±10^15.
 * @example breakEvenMove({ side: 'long', quantity: '0.5', entryPrice: 60000, cost: 90 }) // move 180, fraction 0.003, price 60180
 */
export function breakEvenMove(input: { side: Side; quantity: Numeric; entryPrice: Numeric; cost: Numeric }): PriceMove {
  requireInput(input);
  const side = parseSide(input.side);
  const quantity = positive(input.quantity, 'quantity');
  const entry = positive(input.entryPrice, 'entryPrice');
  const cost = inRange(input.cost, 'cost', -1e15, 1e15, { message: 'The cost must be between -10^15 and 10^15.' });
  const perUnit = cost.div(quantity);
  const move = perUnit.isZero() ? ZERO : side === 'long' ? perUnit : perUnit.neg();
  const price = entry.plus(move);
  return { move, fraction: move.div(entry), price: price.gt(0) ? price : null };
}
