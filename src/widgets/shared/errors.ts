/** Turns the calculation module's typed input errors into messages keyed by a widget's fields. */
import { CalcInputError } from '../../calc/index.ts';

/**
 * Runs the model's calculation; a CalcInputError becomes a message on the field that caused it.
 * `fieldFor` maps a calc input name (entryPrice) to the widget's parameter (entry).
 */
export function collectErrors<R>(
  run: () => R,
  fieldFor: (calcField: string) => string,
): { ok: true; result: R } | { ok: false; errors: Record<string, string> } {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    if (error instanceof CalcInputError) {
      return { ok: false, errors: { [fieldFor(error.field)]: error.message } };
    }
    throw error;
  }
}
