/** Typed input errors for the calculation module, their codes, and a `tryCalc` wrapper for widgets. */

/** The input is missing or empty. */
export const REQUIRED = 'required';
/** The input is not a number (for example `'abc'`). */
export const NOT_A_NUMBER = 'not_a_number';
/** The input is `Infinity` or `NaN`. */
export const NOT_FINITE = 'not_finite';
/** The input must be greater than zero. */
export const MUST_BE_POSITIVE = 'must_be_positive';
/** The input is outside the range the calculation accepts. */
export const OUT_OF_RANGE = 'out_of_range';
/** The inputs contradict each other (for example a long whose stop is above entry). */
export const INCONSISTENT = 'inconsistent';

/** Every error code, as a list (handy for exhaustive tests and i18n keys). */
export const ERROR_CODES = [REQUIRED, NOT_A_NUMBER, NOT_FINITE, MUST_BE_POSITIVE, OUT_OF_RANGE, INCONSISTENT] as const;

/** The code carried by a {@link CalcInputError}. */
export type CalcErrorCode = (typeof ERROR_CODES)[number];

/**
 * Thrown by every calc function when an input is missing, malformed or contradicts another input.
 * `field` names the offending input (for nested inputs a path such as `otherPositions[1].markPrice`),
 * `code` is one of {@link ERROR_CODES}, and `message` is a full sentence a beginner understands.
 * @example
 * try { notional({ quantity: 'abc', price: 100 }) } catch (e) { if (e instanceof CalcInputError) e.field === 'quantity' }
 */
export class CalcInputError extends Error {
  readonly field: string;
  readonly code: CalcErrorCode;
  constructor(field: string, code: CalcErrorCode, message: string) {
    super(message);
    this.name = 'CalcInputError';
    this.field = field;
    this.code = code;
  }
}

/** Messages keyed by the input (or form field) they are about. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The one result shape for "a value, or what is wrong with the inputs", shared by calc callers, widget models and
 * every parser of reader input: `{ ok: true, value }` or `{ ok: false, errors }` with one message per field.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The result of {@link tryCalc}: an {@link Outcome} whose failure also keeps the typed error. */
export type CalcResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; error: CalcInputError };

/**
 * Runs `fn(input)` and returns `{ ok: true, value }`, or `{ ok: false, error }` when the input is invalid.
 * Only {@link CalcInputError} is caught: any other exception is a bug and is re-thrown.
 * @example
 * const r = tryCalc(notional, { quantity: '0.5', price: '' });
 * if (!r.ok) showFieldError(r.error.field, r.error.message);
 */
export function tryCalc<I, O>(fn: (input: I) => O, input: I): CalcResult<O> {
  try {
    return { ok: true, value: fn(input) };
  } catch (error) {
    if (error instanceof CalcInputError) return { ok: false, errors: { [error.field]: error.message }, error };
    throw error;
  }
}
