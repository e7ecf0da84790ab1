/**
 * Widget state in the URL query. Each widget declares its parameters as a zod (mini) schema of
 * strings plus defaults; a link reproduces the exact scenario, and anything unknown or unusable
 * falls back to the default with a note the reader can see.
 */
import * as z from 'zod/mini';

/** A number as a person types it: digits, one point, optional sign and exponent, at most 32 characters. */
export const numberParam = z
  .string()
  .check(z.maxLength(32), z.regex(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i, 'is not a number'));

export const enumParam = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

export type ParamShape = Record<string, z.ZodMiniType<string>>;
export type ParamValues<S extends ParamShape> = { [K in keyof S]: string };

export interface ParamsSpec<S extends ParamShape> {
  schema: z.ZodMiniObject<S>;
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

/** Shortens what a link carried before quoting it back to the reader: never echo 10,000 characters. */
export function quoteForNote(raw: string): string {
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

const MAX_UNKNOWN_NOTES = 3;

/** Reads the widget's parameters from a query string. Never throws. */
export function parseParams<S extends ParamShape>(
  spec: ParamsSpec<S>,
  search: string | URLSearchParams,
): ParsedParams<S> {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values = { ...spec.defaults };
  const fromUrl: (keyof S)[] = [];
  const notes: string[] = [];
  const shape = spec.schema.def.shape;
  const unknown: string[] = [];
  for (const [key, raw] of query) {
    if (!(key in shape)) {
      if (key !== 'theme' && key !== 'embed') unknown.push(key);
      continue;
    }
    const k = key as keyof S;
    const result = z.safeParse(shape[k] as z.ZodMiniType<string>, raw.trim());
    if (result.success) {
      values[k] = result.data;
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

/** The query string for a state: only the values that differ from the defaults, in schema order. */
export function serializeParams<S extends ParamShape>(spec: ParamsSpec<S>, values: ParamValues<S>): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(spec.schema.def.shape) as (keyof S & string)[]) {
    if (values[key] !== spec.defaults[key]) query.set(key, values[key]);
  }
  const s = query.toString();
  return s ? `?${s}` : '';
}
