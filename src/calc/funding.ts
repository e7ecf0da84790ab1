/** Perpetual funding: the rate from the premium index, the signed payment, and payments over a holding period. */
import { Decimal, type Numeric, ZERO } from './decimal.ts';
import { CalcInputError, OUT_OF_RANGE } from './errors.ts';
import { notionalOf } from './size.ts';
import {
  type Contract,
  type Side,
  inRange,
  nonNegative,
  parseContract,
  parseSide,
  positive,
  quantityOf,
  requireInput,
  sideSign,
} from './validate.ts';

const DEFAULT_INTEREST = new Decimal('0.0001');
const DEFAULT_BAND = new Decimal('0.0005');

/**
 * Funding rate per interval: `F = P + clamp(I − P, −band, +band)`, then `clamp(F, −cap, +cap)` when a cap is given.
 * Defaults: `I = 0.0001` (0.01 % per 8 h), band `0.0005`, no cap. `interestRate: 0` / `clampBand: 0` are valid.
 * Source: Binance/Gate "Funding Rate = Premium Index + clamp(Interest Rate − Premium Index, 0.05 %, −0.05 %)",
 * https://gate.io/futures/introduction/funding-rate-history ; Hyperliquid cap 4 %/h,
 * https://hyperliquid-co.gitbook.io/community-docs/technology-breakdown/hyperliquid-l1/dex/clearinghouse/funding
 * @throws CalcInputError for a premium index outside −1…1, an interest rate outside −0.01…0.01, a negative band or cap.
 * @example fundingRate({ premiumIndex: 0.0003 }) // 0.0001 (the clamp pulls it back to the interest rate)
 */
export function fundingRate(input: {
  premiumIndex: Numeric;
  interestRate?: Numeric;
  clampBand?: Numeric;
  cap?: Numeric;
}): Decimal {
  requireInput(input);
  const premium = inRange(input.premiumIndex, 'premiumIndex', -1, 1);
  const interest = inRange(input.interestRate, 'interestRate', -0.01, 0.01, { fallback: DEFAULT_INTEREST });
  const band = inRange(input.clampBand, 'clampBand', 0, 1, { fallback: DEFAULT_BAND });
  const gap = Decimal.max(band.neg(), Decimal.min(band, interest.minus(premium)));
  let rate = premium.plus(gap);
  if (input.cap !== undefined && input.cap !== null) {
    const cap = nonNegative(input.cap, 'cap');
    rate = Decimal.max(cap.neg(), Decimal.min(cap, rate));
  }
  return rate.isZero() ? ZERO : rate;
}

/**
 * One funding payment, signed from the trader's side: `−s × notional(mark) × F` (negative = the trader pays).
 * Positive rate: longs pay, shorts receive. Leverage does not enter. Linear in quote, inverse in coin.
 * Source: "Funding Amount = Nominal Position Value × Funding Rate", https://support.global.hashkey.com/hc/en-us/articles/14205661959708-Funding-Rate-Overview
 * @throws CalcInputError for non-positive quantity/mark price or a rate outside −0.1…0.1.
 * @example fundingPayment({ side: 'long', quantity: 1, markPrice: 20000, fundingRate: 0.0001 }) // −2
 */
export function fundingPayment(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  markPrice: Numeric;
  fundingRate: Numeric;
}): Decimal {
  requireInput(input);
  const side = parseSide(input.side);
  const contract = parseContract(input.contract);
  const value = notionalOf(contract, quantityOf(contract, input.quantity), positive(input.markPrice, 'markPrice'));
  const rate = inRange(input.fundingRate, 'fundingRate', -0.1, 0.1, {
    message: 'The funding rate must be a fraction between -0.1 and 0.1, for example 0.0001 for 0.01 %.',
  });
  const paid = value.times(rate);
  if (paid.isZero()) return ZERO;
  return sideSign(side) === 1 ? paid.neg() : paid;
}

/**
 * Funding over a holding period at a fixed rate and mark: `floor(hours / intervalHours)` payments of
 * {@link fundingPayment} (a funding time exactly at the end counts). Intervals: 8 h (Binance, Bybit), 4 h, 1 h (Hyperliquid).
 * Source: Binance funding every 8 h ("0.01 % × 3 a day"), https://support.global.hashkey.com/hc/en-us/articles/14205661959708-Funding-Rate-Overview
 * @throws CalcInputError as {@link fundingPayment}, for an interval outside (0, 24] h, hours outside 0…87,600 (10 years),
 *   or more than 100,000 payments.
 * @example fundingOverTime({ side: 'long', quantity: 1, markPrice: 20000, fundingRate: 0.0001, intervalHours: 8, hours: 24 }).total // −6
 */
export function fundingOverTime(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  markPrice: Numeric;
  fundingRate: Numeric;
  intervalHours: Numeric;
  hours: Numeric;
}): { payments: Decimal[]; total: Decimal } {
  requireInput(input);
  const payment = fundingPayment(input);
  const interval = inRange(input.intervalHours, 'intervalHours', 0, 24, {
    minOpen: true,
    message: 'The funding interval must be more than 0 and at most 24 hours (usually 8, 4 or 1).',
  });
  const hours = inRange(input.hours, 'hours', 0, 87600, {
    message: 'Hours held must be between 0 and 87,600 (10 years).',
  });
  const intervals = hours.div(interval).floor();
  if (intervals.gt(100000)) {
    throw new CalcInputError(
      'intervalHours',
      OUT_OF_RANGE,
      'That is more than 100,000 funding payments: use a longer interval or fewer hours.',
    );
  }
  const count = intervals.toNumber();
  const payments = new Array<Decimal>(count).fill(payment);
  return { payments, total: payment.times(count) };
}
