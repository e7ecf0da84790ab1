/**
 * Number formatting for people: Intl.NumberFormat fed with Decimal strings (never floats), so
 * what is shown is exactly what the calculation module computed, rounded only for display.
 */

/** Anything with a toString that yields a plain decimal, such as a decimal.js Decimal. */
export type DecimalLike = { toFixed(dp?: number): string } | string | number;

const LOCALE = 'en-US';

function plain(value: DecimalLike): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('[leverage-lab] cannot format a non-finite number');
    return String(value);
  }
  // Decimal#toFixed() with no argument never uses exponent notation.
  return typeof value === 'string' ? value : value.toFixed();
}

// Building a formatter is far slower than using one, and a widget formats hundreds of numbers.
const formatters = new Map<string, Intl.NumberFormat>();

// Intl.NumberFormat accepts decimal strings and keeps their precision (ECMA-402 NumberFormat v3).
function fmt(value: DecimalLike, options: Intl.NumberFormatOptions): string {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, options);
    formatters.set(key, formatter);
  }
  return formatter.format(plain(value) as unknown as number);
}

export interface MoneyOptions {
  /** Currency or coin shown after the number: USDT, USD, BTC… */
  unit: string;
  /** Fraction digits; default 2, or 6 for coins (BTC, ETH, SOL). */
  digits?: number;
  /** Show a + sign on gains. */
  signed?: boolean;
}

const COIN_UNITS = new Set(['BTC', 'ETH', 'SOL']);

/** "1,234.50 USDT", "-0.004120 BTC". */
export function formatMoney(value: DecimalLike, { unit, digits, signed = false }: MoneyOptions): string {
  const d = digits ?? (COIN_UNITS.has(unit) ? 6 : 2);
  const n = fmt(value, {
    minimumFractionDigits: d,
    maximumFractionDigits: d,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
  return `${n} ${unit}`;
}

/** "$1,234.50" for plain US-dollar amounts in prose. */
export function formatUsd(value: DecimalLike, { digits = 2, signed = false } = {}): string {
  return fmt(value, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

/** A price: at least 2 and at most `digits` fraction digits. */
export function formatPrice(value: DecimalLike, { unit = 'USDT', digits = 2 } = {}): string {
  return `${fmt(value, { minimumFractionDigits: Math.min(2, digits), maximumFractionDigits: digits })} ${unit}`;
}

/** A fraction shown as a percentage: 0.0964 → "9.64%". */
export function formatPercent(fraction: DecimalLike, { digits = 2, signed = false } = {}): string {
  return fmt(fraction, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  });
}

/**
 * A fraction as a plain number of percent for a chart axis: 0.0964 → 9.64. Only for drawing (Chart.js takes floats);
 * text uses {@link formatPercent}. A decimal string is read with its exponent raised by two ("0.0964e2"), so the
 * result is the nearest float to the exact percentage, with no multiplication residue.
 */
export function percentPoints(fraction: DecimalLike): number {
  if (typeof fraction === 'number') return fraction * 100;
  return Number(`${plain(fraction)}e2`);
}

/** A leverage or any multiple: 10 → "10x". */
export function formatMultiple(value: DecimalLike, { digits = 2 } = {}): string {
  return `${fmt(value, { maximumFractionDigits: digits })}x`;
}

/** A bare number with grouping: 10000 → "10,000". */
export function formatNumber(value: DecimalLike, { digits = 2 } = {}): string {
  return fmt(value, { maximumFractionDigits: digits });
}

export type FormatKind = 'money' | 'usd' | 'price' | 'percent' | 'multiple' | 'number';

export interface FormatSpec {
  kind: FormatKind;
  unit?: string;
  digits?: number;
  signed?: boolean;
}

/** One entry point for components that receive the format as data (MDX, embeds). */
export function formatValue(value: DecimalLike, spec: FormatSpec): string {
  const base = { ...(spec.digits !== undefined ? { digits: spec.digits } : {}), signed: spec.signed ?? false };
  switch (spec.kind) {
    case 'money':
      return formatMoney(value, { unit: spec.unit ?? 'USDT', ...base });
    case 'usd':
      return formatUsd(value, base);
    case 'price':
      return formatPrice(value, {
        unit: spec.unit ?? 'USDT',
        ...(spec.digits !== undefined ? { digits: spec.digits } : {}),
      });
    case 'percent':
      return formatPercent(value, base);
    case 'multiple':
      return formatMultiple(value, spec.digits !== undefined ? { digits: spec.digits } : {});
    case 'number':
      return formatNumber(value, spec.digits !== undefined ? { digits: spec.digits } : {});
  }
}
