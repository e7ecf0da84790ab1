/** Percentages as readers type them ("0.05" for 0.05 %), turned into the fractions src/calc takes. */
import { CalcInputError, toDecimal } from '../../calc/index.ts';
import type { Decimal } from '../../calc/index.ts';

/** A percentage typed by the reader ("0.05") as a fraction (0.0005), refusing what is not a number. */
export function percentToFraction(raw: string, field: string, label: string, max: number): Decimal {
  if (raw.trim() === '') throw new CalcInputError(field, 'required', `Enter the ${label}.`);
  const value = toDecimal(raw, field);
  if (value.isNeg() || value.gt(max)) {
    throw new CalcInputError(field, 'out_of_range', `The ${label} must be between 0% and ${max}%.`);
  }
  return value.div(100);
}
