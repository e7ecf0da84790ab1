/** Turns the calculation module's typed input errors into the one result shape, keyed by a form's own fields. */
import { CalcInputError } from '../calc/index.ts';
import type { Outcome } from '../calc/index.ts';

/**
 * Runs a model's calculation; a CalcInputError becomes a message on the field that caused it. Any other exception is
 * a bug and is re-thrown. `fieldFor` maps a calc input name (`entryPrice`) to the form's parameter (`entry`).
 */
export function collectErrors<R>(run: () => R, fieldFor: (calcField: string) => string = (f) => f): Outcome<R> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof CalcInputError) return { ok: false, errors: { [fieldFor(error.field)]: error.message } };
    throw error;
  }
}
