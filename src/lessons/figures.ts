/**
 * The one home of "call a calculation export by its name and take one number out of the result". Lesson figures
 * (`<Calc fn="…" input={…} pick="…"/>`) and quiz checks (`check: { fn, input, pick }`) name the function as data, so
 * both come here; nothing else looks calc up by name.
 */
import * as calc from '../calc/index.ts';
import { formatValue, type FormatKind, type FormatSpec } from '../format/numbers.ts';

/** A figure as data: an export of src/calc, its one input object, and where the number sits in the result. */
export interface FigureCall {
  /** Name of a function exported by src/calc/index.ts ("liquidationPrice"). */
  fn: string;
  /** The one input object the function takes. */
  input: unknown;
  /** Dot path into the result ("price", "payments.length", "0.cap"); omit when the result is the number. */
  pick?: string | undefined;
  /** Take the magnitude ("a 9.55% fall" rather than "-9.55%"). */
  abs?: boolean | undefined;
}

/** Reads a dot path ("price", "payments.0") out of a calculation result; `undefined` when a step is missing. */
export function pickPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Calls the src/calc export named `fn` with `input`; throws when there is no such function. */
export function callCalc(fn: string, input: unknown): unknown {
  const f: unknown = Object.prototype.hasOwnProperty.call(calc, fn) ? (calc as Record<string, unknown>)[fn] : undefined;
  if (typeof f !== 'function') throw new Error(`src/calc exports no function named "${fn}"`);
  return (f as (i: unknown) => unknown)(input);
}

/**
 * The number a figure shows, before display rounding: the named call, the picked value, a plain number (a
 * probability) turned into a Decimal, and the magnitude when `abs`. Throws, naming the call, when the picked value is
 * missing or not a number.
 */
export function figureValue({ fn, input, pick, abs = false }: FigureCall): calc.Decimal {
  const result = callCalc(fn, input);
  const picked = pick ? pickPath(result, pick) : result;
  const where = `${fn}${pick ? ` → ${pick}` : ''}`;
  if (picked === null || picked === undefined) throw new Error(`${where} has no value`);
  let value: calc.Decimal;
  if (picked instanceof calc.Decimal) value = picked;
  else if (typeof picked === 'number' && Number.isFinite(picked)) value = new calc.Decimal(picked);
  else throw new Error(`${where} is not a number`);
  return abs ? value.abs() : value;
}

/** A figure as a lesson shows it: the call, and how to print the number. */
export interface ShownFigure extends FigureCall {
  format: FormatKind;
  unit?: string | undefined;
  digits?: number | undefined;
  signed?: boolean | undefined;
  /**
   * The figure is a maximum a reader must not exceed (a leverage limit): rounded down to `digits` (default 2) with
   * calc's `roundDown`, so the text is never above the true limit (content review E5). Not for percentages.
   */
  maximum?: boolean | undefined;
}

/** The text a figure shows: {@link figureValue}, rounded down when a `maximum`, then the shared formatter. */
export function figureText(figure: ShownFigure): string {
  const { format, unit, digits, signed, maximum = false } = figure;
  let value = figureValue(figure);
  if (maximum) {
    if (format === 'percent') throw new Error(`${figure.fn}: a maximum is shown as a multiple or a number`);
    value = calc.roundDown({ value, decimals: digits ?? 2 });
  }
  const spec: FormatSpec = {
    kind: format,
    ...(unit !== undefined ? { unit } : {}),
    ...(digits !== undefined ? { digits } : {}),
    ...(signed !== undefined ? { signed } : {}),
  };
  return formatValue(value.toFixed(), spec);
}
