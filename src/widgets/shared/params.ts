/**
 * Widget state in the URL query. Each widget declares its parameters once, as a small shape of
 * number and choice parameters plus defaults; a link reproduces the exact scenario, and anything
 * unknown or unusable falls back to the default with a note the reader can see.
 *
 * The zod schema of a widget's parameters is generated from the same shape (paramsSchema.ts) and
 * used on the server and in tests, which prove it accepts exactly what this validator accepts.
 * The browser gets this few-hundred-byte validator instead of zod (7 KB gzip on every widget page,
 * which alone broke the 40 KB JavaScript budget).
 */

import { NUMBER_PATTERN } from '../../calc/index.ts';
import { MAX_INPUT_LENGTH } from '../../input/limits.ts';

/** A number as a person types it: the one linear-time pattern of src/calc (sign, digits, one point, exponent). */
export { NUMBER_PATTERN };
/** The longest value a link may carry for one setting: the same cap as every typed number. */
export const MAX_PARAM_LENGTH = MAX_INPUT_LENGTH;

export interface NumberParam {
  readonly kind: 'number';
}
export interface EnumParam<T extends string = string> {
  readonly kind: 'enum';
  readonly values: readonly T[];
}
/** Free text that must match a pattern (an amount written with "$" and commas, say). */
export interface PatternParam {
  readonly kind: 'pattern';
  readonly pattern: RegExp;
}
export type ParamDef = NumberParam | EnumParam | PatternParam;

export const numberParam: NumberParam = { kind: 'number' };

/** A number, or empty for "none" (an optional stop, target or take-profit). */
export const optionalNumberParam: PatternParam = {
  kind: 'pattern',
  pattern: new RegExp(`^$|${NUMBER_PATTERN.source}`, 'i'),
};

export const patternParam = (pattern: RegExp): PatternParam => ({ kind: 'pattern', pattern });

export const enumParam = <const T extends readonly [string, ...string[]]>(values: T): EnumParam<T[number]> => ({
  kind: 'enum',
  values,
});

export type ParamShape = Record<string, ParamDef>;
export type ParamValues<S extends ParamShape> = { [K in keyof S]: string };

export interface ParamsSpec<S extends ParamShape> {
  shape: S;
  defaults: ParamValues<S>;
  /** Words for each parameter, used in notes ("leverage", "entry price"). */
  labels: { [K in keyof S]: string };
}

export interface ParsedParams<S extends ParamShape> {
  values: ParamValues<S>;
  /** Keys that came from the URL (and were usable). */
  fromUrl: (keyof S)[];
  notes: string[];
}

/** Whether a raw value (already trimmed) is acceptable for a parameter. */
export function acceptsParam(def: ParamDef, value: string): boolean {
  if (def.kind === 'enum') return def.values.includes(value);
  const pattern = def.kind === 'number' ? NUMBER_PATTERN : def.pattern;
  return value.length <= MAX_PARAM_LENGTH && pattern.test(value);
}

/** Shortens what a link carried before quoting it back to the reader: never echo 10,000 characters. */
export function quoteForNote(raw: string): string {
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

const MAX_UNKNOWN_NOTES = 3;
/** Parameters every embed page may carry that belong to the page, not the widget. */
const PAGE_PARAMS = new Set(['theme', 'embed']);

/** Reads the widget's parameters from a query string. Never throws. */
export function parseParams<S extends ParamShape>(
  spec: ParamsSpec<S>,
  search: string | URLSearchParams,
): ParsedParams<S> {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values = { ...spec.defaults };
  const fromUrl: (keyof S)[] = [];
  const notes: string[] = [];
  const unknown: string[] = [];
  for (const [key, raw] of query) {
    if (!Object.hasOwn(spec.shape, key)) {
      if (!PAGE_PARAMS.has(key)) unknown.push(key);
      continue;
    }
    const k = key as keyof S;
    const value = raw.trim();
    if (acceptsParam(spec.shape[k], value)) {
      values[k] = value;
      if (!fromUrl.includes(k)) fromUrl.push(k);
    } else {
      notes.push(
        `The link’s ${spec.labels[k]} “${quoteForNote(raw)}” could not be used, so the default (${spec.defaults[k]}) is shown.`,
      );
    }
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, MAX_UNKNOWN_NOTES).map((u) => `“${quoteForNote(u)}”`);
    notes.push(
      `The link had settings this tool does not know (${shown.join(', ')}${unknown.length > MAX_UNKNOWN_NOTES ? ', …' : ''}); they were ignored.`,
    );
  }
  return { values, fromUrl, notes };
}

/** The query string for a state: only the values that differ from the defaults, in declaration order. */
export function serializeParams<S extends ParamShape>(spec: ParamsSpec<S>, values: ParamValues<S>): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(spec.shape) as (keyof S & string)[]) {
    if (values[key] !== spec.defaults[key]) query.set(key, values[key]);
  }
  const s = query.toString();
  return s ? `?${s}` : '';
}
