/** The one configured decimal.js clone used for all money, price and rate arithmetic, and its input parser. */
import DecimalJs from 'decimal.js';
import { CalcInputError, NOT_A_NUMBER, NOT_FINITE, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import { NUMBER_PATTERN } from './numberPattern.ts';

/**
 * The Decimal constructor every calc module uses: 40 significant digits, round half even
 * (banker's rounding, the IEEE 754 default), plain notation for ordinary magnitudes.
 * Nothing else in `src/calc` may call `Decimal.set`; a clone keeps this configuration isolated
 * from any other decimal.js user on the page.
 * @see https://mikemcl.github.io/decimal.js/#Dclone
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -21,
  toExpPos: 21,
});
/** A decimal.js value (any clone's instances share this type). */
export type Decimal = DecimalJs;

/** What a calc function accepts wherever it needs an amount, a price or a rate. */
export type Numeric = number | string | Decimal;

/** The largest absolute value the module accepts (10^15): larger inputs are almost surely typos. */
export const MAX_ABS = new Decimal('1e15');
/** The smallest non-zero absolute value the module accepts (10^-18). */
export const MIN_ABS = new Decimal('1e-18');

/** Decimal 0, shared to avoid re-allocating it. */
export const ZERO = new Decimal(0);
/** Decimal 1, shared to avoid re-allocating it. */
export const ONE = new Decimal(1);

// NUMBER_PATTERN lives in numberPattern.ts, so code that only checks text does not pull in decimal.js.
export { NUMBER_PATTERN };
/** Digits with at most one point: the plain form every form field sends. */
const PLAIN_NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const LABELS: Record<string, string> = {
  quantity: 'Quantity',
  price: 'Price',
  entryPrice: 'Entry price',
  exitPrice: 'Exit price',
  markPrice: 'Mark price',
  stopPrice: 'Stop price',
  targetPrice: 'Target price',
  takeProfitPrice: 'Take-profit price',
  liquidationPrice: 'Liquidation price',
  leverage: 'Leverage',
  margin: 'Margin',
  walletBalance: 'Wallet balance',
  maintenanceMarginRate: 'Maintenance margin rate',
  maintenanceAmount: 'Maintenance amount',
  feeRate: 'Fee rate',
  openFeeRate: 'Opening fee rate',
  closeFeeRate: 'Closing fee rate',
  fundingRate: 'Funding rate',
  premiumIndex: 'Premium index',
  interestRate: 'Interest rate',
  riskFraction: 'Risk fraction',
  roe: 'Return on equity',
};

/**
 * A human label for a field name: `entryPrice` → "Entry price", `otherPositions[0].markPrice` →
 * "Mark price of other position 1".
 */
export function fieldLabel(field: string): string {
  const nested = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(field);
  if (nested) {
    const owner = splitCamel(nested[1]).replace(/s$/, '');
    return `${fieldLabel(nested[3])} of ${owner.toLowerCase()} ${Number(nested[2]) + 1}`;
  }
  return LABELS[field] ?? splitCamel(field);
}

function splitCamel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Parses a number, a numeric string or a Decimal into a finite Decimal of sane magnitude.
 * Accepts `1500`, `'1500'`, `' 0.25 '`, `'1e-4'`, `new Decimal('2')`; rejects `''`, `'abc'`, `'0x10'`,
 * `'1,000'`, `NaN`, `Infinity`, `'1e400'` and anything beyond ±10^15 or closer to zero than 10^-18.
 * @throws CalcInputError `required`, `not_a_number`, `not_finite` or `out_of_range`, naming `field`.
 * @example toDecimal('0.004', 'quantity') // Decimal 0.004
 */
export function toDecimal(value: unknown, field: string): Decimal {
  let result: Decimal;
  if (value instanceof Decimal) {
    // decimal.js clones share one prototype, so this also catches instances of other clones; NaN/±Infinity are rejected.
    if (!value.isFinite()) {
      if (value.isNaN()) throw new CalcInputError(field, NOT_A_NUMBER, `${fieldLabel(field)} must be a number.`);
      throw new CalcInputError(field, NOT_FINITE, `${fieldLabel(field)} must be a finite number.`);
    }
    // Another clone's instance does its arithmetic at its own precision (decimal.js's default is 20 digits): re-wrap
    // it in ours, which copies every digit and does all further arithmetic at 40.
    result = value.constructor === Decimal ? value : new Decimal(value);
  } else if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new CalcInputError(field, NOT_A_NUMBER, `${fieldLabel(field)} must be a number.`);
    if (!Number.isFinite(value))
      throw new CalcInputError(field, NOT_FINITE, `${fieldLabel(field)} must be a finite number.`);
    result = new Decimal(value);
  } else if (typeof value === 'string' && PLAIN_NUMBER.test(value)) {
    // What form fields send: no sign, exponent or spaces to check. Small integers take decimal.js's number path, a
    // sixth of the cost of parsing the string.
    result = value.length <= 7 && !value.includes('.') ? new Decimal(Number(value)) : new Decimal(value);
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') throw new CalcInputError(field, REQUIRED, `${fieldLabel(field)} is required.`);
    if (!NUMBER_PATTERN.test(text)) {
      throw new CalcInputError(field, NOT_A_NUMBER, `${fieldLabel(field)} must be a number, like 1500 or 0.25.`);
    }
    const exponent = text.length > 2 && (text.includes('e') || text.includes('E')) ? /e([+-]?\d+)$/i.exec(text) : null;
    if (exponent && Math.abs(Number(exponent[1])) > 400) {
      throw new CalcInputError(
        field,
        OUT_OF_RANGE,
        `${fieldLabel(field)} is far too large or too small to be a real value.`,
      );
    }
    result = new Decimal(text);
  } else if (value === undefined || value === null) {
    throw new CalcInputError(field, REQUIRED, `${fieldLabel(field)} is required.`);
  } else if (Decimal.isDecimal(value)) {
    const other = value;
    if (other.isNaN()) throw new CalcInputError(field, NOT_A_NUMBER, `${fieldLabel(field)} must be a number.`);
    if (!other.isFinite()) throw new CalcInputError(field, NOT_FINITE, `${fieldLabel(field)} must be a finite number.`);
    result = new Decimal(other);
  } else {
    throw new CalcInputError(field, NOT_A_NUMBER, `${fieldLabel(field)} must be a number, like 1500 or 0.25.`);
  }
  // Cheap exponent test first: only values near the bounds pay for a full comparison.
  if ((result.e >= 15 || result.e <= -18) && !result.isZero()) {
    const abs = result.abs();
    if (abs.gt(MAX_ABS)) {
      throw new CalcInputError(
        field,
        OUT_OF_RANGE,
        `${fieldLabel(field)} is too large: use a value up to 1,000,000,000,000,000.`,
      );
    }
    if (abs.lt(MIN_ABS)) {
      throw new CalcInputError(
        field,
        OUT_OF_RANGE,
        `${fieldLabel(field)} is too small to calculate with: use 0 or a larger value.`,
      );
    }
  }
  return result;
}
