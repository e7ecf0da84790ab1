/**
 * Funding versus borrowing: the cost of holding one position for some days as a perpetual (funding) and as spot
 * margin (interest on the loan), the price move each cost needs to break even, and how funding paid out of an
 * isolated position's margin drags its liquidation price towards the entry. Every figure comes from calc's
 * `carryCost`; this module reads the form and shapes the result for the view.
 */
import { carryCost } from '../../calc/index.ts';
import type { Accrual, CarryPoint, Decimal as DecimalT, FundingDrag, Outcome, PriceMove } from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { CarryValues } from './params.ts';

export type { CarryPoint };
/** Where funding leaves the isolated position after the holding period. */
export type ShiftedLiquidation = FundingDrag;
/** A cost turned into the price move that pays for it. */
export type BreakEven = PriceMove;

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
  /** The same as a cost: positive when paid, negative when received. */
  fundingCost: DecimalT;
  /** The size of the funding, whichever way it goes. */
  fundingAmount: DecimalT;
  fundingDirection: 'paid' | 'received' | 'none';
  fundingBreakEven: BreakEven;
  accrual: Accrual;
  /** The amount fees are charged on: size − margin for a long under the hourly rule, otherwise the whole size. */
  principal: DecimalT;
  /** Hours charged (per started hour) or charges made (opening fee plus rollovers). */
  periodsCharged: DecimalT;
  interest: DecimalT;
  borrowBreakEven: BreakEven;
  /** Which way of holding costs less over the period. */
  cheaper: 'spot' | 'perpetual' | 'same';
  /** Maintenance requirement at the entry price. */
  maintenance: DecimalT;
  liquidation: { price: DecimalT | null; distance: DecimalT | null };
  /** Isolated margin after the period's funding: initial margin plus the signed funding total. */
  marginAfter: DecimalT;
  /** How far funding went past the whole margin (0 while some margin is left). */
  shortfall: DecimalT;
  shifted: ShiftedLiquidation;
  /** Days until funding alone has taken the whole margin; `null` when funding is received or zero. */
  marginGoneDays: DecimalT | null;
  /** Days until funding alone brings the margin down to the maintenance requirement; `null` as above. */
  liquidatedByFundingDays: DecimalT | null;
  /** Cumulative costs over time, for the chart (positive = paid, negative = received). */
  curve: CarryPoint[];
  /** The chart's x axis: hours for short holds, days otherwise. */
  chartUnit: 'hours' | 'days';
}

const MAX_DAYS = 3650;

/** Calc input names that can still fail after the model's own checks, mapped to the field a reader can change. */
const FIELD: Record<string, keyof CarryValues> = {
  leverage: 'leverage',
  // The margin is derived from the leverage, so "margin below the maintenance requirement" is the leverage's fault.
  margin: 'leverage',
  maintenanceMarginRate: 'mmr',
  notional: 'size',
  quantity: 'size',
  entryPrice: 'entry',
  price: 'entry',
  markPrice: 'entry',
  fundingRate: 'funding',
  intervalHours: 'interval',
  hours: 'days',
  days: 'days',
  principal: 'size',
  rate: 'borrow',
};
const fieldFor = (f: string): string => FIELD[f] ?? f;

export function computeCarry(v: CarryValues): Outcome<CarryResult> {
  return collectErrors(() => {
    const side = v.side === 'short' ? 'short' : 'long';
    const intervalHours = v.interval === '1' ? 1 : v.interval === '4' ? 4 : 8;
    // Binance charges per started hour; Kraken per 4 hours (opening fee and each rollover).
    const accrual: Accrual = v.accrual === 'rollover' ? 'open-plus-rollover' : 'per-started-hour';

    const size = readNumber(v.size, 'size', { label: 'position size', min: 0, minOpen: true, unit: 'USDT' });
    const entry = readNumber(v.entry, 'entry', { label: 'entry price', min: 0, minOpen: true, unit: 'USDT' });
    const leverage = readNumber(v.leverage, 'leverage', { label: 'leverage' });
    const days = readNumber(v.days, 'days', { label: 'number of days', min: 0, minOpen: true, max: MAX_DAYS });
    const fundingRate = readPercent(v.funding, 'funding', { label: 'funding rate', min: -10, max: 10 });
    const mmr = readPercent(v.mmr, 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 });
    // Only the rule in use is read: the other field is hidden, and an error there would be invisible.
    const borrowRate =
      accrual === 'per-started-hour'
        ? readPercent(v.borrow, 'borrow', { label: 'borrow interest', min: 0, max: 1 })
        : readPercent(v.rollover, 'rollover', { label: 'rollover fee', min: 0, max: 1 });

    const c = carryCost({
      side,
      notional: size,
      entryPrice: entry,
      leverage,
      days,
      fundingRate,
      intervalHours,
      maintenanceMarginRate: mmr,
      borrow: { rate: borrowRate, ratePeriodHours: accrual === 'per-started-hour' ? 1 : 4, accrual, startMinute: 0 },
    });
    const total = c.funding.total;
    const fundingDirection = total.isZero() ? 'none' : total.isNegative() ? 'paid' : 'received';
    const cost = c.funding.cost;
    const interest = c.borrow.interest;

    return {
      side,
      size,
      entry,
      leverage,
      margin: c.margin,
      quantity: c.quantity,
      days,
      hours: c.hours,
      intervalHours,
      payment: c.funding.payment,
      payments: c.funding.payments,
      fundingTotal: total,
      fundingCost: cost,
      fundingAmount: fundingDirection === 'paid' ? cost : total,
      fundingDirection,
      fundingBreakEven: c.funding.breakEven,
      accrual,
      principal: c.borrow.principal,
      periodsCharged: c.borrow.periodsCharged,
      interest,
      borrowBreakEven: c.borrow.breakEven,
      cheaper: cost.gt(interest) ? 'spot' : cost.lt(interest) ? 'perpetual' : 'same',
      maintenance: c.isolated.maintenance,
      liquidation: c.isolated.start,
      marginAfter: c.isolated.marginAfter,
      shortfall: c.isolated.shortfall,
      shifted: c.isolated.after,
      marginGoneDays: c.isolated.marginGoneDays,
      liquidatedByFundingDays: c.isolated.liquidatedByFundingDays,
      curve: c.curve.points,
      chartUnit: c.curve.step === 'hour' ? 'hours' : 'days',
    };
  }, fieldFor);
}
