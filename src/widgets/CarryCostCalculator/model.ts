/**
 * Funding versus borrowing: the cost of holding one position for some days as a perpetual (funding) and as spot
 * margin (interest on the loan), the price move each cost needs to break even, and how funding paid out of an
 * isolated position's margin drags its liquidation price towards the entry.
 */
import {
  CalcInputError,
  Decimal,
  borrowInterest,
  fundingOverTime,
  fundingPayment,
  initialMargin,
  liquidationPrice,
  maintenanceMargin,
  toDecimal,
} from '../../calc/index.ts';
import type { Accrual, Decimal as DecimalT } from '../../calc/index.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
import type { CarryValues } from './params.ts';

/** Cumulative costs at one moment (positive = paid, negative = received). */
export interface CarryPoint {
  hours: DecimalT;
  funding: DecimalT;
  borrow: DecimalT;
}

/** Where funding leaves the isolated position after the holding period. */
export type ShiftedLiquidation =
  | { state: 'price'; price: DecimalT | null; distance: DecimalT | null }
  /** Margin left, but no more than the maintenance requirement: liquidated even if the price never moved. */
  | { state: 'at-entry' }
  /** Funding took all the margin (and more). */
  | { state: 'gone' };

/** A cost turned into the price move that pays for it. */
export interface BreakEven {
  /** Price move in USDT, signed in the price's direction (up for a long that pays, down for a short that pays). */
  move: DecimalT;
  /** The same move as a fraction of the entry price. */
  fraction: DecimalT;
  /** The price to reach; `null` when no positive price covers the cost (a short paying more than the entry price). */
  price: DecimalT | null;
}

export interface CarryResult {
  side: 'long' | 'short';
  size: DecimalT;
  entry: DecimalT;
  leverage: DecimalT;
  margin: DecimalT;
  quantity: DecimalT;
  days: DecimalT;
  hours: DecimalT;
  intervalHours: number;
  /** One funding payment, signed from the trader's side (negative = paid). */
  payment: DecimalT;
  payments: number;
  /** All funding over the period, signed from the trader's side (negative = paid). */
  fundingTotal: DecimalT;
  fundingDirection: 'paid' | 'received' | 'none';
  fundingBreakEven: BreakEven;
  accrual: Accrual;
  /** The amount fees are charged on: size − margin for a long under the hourly rule, otherwise the whole size. */
  principal: DecimalT;
  /** Hours charged (per started hour) or charges made (opening fee plus rollovers). */
  periodsCharged: DecimalT;
  interest: DecimalT;
  borrowBreakEven: BreakEven;
  /** Maintenance requirement at the entry price. */
  maintenance: DecimalT;
  liquidation: { price: DecimalT | null; distance: DecimalT | null };
  /** Isolated margin after the period's funding: initial margin plus the signed funding total. */
  marginAfter: DecimalT;
  shifted: ShiftedLiquidation;
  /** Days until funding alone has taken the whole margin; `null` when funding is received or zero. */
  marginGoneDays: DecimalT | null;
  /** Days until funding alone brings the margin down to the maintenance requirement; `null` as above. */
  liquidatedByFundingDays: DecimalT | null;
  /** Cumulative costs over time, for the chart. */
  curve: CarryPoint[];
  /** The chart's x axis: hours for short holds, days otherwise. */
  chartUnit: 'hours' | 'days';
}

const MAX_DAYS = 3650;
const CURVE_SAMPLES = 30;
const HOURLY_CURVE_UP_TO = 72;

/** Calc input names that can still fail after the model's own checks, mapped to the field a reader can change. */
const FIELD: Record<string, keyof CarryValues> = {
  leverage: 'leverage',
  // The margin is derived from the leverage, so "margin below the maintenance requirement" is the leverage's fault.
  margin: 'leverage',
  maintenanceMarginRate: 'mmr',
  quantity: 'size',
  entryPrice: 'entry',
  price: 'entry',
  markPrice: 'entry',
  fundingRate: 'funding',
  intervalHours: 'interval',
  hours: 'days',
  principal: 'size',
  rate: 'borrow',
};
const fieldFor = (f: string): string => FIELD[f] ?? f;

/** Reads a typed number, with messages that name the field as the reader sees it. */
export function readNumber(raw: string, field: string, label: string): DecimalT {
  try {
    return toDecimal(raw, field);
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    const message =
      error.code === 'required'
        ? `Enter the ${label}.`
        : error.code === 'not_a_number'
          ? `The ${label} must be a number, like 1500 or 0.25.`
          : `The ${label} is far too large or too small to be a real value.`;
    throw new CalcInputError(field, error.code, message);
  }
}

/** A positive amount or price. */
function readPositive(raw: string, field: string, label: string, unit: string): DecimalT {
  const value = readNumber(raw, field, label);
  if (value.lte(0)) throw new CalcInputError(field, 'must_be_positive', `The ${label} must be more than 0 ${unit}.`);
  return value;
}

/** A percentage typed by the reader ("0.01") as a fraction (0.0001), within `[min, max]` percent. */
export function readPercent(raw: string, field: string, label: string, min: number, max: number): DecimalT {
  const value = readNumber(raw, field, label);
  if (value.lt(min) || value.gt(max)) {
    throw new CalcInputError(field, 'out_of_range', `The ${label} must be between ${min}% and ${max}%.`);
  }
  return value.div(100);
}

export function computeCarry(v: CarryValues): ModelOutcome<CarryResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    const intervalHours = v.interval === '1' ? 1 : v.interval === '4' ? 4 : 8;
    const accrual: Accrual = v.accrual === 'rollover' ? 'open-plus-rollover' : 'per-started-hour';

    const size = readPositive(v.size, 'size', 'position size', 'USDT');
    const entry = readPositive(v.entry, 'entry', 'entry price', 'USDT');
    const leverage = readNumber(v.leverage, 'leverage', 'leverage');
    const days = readNumber(v.days, 'days', 'number of days');
    if (days.lte(0) || days.gt(MAX_DAYS)) {
      throw new CalcInputError('days', 'out_of_range', `The days held must be more than 0 and at most ${MAX_DAYS}.`);
    }
    const fundingRate = readPercent(v.funding, 'funding', 'funding rate', -10, 10);
    const mmr = readPercent(v.mmr, 'mmr', 'maintenance margin rate', 0, 50);
    // Only the rule in use is read: the other field is hidden, and an error there would be invisible.
    // Binance charges per hour; Kraken per 4 hours (opening fee and each rollover).
    const borrowRate =
      accrual === 'per-started-hour'
        ? readPercent(v.borrow, 'borrow', 'borrow interest', 0, 1)
        : readPercent(v.rollover, 'rollover', 'rollover fee', 0, 1);
    const ratePeriodHours = accrual === 'per-started-hour' ? 1 : 4;

    // The position: size at entry; quantity is a unit change, margin comes from calc (which also checks the leverage).
    const quantity = size.div(entry);
    const margin = initialMargin({ quantity, price: entry, leverage });
    const hours = days.times(24);

    // Perpetual: funding at a constant rate, mark price held at entry.
    const perp = { side, quantity, markPrice: entry, fundingRate, intervalHours } as const;
    const payment = fundingPayment(perp);
    const funding = fundingOverTime({ ...perp, hours });
    const fundingTotal = funding.total;

    // Spot margin: a long borrows the quote it does not put up; a short borrows the whole position's worth of coin.
    // Kraken charges its opening and rollover fees on the position's full cost; Binance's hourly
    // interest is on what is actually borrowed, which for a long is the size less your margin.
    const principal = accrual === 'open-plus-rollover' || side === 'short' ? size : size.minus(margin);
    const loan = { principal, rate: borrowRate, ratePeriodHours, accrual, startMinute: 0 } as const;
    const borrowed = borrowInterest({ ...loan, hours });

    // Isolated margin: funding settles against it, so the liquidation price drifts.
    const isolated = { side, quantity, entryPrice: entry, marginMode: 'isolated', maintenanceMarginRate: mmr } as const;
    const start = liquidationPrice({ ...isolated, margin });
    const maintenance = maintenanceMargin({ quantity, price: entry, maintenanceMarginRate: mmr });
    const marginAfter = margin.plus(fundingTotal);
    let shifted: ShiftedLiquidation;
    if (marginAfter.lte(0)) shifted = { state: 'gone' };
    else if (marginAfter.lte(maintenance)) shifted = { state: 'at-entry' };
    else {
      const after = liquidationPrice({ ...isolated, margin: marginAfter });
      shifted = { state: 'price', price: after.price, distance: after.distance };
    }

    // Payments needed to eat a given amount of margin, at the constant rate: ceil(amount / |payment|).
    const daysToEat = (amount: DecimalT): DecimalT | null =>
      payment.gte(0) ? null : amount.div(payment.neg()).ceil().times(intervalHours).div(24);

    return {
      side,
      size,
      entry,
      leverage,
      margin,
      quantity,
      days,
      hours,
      intervalHours,
      payment,
      payments: funding.payments.length,
      fundingTotal,
      fundingDirection: fundingTotal.isZero() ? 'none' : fundingTotal.isNeg() ? 'paid' : 'received',
      fundingBreakEven: breakEven(side, entry, quantity, fundingTotal.neg()),
      accrual,
      principal,
      periodsCharged: borrowed.periodsCharged,
      interest: borrowed.interest,
      borrowBreakEven: breakEven(side, entry, quantity, borrowed.interest),
      maintenance,
      liquidation: { price: start.price, distance: start.distance },
      marginAfter,
      shifted,
      marginGoneDays: daysToEat(margin),
      liquidatedByFundingDays: daysToEat(margin.minus(maintenance)),
      ...costCurve(hours, (h) => ({
        // Every payment is the same (constant rate and mark), so the total at h is one payment × the
        // funding times passed: what fundingOverTime sums, without building the list at each of the points.
        funding: payment.times(h.div(intervalHours).floor()).neg(),
        borrow: borrowInterest({ ...loan, hours: h }).interest,
      })),
    };
  }, fieldFor);
}

/** The price move that pays a cost (negative cost = money received, a cushion): cost / quantity, away from the loss. */
function breakEven(side: 'long' | 'short', entry: DecimalT, quantity: DecimalT, cost: DecimalT): BreakEven {
  const move = side === 'long' ? cost.div(quantity) : cost.div(quantity).neg();
  const price = entry.plus(move);
  return { move, fraction: move.div(entry), price: price.gt(0) ? price : null };
}

/** Cumulative costs at each whole hour for short holds, else at 30 even steps; the end is always included. */
function costCurve(
  hours: DecimalT,
  at: (hours: DecimalT) => { funding: DecimalT; borrow: DecimalT },
): { curve: CarryPoint[]; chartUnit: 'hours' | 'days' } {
  const hourly = hours.lte(HOURLY_CURVE_UP_TO);
  const times: DecimalT[] = [];
  if (hourly) {
    for (let h = 0; hours.gt(h); h++) times.push(new Decimal(h));
    times.push(hours);
  } else {
    for (let i = 0; i <= CURVE_SAMPLES; i++) times.push(hours.times(i).div(CURVE_SAMPLES));
  }
  return { curve: times.map((t) => ({ hours: t, ...at(t) })), chartUnit: hourly ? 'hours' : 'days' };
}
