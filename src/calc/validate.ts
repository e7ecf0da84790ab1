/** Input validation helpers shared by every calc function, so each rule and its message is written once. */
import { Decimal, fieldLabel, toDecimal, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, MUST_BE_POSITIVE, OUT_OF_RANGE, REQUIRED } from './errors.ts';

/** `'long'` profits when the price rises, `'short'` when it falls. */
export type Side = 'long' | 'short';
/** `'linear'`: USDT/USD-margined, quantity in base units; `'inverse'`: coin-margined, quantity = USD face value. */
export type Contract = 'linear' | 'inverse';

/** The default upper bound for leverage when no venue maximum is known. */
export const DEFAULT_MAX_LEVERAGE = 200;

const MAX_FEE_RATE = new Decimal('0.1');
const DEFAULT_MAX = new Decimal(DEFAULT_MAX_LEVERAGE);

/** Ensures the calc input is an object. */
export function requireInput<T>(input: T): T {
  if (input === null || typeof input !== 'object') {
    throw new CalcInputError('input', REQUIRED, 'The calculation needs its inputs.');
  }
  return input;
}

/** `+1` for a long, `-1` for a short. */
export function sideSign(side: Side): 1 | -1 {
  return side === 'long' ? 1 : -1;
}

/** Validates `side` (`'long'` or `'short'`). */
export function parseSide(value: unknown, field = 'side'): Side {
  if (value === 'long' || value === 'short') return value;
  if (value === undefined || value === null || value === '') {
    throw new CalcInputError(field, REQUIRED, 'Choose a side: long or short.');
  }
  throw new CalcInputError(field, OUT_OF_RANGE, 'The side must be long or short.');
}

/** Validates `contract`, defaulting to `'linear'`. */
export function parseContract(value: unknown, field = 'contract'): Contract {
  if (value === undefined || value === null || value === 'linear') return 'linear';
  if (value === 'inverse') return 'inverse';
  throw new CalcInputError(
    field,
    OUT_OF_RANGE,
    'The contract type must be linear (USDT-margined) or inverse (coin-margined).',
  );
}

/** Validates a string option among `options`, defaulting to `fallback` when absent. */
export function parseOption<T extends string>(value: unknown, field: string, options: readonly T[], fallback?: T): T {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  throw new CalcInputError(field, OUT_OF_RANGE, `${fieldLabel(field)} must be one of: ${options.join(', ')}.`);
}

/** A number strictly greater than zero (prices, quantities, balances used as divisors). */
export function positive(value: unknown, field: string): Decimal {
  const d = toDecimal(value, field);
  if (d.s !== 1 || d.isZero())
    throw new CalcInputError(field, MUST_BE_POSITIVE, `${fieldLabel(field)} must be greater than zero.`);
  return d;
}

/**
 * A position quantity: base units for linear contracts; for inverse contracts the USD face value (contracts × contract
 * size), so at least 1 — a value like 0.5 is almost surely a coin amount typed in the wrong unit.
 */
export function quantityOf(contract: Contract, value: unknown, field = 'quantity'): Decimal {
  const d = positive(value, field);
  if (contract === 'inverse' && d.lt(ONE)) {
    throw new CalcInputError(
      field,
      INCONSISTENT,
      'For a coin-margined contract the quantity is in USD (contracts × contract size, e.g. 10000 for 100 BTCUSD contracts), not in coins.',
    );
  }
  return d;
}

/** A number that is zero or more; `fallback` when the value is absent. */
export function nonNegative(value: unknown, field: string, fallback?: Decimal): Decimal {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  const d = toDecimal(value, field);
  if (d.s === -1 && !d.isZero())
    throw new CalcInputError(field, MUST_BE_POSITIVE, `${fieldLabel(field)} cannot be negative.`);
  return d;
}

/** Any finite number (signed amounts such as equity or an unrealised PnL); `fallback` when absent. */
export function signed(value: unknown, field: string, fallback?: Decimal): Decimal {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  return toDecimal(value, field);
}

/** A number within `[min, max]`, either end open when `minOpen` or `maxOpen` says so; `fallback` when absent. */
export function inRange(
  value: unknown,
  field: string,
  min: Decimal | number,
  max: Decimal | number,
  options: { fallback?: Decimal; minOpen?: boolean; maxOpen?: boolean; message?: string | (() => string) } = {},
): Decimal {
  if ((value === undefined || value === null) && options.fallback !== undefined) return options.fallback;
  const d = toDecimal(value, field);
  const tooLow = options.minOpen ? d.lte(min) : d.lt(min);
  const tooHigh = options.maxOpen ? d.gte(max) : d.gt(max);
  if (tooLow || tooHigh) {
    const message = typeof options.message === 'function' ? options.message() : options.message;
    throw new CalcInputError(field, OUT_OF_RANGE, message ?? `${fieldLabel(field)} must be between ${min} and ${max}.`);
  }
  return d;
}

/** A maintenance margin rate: a fraction in `[0, 1)`. */
export function maintenanceRate(value: unknown, field = 'maintenanceMarginRate'): Decimal {
  if (value instanceof Decimal || typeof value === 'string' || typeof value === 'number') {
    const d = toDecimal(value, field);
    // Fast path: a non-negative value with a negative exponent is in [0, 1) without a full comparison.
    if (d.isZero() || (d.s === 1 && d.e < 0)) return d;
  }
  return inRange(value, field, 0, 1, {
    maxOpen: true,
    message: () =>
      `${fieldLabel(field)} must be a fraction from 0 up to (not including) 1, for example 0.004 for 0.4 %.`,
  });
}

/** A trading fee rate: a fraction in `[0, 0.1]`; `fallback` (usually 0) when absent. */
export function feeRate(value: unknown, field: string, fallback?: Decimal): Decimal {
  return inRange(value, field, ZERO, MAX_FEE_RATE, {
    fallback,
    message: () => `${fieldLabel(field)} must be a fraction between 0 and 0.1, for example 0.0005 for 0.05 %.`,
  });
}

/** Leverage between 1 and `max` (200 unless a venue or tier says otherwise). */
export function leverage(value: unknown, max: Decimal | number = DEFAULT_MAX_LEVERAGE, field = 'leverage'): Decimal {
  const d = toDecimal(value, field);
  // Fast path: 1 ≤ d < 100 (exponent 0 or 1) is within range whenever the maximum is at least 100.
  // Zero also has exponent 0 in decimal.js, so it is excluded explicitly.
  if (d.s === 1 && !d.isZero() && (d.e === 0 || d.e === 1) && (typeof max === 'number' ? max >= 100 : max.e >= 2))
    return d;
  if (d.lt(ONE) || d.gt(max)) {
    throw new CalcInputError(
      field,
      OUT_OF_RANGE,
      `${fieldLabel(field)} must be between 1 and ${new Decimal(max).toString()}.`,
    );
  }
  return d;
}

/** An optional venue maximum leverage (≥ 1); the default maximum when absent. */
export function maxLeverageOf(value: unknown, field = 'maxLeverage'): Decimal {
  if (value === undefined || value === null) return DEFAULT_MAX;
  return inRange(value, field, 1, 10000, { message: 'The maximum leverage must be between 1 and 10000.' });
}

/** An integer within `[min, max]`; `fallback` when absent. Returns a plain number. */
export function integer(value: unknown, field: string, min: number, max: number, fallback?: number): number {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  const d = toDecimal(value, field);
  if (!d.isInteger() || d.lt(min) || d.gt(max)) {
    throw new CalcInputError(field, OUT_OF_RANGE, `${fieldLabel(field)} must be a whole number from ${min} to ${max}.`);
  }
  return d.toNumber();
}

/** Throws `inconsistent` with `message` on `field` unless `condition` holds. */
export function ensure(condition: boolean, field: string, message: string): void {
  if (!condition) throw new CalcInputError(field, INCONSISTENT, message);
}

/**
 * Checks the stop sits on the losing side of entry: below for a long, above for a short.
 * @throws CalcInputError `inconsistent` on `stopPrice`.
 */
export function stopOnLosingSide(side: Side, entry: Decimal, stop: Decimal, field = 'stopPrice'): void {
  if (side === 'long') ensure(stop.lt(entry), field, 'For a long, the stop must be below the entry price.');
  else ensure(stop.gt(entry), field, 'For a short, the stop must be above the entry price.');
}
