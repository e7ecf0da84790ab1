/**
 * The one reader of numbers people type: form fields, URL parameters, quiz answers and CSV cells all come through
 * here. Every pattern is linear in the input's length and every input is capped in length before it is matched, so a
 * pasted novel costs no more than a short number. Messages name the field as the reader sees it ("the entry price")
 * and say what to type instead.
 */
import { CalcInputError, Decimal, NUMBER_PATTERN, toDecimal } from '../calc/index.ts';
import type { Decimal as DecimalT, Outcome } from '../calc/index.ts';
import { MAX_INPUT_LENGTH } from './limits.ts';

// The limit lives in limits.ts, which views can load without the calculation code.
export { MAX_INPUT_LENGTH };

/** Digits grouped by thousands with commas, optional decimals: "1,250,000.50". Deterministic, so linear. */
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Bounds and words for one typed number. `min`/`max` are in the unit the reader types (percent for a percentage). */
export interface NumberRule {
  /** The field as a reader sees it, lower case: "entry price". */
  label: string;
  min?: number;
  max?: number;
  /** `min` itself is refused ("above 0" rather than "at least 0"). */
  minOpen?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
  /** Shown after bounds in messages: "USDT", "%". */
  unit?: string;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 10 });

function bounds(rule: NumberRule): string {
  const unit = rule.unit ? (rule.unit === '%' ? '%' : ` ${rule.unit}`) : '';
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) {
    return rule.minOpen
      ? `above ${fmt(min)}${unit} and at most ${fmt(max)}${unit}`
      : `between ${fmt(min)}${unit} and ${fmt(max)}${unit}`;
  }
  if (min !== undefined) return rule.minOpen ? `more than ${fmt(min)}${unit}` : `at least ${fmt(min)}${unit}`;
  return `at most ${fmt(max as number)}${unit}`;
}

/**
 * Reads a number typed by a reader into a Decimal, checking `rule`'s bounds.
 * @throws CalcInputError on `field`: `required` (empty), `not_a_number`, `out_of_range` (bounds, too long, 1e999).
 * @example readNumber('50000', 'entry', { label: 'entry price', min: 0, minOpen: true })
 */
export function readNumber(raw: string, field: string, rule: NumberRule): DecimalT {
  const text = raw.trim();
  if (text === '') throw new CalcInputError(field, 'required', `Enter the ${rule.label}.`);
  if (text.length > MAX_INPUT_LENGTH) {
    throw new CalcInputError(
      field,
      'out_of_range',
      `The ${rule.label} is too long: type at most ${MAX_INPUT_LENGTH} characters.`,
    );
  }
  let value: DecimalT;
  try {
    value = toDecimal(text, field);
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    const message =
      error.code === 'not_a_number'
        ? `The ${rule.label} must be a number, like 1500 or 0.25.`
        : `The ${rule.label} is far too large or too small to be a real value.`;
    throw new CalcInputError(field, error.code, message);
  }
  const { min, max } = rule;
  const low = min !== undefined && (rule.minOpen ? value.lte(min) : value.lt(min));
  const high = max !== undefined && value.gt(max);
  if (low || high) throw new CalcInputError(field, 'out_of_range', `The ${rule.label} must be ${bounds(rule)}.`);
  if (rule.integer && !value.isInteger()) {
    throw new CalcInputError(field, 'out_of_range', `The ${rule.label} must be a whole number.`);
  }
  return value;
}

/**
 * Reads a percentage typed by a reader ("0.05" for 0.05 %) as the fraction calc takes (0.0005). The rule's bounds are
 * in percent, as the reader sees them.
 */
export function readPercent(raw: string, field: string, rule: Omit<NumberRule, 'unit'>): DecimalT {
  return readNumber(raw, field, { ...rule, unit: '%' }).div(100);
}

/** Whether a text is a number `readNumber` would parse (before bounds): for URL parameters and schemas. */
export function isNumberText(raw: string): boolean {
  return raw.length <= MAX_INPUT_LENGTH && NUMBER_PATTERN.test(raw);
}

/** What {@link readLooseNumber} accepts around the digits. */
export interface LooseOptions {
  /** A unit the reader may type after the number ("USDT", "%", "hours"). */
  unit?: string;
  /** Words for messages: "the amount". */
  label?: string;
  /** Also read a trailing "million" ("5 million", "$5 million") as the number times 1,000,000. */
  million?: boolean;
}

const CURRENCY_SUFFIX = /\s*(?:USDT|USD|\$)$/i;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a number as people write it in prose: "45,226.13", "$45,226", "45226 USDT", "-12.5 %", "−3" (a typographic
 * minus). Commas are read only as thousands separators. Used for quiz answers and dollar amounts.
 */
export function readLooseNumber(text: string, options: LooseOptions = {}): Outcome<DecimalT> {
  const field = 'answer';
  const shown = text.trim().slice(0, MAX_INPUT_LENGTH);
  let s = text.trim().replace(/\u2212/g, '-');
  if (s === '') return fail(field, options.label ? `Enter ${options.label}.` : 'Type a number first.');
  if (s.length > MAX_INPUT_LENGTH)
    return fail(field, `That is too long for a number: type at most ${MAX_INPUT_LENGTH} characters.`);
  if (options.unit) s = s.replace(new RegExp(`\\s*${escapeRegExp(options.unit)}$`, 'i'), '');
  s = s.replace(CURRENCY_SUFFIX, '').trim();
  let scale = '';
  if (options.million && /\smillion$/i.test(s)) {
    s = s.slice(0, -'million'.length).replace(CURRENCY_SUFFIX, '').trim();
    scale = 'e6';
  }
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1).trim();
  }
  if (s.startsWith('$')) s = s.slice(1).trim();
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  else if (s.includes(',')) {
    return fail(
      field,
      `“${shown}” is not a number we can read. Use a point for decimals and commas only between thousands, like 45,226.5.`,
    );
  }
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) {
    return fail(
      field,
      `“${shown}” is not a number. Type digits, like 12.5${options.unit ? ` (in ${options.unit})` : ''}.`,
    );
  }
  return { ok: true, value: new Decimal(`${sign}${s}${scale}`) };
}

const fail = (field: string, message: string): Outcome<never> => ({ ok: false, errors: { [field]: message } });
