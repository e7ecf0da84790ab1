/**
 * Perpetual funding: the rate from the premium index, the signed payment, payments over a holding period, how long
 * funding takes to eat an amount of margin, how it drags an isolated position's liquidation price, and the carry of
 * one position held as a perpetual (funding) against spot margin (interest).
 */
import { type Accrual, borrowInterest } from './borrow.ts';
import { Decimal, type Numeric, ZERO } from './decimal.ts';
import { CalcInputError, OUT_OF_RANGE } from './errors.ts';
import { type PriceMove, breakEvenMove } from './fees.ts';
import { liquidationPrice } from './liquidationPrice.ts';
import { initialMargin, maintenanceMargin, notionalOf } from './size.ts';
import {
  type Contract,
  type Side,
  inRange,
  integer,
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

/** A perpetual position held at a constant funding rate and mark price (the input of the functions below). */
export interface FundingHold {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  markPrice: Numeric;
  /** Rate per interval, a fraction (0.0001 = 0.01 %). */
  fundingRate: Numeric;
  /** Hours between funding times: 8 (Binance, Bybit), 4, 1 (Hyperliquid). */
  intervalHours: Numeric;
}

const HOURS_PER_DAY = new Decimal(24);
const MAX_PAYMENTS = 100000;

/** Validates the interval and hours; returns the interval and `floor(hours / interval)` as a plain number. */
function fundingTimes(intervalHours: unknown, hoursHeld: unknown): { interval: Decimal; count: number } {
  const interval = inRange(intervalHours, 'intervalHours', 0, 24, {
    minOpen: true,
    message: 'The funding interval must be more than 0 and at most 24 hours (usually 8, 4 or 1).',
  });
  const hours = inRange(hoursHeld, 'hours', 0, 87600, {
    message: 'Hours held must be between 0 and 87,600 (10 years).',
  });
  const intervals = hours.div(interval).floor();
  if (intervals.gt(MAX_PAYMENTS)) {
    throw new CalcInputError(
      'intervalHours',
      OUT_OF_RANGE,
      'That is more than 100,000 funding payments: use a longer interval or fewer hours.',
    );
  }
  return { interval, count: intervals.toNumber() };
}

/**
 * Funding over a holding period at a constant rate and mark, without the list of payments:
 * `total = fundingPayment × floor(hours / intervalHours)` (a funding time exactly at the end counts; none is charged
 * at opening). Signed from the trader's side like {@link fundingPayment}: negative = paid. Linear in quote, inverse in coin.
 * Sources: Binance "Funding Amount = Nominal Value of Positions × Funding Rate", paid at 00:00, 08:00 and 16:00 UTC to
 * positions open at those times, https://www.binance.com/en/support/faq/360033525031 ; Bybit, funding exchanged at each
 * settlement time only by positions held then, https://www.bybit.com/en/help-center/article/Introduction-to-Funding-Rate
 * @throws CalcInputError as {@link fundingPayment}, for an interval outside (0, 24] h, hours outside 0…87,600
 *   (10 years), or more than 100,000 payments.
 * @example fundingTotal({ side: 'long', quantity: 1, markPrice: 20000, fundingRate: 0.0001, intervalHours: 8, hours: 24 })
 *   // { payment: −2, payments: 3, total: −6 }
 */
export function fundingTotal(input: FundingHold & { hours: Numeric }): {
  payment: Decimal;
  payments: number;
  total: Decimal;
} {
  requireInput(input);
  const payment = fundingPayment(input);
  const { count } = fundingTimes(input.intervalHours, input.hours);
  return { payment, payments: count, total: count === 0 || payment.isZero() ? ZERO : payment.times(count) };
}

/**
 * Funding over a holding period at a fixed rate and mark: `floor(hours / intervalHours)` payments of
 * {@link fundingPayment} (a funding time exactly at the end counts), and their {@link fundingTotal}.
 * Intervals: 8 h (Binance, Bybit), 4 h, 1 h (Hyperliquid).
 * Source: Binance funding every 8 h ("0.01 % × 3 a day"), https://support.global.hashkey.com/hc/en-us/articles/14205661959708-Funding-Rate-Overview
 * @throws CalcInputError as {@link fundingTotal}.
 * @example fundingOverTime({ side: 'long', quantity: 1, markPrice: 20000, fundingRate: 0.0001, intervalHours: 8, hours: 24 }).total // −6
 */
export function fundingOverTime(input: FundingHold & { hours: Numeric }): { payments: Decimal[]; total: Decimal } {
  const { payment, payments, total } = fundingTotal(input);
  return { payments: new Array<Decimal>(payments).fill(payment), total };
}

/**
 * Days until funding alone has taken `amount` (of margin, say) from a position paying it at a constant rate and mark:
 * `ceil(amount / |payment|) × intervalHours / 24` — funding is taken whole at funding times, so the amount is gone at
 * the first funding time where the payments reach it. `null` when the position receives funding or the rate is zero
 * (funding never takes anything). `amount` is in the payment's currency (quote for linear, coin for inverse); 0 gives 0.
 * Source: payments as {@link fundingTotal} (Binance https://www.binance.com/en/support/faq/360033525031 ; Bybit
 * https://www.bybit.com/en/help-center/article/Introduction-to-Funding-Rate).
 * @throws CalcInputError as {@link fundingPayment}, for an interval outside (0, 24] h, or a negative amount.
 * @example daysUntilFundingTakes({ side: 'long', quantity: 1, markPrice: 10000, fundingRate: 0.001, intervalHours: 8, amount: 2000 })
 *   // 66.666…: 2000 / 10 = 200 payments × 8 h = 1600 h
 */
export function daysUntilFundingTakes(input: FundingHold & { amount: Numeric }): Decimal | null {
  requireInput(input);
  const payment = fundingPayment(input);
  const { interval } = fundingTimes(input.intervalHours, 0);
  const amount = nonNegative(input.amount, 'amount');
  if (!payment.isNegative() || payment.isZero()) return null;
  return amount.div(payment.neg()).ceil().times(interval).div(HOURS_PER_DAY);
}

/** Where funding leaves an isolated position (see {@link isolatedAfterFunding}). */
export type FundingDrag =
  | { state: 'price'; price: Decimal | null; distance: Decimal | null }
  /** Margin left, but no more than the maintenance requirement: liquidated even if the price never moved. */
  | { state: 'at-entry' }
  /** Funding took the whole margin (and more). */
  | { state: 'gone' };

/**
 * An isolated position after funding has been settled against its margin, with the mark held at entry:
 * `marginAfter = margin + funding` (funding signed from the trader's side, as {@link fundingTotal} returns it), the
 * maintenance requirement at entry, and where that leaves the position: `'gone'` when `marginAfter ≤ 0`, `'at-entry'`
 * when `0 < marginAfter ≤ maintenance` (liquidated without any price move), otherwise `'price'` with the
 * {@link liquidationPrice} for `marginAfter`. `shortfall` is how far funding went past the whole margin
 * (`max(0, −marginAfter)`). Paid funding moves the liquidation price towards the entry; received funding away from it.
 * Source: funding is taken from the isolated position margin at each funding time, "bringing the liquidation price
 * closer to the mark price" (Toobit, Position Margin, https://support.toobit.com/hc/en-us/articles/14235573668889-Position-Margin);
 * liquidation price as {@link liquidationPrice} (Binance https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93).
 * @throws CalcInputError as {@link liquidationPrice} for the position, or for a non-positive margin.
 * @example isolatedAfterFunding({ side: 'long', quantity: 1, entryPrice: 10000, margin: 1000, maintenanceMarginRate: 0.005, funding: -100 })
 *   // marginAfter 900, liquidation (10000 − 900) / 0.995 = 9145.73
 */
export function isolatedAfterFunding(input: {
  side: Side;
  contract?: Contract;
  quantity: Numeric;
  entryPrice: Numeric;
  margin: Numeric;
  maintenanceMarginRate: Numeric;
  maintenanceAmount?: Numeric;
  funding: Numeric;
}): { marginAfter: Decimal; maintenance: Decimal; shortfall: Decimal; after: FundingDrag } {
  requireInput(input);
  const margin = positive(input.margin, 'margin');
  const funding = inRange(input.funding, 'funding', -1e15, 1e15);
  const maintenance = maintenanceMargin({
    contract: input.contract,
    quantity: input.quantity,
    price: input.entryPrice,
    maintenanceMarginRate: input.maintenanceMarginRate,
    maintenanceAmount: input.maintenanceAmount,
  });
  const marginAfter = margin.plus(funding);
  const shortfall = marginAfter.isNegative() && !marginAfter.isZero() ? marginAfter.neg() : ZERO;
  if (marginAfter.lte(0)) return { marginAfter, maintenance, shortfall, after: { state: 'gone' } };
  if (marginAfter.lte(maintenance)) return { marginAfter, maintenance, shortfall, after: { state: 'at-entry' } };
  const liquidation = liquidationPrice({
    side: input.side,
    contract: input.contract,
    quantity: input.quantity,
    entryPrice: input.entryPrice,
    marginMode: 'isolated',
    margin: marginAfter,
    maintenanceMarginRate: input.maintenanceMarginRate,
    maintenanceAmount: input.maintenanceAmount,
  });
  return {
    marginAfter,
    maintenance,
    shortfall,
    after: { state: 'price', price: liquidation.price, distance: liquidation.distance },
  };
}

/** Input of {@link carryCost}: one linear (USDT) position, held for some days either way. */
export interface CarryInput {
  side: Side;
  /** Position value at entry, in quote (USDT): the same position whichever way it is held. */
  notional: Numeric;
  entryPrice: Numeric;
  /** Sets the perpetual's isolated margin (`notional / leverage`) and the spot long's own money. */
  leverage: Numeric;
  /** Days held, 0…3,650. */
  days: Numeric;
  /** Perpetual: funding rate per interval (fraction) and the interval in hours; the mark is held at entry. */
  fundingRate: Numeric;
  intervalHours: Numeric;
  /** Perpetual, isolated margin: maintenance rate (fraction). */
  maintenanceMarginRate: Numeric;
  /** Spot margin: the venue's rate per `ratePeriodHours` and its accrual rule (see {@link borrowInterest}). */
  borrow: { rate: Numeric; ratePeriodHours: Numeric; accrual: Accrual; startMinute?: Numeric };
  /** Points of the cost curve: every whole hour when the hold is at most `hourlyUpTo` hours (default 72), else
   *  `samples` even steps (default 30). The end is always a point. */
  curve?: { hourlyUpTo?: Numeric; samples?: Numeric };
}

/** Cumulative carry at one moment: costs positive when paid, negative when received. */
export interface CarryPoint {
  hours: Decimal;
  days: Decimal;
  /** Funding paid so far (−{@link fundingTotal}). */
  funding: Decimal;
  /** Spot-margin interest charged so far. */
  borrow: Decimal;
}

/** Result of {@link carryCost}. */
export interface CarryCost {
  quantity: Decimal;
  /** Isolated margin of the perpetual: `notional / leverage`. */
  margin: Decimal;
  hours: Decimal;
  funding: {
    /** One payment, signed from the trader's side (negative = paid). */
    payment: Decimal;
    payments: number;
    /** All funding over the period, signed from the trader's side (negative = paid). */
    total: Decimal;
    /** The same as a cost: `−total` (positive = paid, negative = received). */
    cost: Decimal;
    /** The price move that pays the funding cost ({@link breakEvenMove}). */
    breakEven: PriceMove;
  };
  borrow: {
    /** What the interest is charged on (see {@link carryCost}). */
    principal: Decimal;
    periodsCharged: Decimal;
    interest: Decimal;
    breakEven: PriceMove;
  };
  isolated: {
    maintenance: Decimal;
    /** Liquidation price at the start. */
    start: { price: Decimal | null; distance: Decimal | null };
    marginAfter: Decimal;
    shortfall: Decimal;
    after: FundingDrag;
    /** Days until funding alone takes the whole margin; `null` when funding is received or zero. */
    marginGoneDays: Decimal | null;
    /** Days until funding alone brings the margin down to the maintenance requirement; `null` as above. */
    liquidatedByFundingDays: Decimal | null;
  };
  curve: { step: 'hour' | 'even'; points: CarryPoint[] };
}

/**
 * The carry of one linear position held for `days` as a perpetual and on spot margin, with the price held at entry.
 * `quantity = notional / entry`, `margin = notional / leverage`, `hours = days × 24`.
 * Perpetual: {@link fundingTotal} over the hours, its {@link breakEvenMove}, and the isolated margin it drags
 * ({@link isolatedAfterFunding}, {@link daysUntilFundingTakes} for the margin and for `margin − maintenance`).
 * Spot margin: {@link borrowInterest} on a principal that follows the venue's rule — `'open-plus-rollover'` (Kraken)
 * charges on the position's full cost, long or short; otherwise interest is on what is borrowed: a long borrows
 * `notional − margin` in quote (nothing at 1x), a short borrows the coin it sells, worth the whole notional.
 * Sources: Binance margin interest on the borrowed amount, https://www.binance.com/en/support/articles/360030157812 ;
 * Kraken opening and rollover fees on the position's cost, https://support.kraken.com/articles/206161568 ; funding as
 * {@link fundingTotal} (https://www.binance.com/en/support/faq/360033525031).
 * @throws CalcInputError for each part's invalid input (field names as in those functions, plus `notional`, `days`).
 * @example carryCost({ side: 'long', notional: 10000, entryPrice: 60000, leverage: 5, days: 30, fundingRate: 0.0001,
 *   intervalHours: 8, maintenanceMarginRate: 0.005, borrow: { rate: 0.000005, ratePeriodHours: 1, accrual: 'per-started-hour' } })
 *   // funding.cost 90 (90 payments of 1), borrow.principal 8000, borrow.interest 28.8 (720 h × 0.04)
 */
export function carryCost(input: CarryInput): CarryCost {
  requireInput(input);
  const side = parseSide(input.side);
  const size = positive(input.notional, 'notional');
  const entry = positive(input.entryPrice, 'entryPrice');
  const days = inRange(input.days, 'days', 0, 3650, { message: 'Days held must be between 0 and 3,650 (10 years).' });
  const quantity = size.div(entry);
  const margin = initialMargin({ quantity, price: entry, leverage: input.leverage });
  const hours = days.times(HOURS_PER_DAY);

  const hold: FundingHold = {
    side,
    quantity,
    markPrice: entry,
    fundingRate: input.fundingRate,
    intervalHours: input.intervalHours,
  };
  const funding = fundingTotal({ ...hold, hours });
  const fundingCost = funding.total.isZero() ? ZERO : funding.total.neg();

  requireInput(input.borrow);
  const loan = { ...input.borrow, principal: spotPrincipal(side, input.borrow.accrual, size, margin) };
  const borrowed = borrowInterest({ ...loan, hours });

  const isolated = {
    side,
    quantity,
    entryPrice: entry,
    marginMode: 'isolated',
    maintenanceMarginRate: input.maintenanceMarginRate,
  } as const;
  const start = liquidationPrice({ ...isolated, margin });
  const drag = isolatedAfterFunding({ ...isolated, margin, funding: funding.total });

  const times = curveTimes(hours, input.curve);
  const points = times.hours.map((h) => {
    const at = fundingTotal({ ...hold, hours: h }).total;
    return {
      hours: h,
      days: h.div(HOURS_PER_DAY),
      funding: at.isZero() ? ZERO : at.neg(),
      borrow: borrowInterest({ ...loan, hours: h }).interest,
    };
  });

  return {
    quantity,
    margin,
    hours,
    funding: {
      payment: funding.payment,
      payments: funding.payments,
      total: funding.total,
      cost: fundingCost,
      breakEven: breakEvenMove({ side, quantity, entryPrice: entry, cost: fundingCost }),
    },
    borrow: {
      principal: loan.principal,
      periodsCharged: borrowed.periodsCharged,
      interest: borrowed.interest,
      breakEven: breakEvenMove({ side, quantity, entryPrice: entry, cost: borrowed.interest }),
    },
    isolated: {
      maintenance: drag.maintenance,
      start: { price: start.price, distance: start.distance },
      marginAfter: drag.marginAfter,
      shortfall: drag.shortfall,
      after: drag.after,
      marginGoneDays: daysUntilFundingTakes({ ...hold, amount: margin }),
      liquidatedByFundingDays: daysUntilFundingTakes({ ...hold, amount: margin.minus(drag.maintenance) }),
    },
    curve: { step: times.step, points },
  };
}

/** What a spot-margin loan for the same position charges interest on (see {@link carryCost}). */
function spotPrincipal(side: Side, accrual: Accrual, size: Decimal, margin: Decimal): Decimal {
  if (accrual === 'open-plus-rollover' || side === 'short') return size;
  return size.minus(margin);
}

/** The hours at which the cost curve is drawn: whole hours (and the end) for short holds, else even steps. */
function curveTimes(hours: Decimal, options: CarryInput['curve'] = {}): { step: 'hour' | 'even'; hours: Decimal[] } {
  const hourlyUpTo = inRange(options.hourlyUpTo, 'hourlyUpTo', 0, 1000, { fallback: new Decimal(72) });
  const samples = integer(options.samples, 'samples', 1, 1000, 30);
  const times: Decimal[] = [];
  if (hours.lte(hourlyUpTo)) {
    for (let h = 0; hours.gt(h); h++) times.push(new Decimal(h));
    times.push(hours);
    return { step: 'hour', hours: times };
  }
  for (let i = 0; i <= samples; i++) times.push(hours.times(i).div(samples));
  return { step: 'even', hours: times };
}
