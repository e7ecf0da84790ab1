/**
 * Other leveraged products, beside the futures the rest of calc covers: a coin-margined position valued in dollars
 * (the double exposure of a coin-margined long), a bought option at expiry (a capped loss), and an account's free
 * margin.
 */
import { Decimal, type Numeric, ZERO } from './decimal.ts';
import { pnlOf } from './pnl.ts';
import {
  type Side,
  nonNegative,
  parseOption,
  parseSide,
  positive,
  quantityOf,
  requireInput,
  signed,
} from './validate.ts';

/** A coin-margined position's equity, in coin and in dollars. */
export interface CoinMarginedValue {
  /** The position's PnL in coin: `s × q × (1/E − 1/P)`. */
  pnl: Decimal;
  /** Margin plus PnL, in coin. */
  equity: Decimal;
  /** That equity in dollars at the exit price: `equity × P`. */
  equityUsd: Decimal;
  /** The margin's dollar value at entry: `margin × E`. */
  startUsd: Decimal;
  /** The dollar change of the whole account, as a fraction of `startUsd` (−0.5 = half the dollars gone). */
  usdChange: Decimal;
}

/**
 * A coin-margined (inverse) position with `margin` coins posted, valued in dollars: PnL in coin
 * `s × q × (1/E − 1/P)` ({@link pnl}, `q` the USD face value), equity `margin + PnL` in coin, and in dollars
 * `(margin + PnL) × P`. The margin is itself the coin, so a long loses twice when the price falls (its PnL in coin and
 * the coin's price), and a 1x short of the margin's own value keeps the dollar value flat.
 * Source: Bybit, "What is Inverse Contract?" ("Traders are naturally exposed to the market risk of the collateral
 * itself"; "Long Position Profit & Loss = Contract Value × (1/Entry Price − 1/Exit Price)"),
 * https://www.bybit.com/en/help-center/article/What-is-Inverse-Contract
 * @throws CalcInputError a missing side, a quantity below 1 USD, a price or margin not above zero.
 * @example coinMarginedValue({ side: 'long', quantity: 60000, entryPrice: 60000, exitPrice: 45000, margin: 1 })
 *   // pnl −1/3 BTC, equity 2/3 BTC, equityUsd 30000, startUsd 60000, usdChange −0.5
 */
export function coinMarginedValue(input: {
  side: Side;
  quantity: Numeric;
  entryPrice: Numeric;
  exitPrice: Numeric;
  margin: Numeric;
}): CoinMarginedValue {
  requireInput(input);
  const side = parseSide(input.side);
  const quantity = quantityOf('inverse', input.quantity);
  const entry = positive(input.entryPrice, 'entryPrice');
  const exit = positive(input.exitPrice, 'exitPrice');
  const margin = positive(input.margin, 'margin');
  const pnl = pnlOf(side, 'inverse', quantity, entry, exit);
  const equity = margin.plus(pnl);
  const equityUsd = equity.times(exit);
  const startUsd = margin.times(entry);
  return { pnl, equity, equityUsd, startUsd, usdChange: equityUsd.minus(startUsd).div(startUsd) };
}

/** A bought option at expiry. */
export interface OptionAtExpiry {
  /** What the option pays at expiry: call `q × max(P − K, 0)`, put `q × max(K − P, 0)`. */
  payoff: Decimal;
  /** Payoff minus the premium paid, `q × premium`. */
  pnl: Decimal;
  /** The most the buyer can lose: the premium paid, `q × premium`. */
  maxLoss: Decimal;
  /** The price at expiry where the PnL is zero: call `K + premium`, put `K − premium` (may be ≤ 0 for a put). */
  breakEven: Decimal;
}

/**
 * A bought (long) call or put held to expiry: payoff call `q × max(P − K, 0)`, put `q × max(K − P, 0)`; PnL
 * `payoff − q × premium`; the loss is capped at the premium, `q × premium`, however far the price moves. `premium` is
 * per unit of the underlying (per coin), in the quote currency; `quantity` in units of the underlying (default 1).
 * Source: The Options Clearing Corporation, "Characteristics and Risks of Standardized Options" (the buyer of an option
 * can lose no more than the premium paid), https://www.theocc.com/company-information/documents-and-archives/options-disclosure-document
 * @throws CalcInputError `kind` other than call or put, a strike or price not above zero, a negative premium or
 *   quantity not above zero.
 * @example optionAtExpiry({ kind: 'call', strike: 60000, premium: 3000, price: 70000 }) // payoff 10000, pnl 7000
 */
export function optionAtExpiry(input: {
  kind: 'call' | 'put';
  strike: Numeric;
  premium: Numeric;
  price: Numeric;
  quantity?: Numeric;
}): OptionAtExpiry {
  requireInput(input);
  const kind = parseOption(input.kind, 'kind', ['call', 'put'] as const);
  const strike = positive(input.strike, 'strike');
  const premium = nonNegative(input.premium, 'premium');
  const price = positive(input.price, 'price');
  const quantity = input.quantity === undefined ? new Decimal(1) : positive(input.quantity, 'quantity');
  const intrinsic = kind === 'call' ? price.minus(strike) : strike.minus(price);
  const payoff = Decimal.max(intrinsic, ZERO).times(quantity);
  const maxLoss = premium.times(quantity);
  return {
    payoff,
    pnl: payoff.minus(maxLoss),
    maxLoss,
    breakEven: kind === 'call' ? strike.plus(premium) : strike.minus(premium),
  };
}

/**
 * Free margin: `equity − used margin`, the room left to open new positions (negative when the positions already need
 * more margin than the account holds). Same currency for both.
 * Source: Kraken, "Terminology used on the Overview page" ("Free Margin = equity − used margin"),
 * https://support.kraken.com/hc/en-us/articles/360030886332-Terminology-used-on-the-Overview-page
 * @throws CalcInputError `equity` not a finite number, `usedMargin` negative.
 * @example freeMargin({ equity: 4000, usedMargin: 2000 }) // 2000
 */
export function freeMargin(input: { equity: Numeric; usedMargin: Numeric }): Decimal {
  requireInput(input);
  return signed(input.equity, 'equity').minus(nonNegative(input.usedMargin, 'usedMargin'));
}
