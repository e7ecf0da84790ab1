/** Profit and loss, return on equity and the exit price for a wanted return, for linear and inverse contracts. */
import { Decimal, type Numeric, ONE } from './decimal.ts';
import { notionalOf } from './size.ts';
import {
  type Contract,
  type Side,
  ensure,
  inRange,
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
