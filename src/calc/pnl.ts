/** Profit and loss, return on equity and the exit price for a wanted return, for linear and inverse contracts. */
import { Decimal, type Numeric, ONE, ZERO, toDecimal } from './decimal.ts';
import { CalcInputError, MUST_BE_POSITIVE } from './errors.ts';
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
  parseOption,
  parseSide,
  positive,
  quantityOf,
  requireInput,
  sideSign,
} from './validate.ts';

/** PnL from validated Decimals: linear `s·q·(exit − entry)`, inverse `s·q·(1/entry − 1/exit)`. */
export function pnlOf(side: Side, contract: Contract, quantity: Decimal, entry: Decimal, exit: Decimal): Decimal {
  const s = sideSign(side);
  const raw = contract === 'linear' ? exit.minus(entry).times(quantity) : quantity.div(entry).minus(quantity.div(exit));
  return s === 1 ? raw : raw.neg();
}

/**
 * Profit or loss of closing a position. Linear: `s × quantity × (exit − entry)` in quote;
 * inverse: `s × quantity × (1/entry − 1/exit)` in coin (`s` = +1 long, −1 short). Leverage does not enter.
 * Source: Binance Futures calculator, "Long = (Exit Price − Entry Price) × Quantity … PNL = Trade Direction × Qty ×
 * contract_multiplier × (1 / Entry Price − 1 / Exit Price)",
 * https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError for a missing side or a non-positive quantity or price.
 * @example pnl({ side: 'long', quantity: 0.004, entryPrice: 60000, exitPrice: 60100 }) // 0.4
 */
export function pnl(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  entryPrice: Numeric;
  exitPrice: Numeric;
}): Decimal {
  requireInput(input);
  const contract = parseContract(input.contract);
  return pnlOf(
    parseSide(input.side),
    contract,
    quantityOf(contract, input.quantity),
    positive(input.entryPrice, 'entryPrice'),
    positive(input.exitPrice, 'exitPrice'),
  );
}

/**
 * Return on equity: `PnL / initial margin`, a fraction (0.5 = 50 %). Initial margin is `notional / leverage` at the entry
 * price (`marginBasis: 'entry'`, default) or at the exit price (`'exit'`), the basis of Binance's published
 * linear formula `ROE = side × (1 − entry / exit) / IMR`. (For inverse contracts Binance's formula equals the entry basis.)
 * Source: https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError as {@link pnl}, and for leverage outside 1…maxLeverage (default 200).
 * @example roe({ side: 'long', quantity: 1, entryPrice: 10000, exitPrice: 11000, leverage: 10 }) // 1 (100 %)
 */
export function roe(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  entryPrice: Numeric;
  exitPrice: Numeric;
  leverage: Numeric;
  marginBasis?: 'entry' | 'exit';
  maxLeverage?: Numeric;
}): Decimal {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const quantity = quantityOf(contract, input.quantity);
  const entry = positive(input.entryPrice, 'entryPrice');
  const exit = positive(input.exitPrice, 'exitPrice');
  const lev = parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage));
  const basis = parseOption(input.marginBasis, 'marginBasis', ['entry', 'exit'] as const, 'entry');
  const margin = notionalOf(contract, quantity, basis === 'entry' ? entry : exit).div(lev);
  return pnlOf(side, contract, quantity, entry, exit).div(margin);
}

/**
 * Exit price that yields a wanted ROE (margin at entry). Linear: `entry × (1 + s × roe / L)`;
 * inverse: `entry / (1 − s × roe / L)` (Binance: `Target Price = side × entry / (side − ROE × IMR)`).
 * Source: Binance Futures calculator, "Long target price = Entry Price × (ROI% / Leverage + 1); Short target price =
 * Entry Price × (1 − ROI% / Leverage)", https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError `out_of_range` for an ROE below −100 % (more than the margin), `inconsistent` when no
 *   positive price gives that return (e.g. a short asking for more than L × 100 %).
 * @example targetPrice({ side: 'long', entryPrice: 10000, leverage: 10, roe: 0.5 }) // 10500
 */
export function targetPrice(input: {
  side: Side;
  entryPrice: Numeric;
  leverage: Numeric;
  roe: Numeric;
  contract?: Contract;
  maxLeverage?: Numeric;
}): Decimal {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const entry = positive(input.entryPrice, 'entryPrice');
  const lev = parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage));
  const wanted = inRange(input.roe, 'roe', -1, 1000, {
    message: 'The wanted return must be between -1 (losing the whole margin) and 1000.',
  });
  const move = wanted.div(lev).times(sideSign(side));
  if (contract === 'linear') {
    const price = entry.times(ONE.plus(move));
    ensure(
      price.gt(0),
      'roe',
      'No positive price gives that return: a short cannot gain more than its leverage × 100 %.',
    );
    return price;
  }
  const denominator = ONE.minus(move);
  ensure(
    denominator.gt(0),
    'roe',
    'No price gives that return: a coin-margined long cannot gain leverage × 100 % or more.',
  );
  return entry.div(denominator);
}

/**
 * Percentage move from one value to another, as a fraction: `(to − from) / from` (0.05 = a 5 % rise, −0.1 = a 10 %
 * fall). Unitless; `from` and `to` in the same unit (prices, balances). Use it for "the price moved X %" rather than
 * an ROE at 1x.
 * Source: percentage change, Investopedia, https://www.investopedia.com/terms/p/percentage-change.asp
 * @throws CalcInputError `from` `must_be_positive` unless above zero; `to` as any finite number.
 * @example percentMove({ from: 60000, to: 63000 }) // 0.05
 */
export function percentMove(input: { from: Numeric; to: Numeric }): Decimal {
  requireInput(input);
  const from = toDecimal(input.from, 'from');
  if (from.s !== 1 || from.isZero()) {
    throw new CalcInputError('from', MUST_BE_POSITIVE, 'The starting value must be greater than zero.');
  }
  return toDecimal(input.to, 'to').minus(from).div(from);
}

/**
 * PnL of a round trip with its fees: `pnl` as {@link pnl}, `openFee = openFeeRate × notional at entry`,
 * `closeFee = closeFeeRate × notional at exit`, `fees = openFee + closeFee`, `net = pnl − fees` (quote for linear,
 * coin for inverse). Fees are on notional, never on margin, so leverage does not enter.
 * Source: Binance Futures calculator (PnL), https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511 ;
 * fees on position value: Bybit, https://www.kbybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
 * @throws CalcInputError as {@link pnl}, and for a fee rate outside 0…0.1 (each defaults to 0).
 * @example netPnl({ side: 'long', quantity: 1, entryPrice: 60000, exitPrice: 63000, openFeeRate: 0.0005,
 *   closeFeeRate: 0.0005 }) // pnl 3000, fees 30 + 31.5 = 61.5, net 2938.5
 */
export function netPnl(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  entryPrice: Numeric;
  exitPrice: Numeric;
  openFeeRate?: Numeric;
  closeFeeRate?: Numeric;
}): { pnl: Decimal; openFee: Decimal; closeFee: Decimal; fees: Decimal; net: Decimal } {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const quantity = quantityOf(contract, input.quantity);
  const entry = positive(input.entryPrice, 'entryPrice');
  const exit = positive(input.exitPrice, 'exitPrice');
  const openFee = notionalOf(contract, quantity, entry).times(feeRate(input.openFeeRate, 'openFeeRate', ZERO));
  const closeFee = notionalOf(contract, quantity, exit).times(feeRate(input.closeFeeRate, 'closeFeeRate', ZERO));
  const gross = pnlOf(side, contract, quantity, entry, exit);
  const fees = openFee.plus(closeFee);
  return { pnl: gross, openFee, closeFee, fees, net: gross.minus(fees) };
}

/**
 * PnL at evenly spaced exit prices, for a chart: `points` prices (default 41) from `low = max(E − span, 0.01 × E)` to
 * `high = E + span`, with `span = max(1.6 × E / L, 1.2 × |exit − E|)`, so the line runs past the bankruptcy price
 * (`E × (1 ∓ 1/L)` for a linear position) and past the chosen exit; each point is `{ price, pnl }` with `pnl` as
 * {@link pnl} (quote for linear, coin for inverse). Prices in quote.
 * Source: PnL formula of the Binance Futures calculator,
 * https://binance.com/fr/support/faq/how-to-use-the-binance-futures-calculator-360036498511
 * @throws CalcInputError as {@link pnl}, for leverage outside 1…maxLeverage, and `points` `out_of_range` unless a
 *   whole number from 2 to 1000.
 * @example pnlCurve({ side: 'long', quantity: 1, entryPrice: 100, leverage: 10, exitPrice: 105 })[0] // price 84, pnl −16
 */
export function pnlCurve(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  entryPrice: Numeric;
  exitPrice: Numeric;
  leverage: Numeric;
  points?: Numeric;
  maxLeverage?: Numeric;
}): { price: Decimal; pnl: Decimal }[] {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const quantity = quantityOf(contract, input.quantity);
  const entry = positive(input.entryPrice, 'entryPrice');
  const exit = positive(input.exitPrice, 'exitPrice');
  const lev = parseLeverage(input.leverage, maxLeverageOf(input.maxLeverage));
  const points = integer(input.points, 'points', 2, 1000, 41);
  const span = Decimal.max(entry.div(lev).times('1.6'), exit.minus(entry).abs().times('1.2'));
  const low = Decimal.max(entry.minus(span), entry.times('0.01'));
  const step = entry
    .plus(span)
    .minus(low)
    .div(points - 1);
  const curve: { price: Decimal; pnl: Decimal }[] = [];
  for (let i = 0; i < points; i++) {
    const price = low.plus(step.times(i));
    curve.push({ price, pnl: pnlOf(side, contract, quantity, entry, price) });
  }
  return curve;
}
