/**
 * Grading, pure: reads the number a reader typed (through the one input reader, src/input/number.ts) and compares it
 * with every accepted answer (one per convention the course teaches), each within its own tolerance; compares choice
 * selections with the key.
 */
import { Decimal } from '../calc/index.ts';
import { readLooseNumber } from '../input/number.ts';
import type { Trap } from './generators.ts';

export type ParsedAnswer = { ok: true; value: Decimal } | { ok: false; message: string };

/**
 * Reads a typed answer. Accepts "45226.13", "45,226.13", "$45,226", "45226 USDT", "-12.5 %", "−3" (a typographic
 * minus) and "5 million" or "$5 million" (5,000,000). Anything else is refused with a plain sentence saying what to
 * type instead. The reading itself is src/input/number.ts `readLooseNumber`, linear and capped in length.
 */
export function parseAnswer(text: string, unit = ''): ParsedAnswer {
  const read = readLooseNumber(text, { unit, million: true });
  if (read.ok) return read;
  return { ok: false, message: Object.values(read.errors)[0] ?? 'Type a number.' };
}

/** The absolute tolerance of a numeric answer: the larger of the absolute and the relative one. */
export function toleranceFor(answer: string, tolerance?: number | string, toleranceRelative?: number | string): string {
  const abs = new Decimal(tolerance ?? 0);
  const rel = new Decimal(answer).abs().times(toleranceRelative ?? 0);
  return Decimal.max(abs, rel).toFixed();
}

/** One answer graded right: the value a convention gives, within its own tolerance. */
export interface AcceptedAnswer {
  /** The exact value, in the question's unit, as a decimal string. */
  answer: string;
  /** Absolute, in the unit. */
  tolerance: string;
  /** The convention that gives it, as feedback names it: "maintenance margin on the value at entry (Bybit)". */
  method?: string;
  /** A maximum (the highest safe leverage): only answers at or below it count, since a maximum rounds toward safety. */
  atMost?: boolean;
}

export interface NumericKey {
  /** Every answer graded right; the first is the one shown first. Never empty. */
  accepted: readonly AcceptedAnswer[];
  unit: string;
  traps?: readonly Trap[];
}

export interface NumericGrade {
  correct: boolean;
  /** What the reader's number was read as. */
  value: string;
  /** The convention of the accepted answer it matched, when the question names conventions. */
  method?: string;
  /** What a wrong number most likely misunderstands, when we can tell. */
  note?: string;
  /** Whether a wrong answer was too high or too low (next to the nearest accepted answer). */
  direction?: 'high' | 'low';
}

const near = (a: Decimal, b: Decimal | string, tol: Decimal | string) => a.minus(b).abs().lte(tol);

/** Whether `value` is graded right against one accepted answer. */
export function matches(value: Decimal, a: AcceptedAnswer): boolean {
  const gap = value.minus(a.answer);
  if (a.atMost && gap.gt(0)) return false;
  return gap.abs().lte(a.tolerance);
}

/** Grades a typed number; `{ ok: false }` (with the reason) when it is not a number, which is not counted as an answer. */
export function gradeNumeric(
  key: NumericKey,
  text: string,
): { ok: true; grade: NumericGrade } | { ok: false; message: string } {
  const parsed = parseAnswer(text, key.unit);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const hit = key.accepted.find((a) => matches(value, a));
  if (hit) {
    const grade: NumericGrade = { correct: true, value: value.toFixed() };
    if (hit.method) grade.method = hit.method;
    return { ok: true, grade };
  }
  // The nearest accepted answer sets the direction and the hints below.
  let nearest = key.accepted[0];
  let distance = value.minus(nearest.answer).abs();
  for (const a of key.accepted.slice(1)) {
    const d = value.minus(a.answer).abs();
    if (d.lt(distance)) [nearest, distance] = [a, d];
  }
  const answer = new Decimal(nearest.answer);
  const grade: NumericGrade = { correct: false, value: value.toFixed(), direction: value.gt(answer) ? 'high' : 'low' };
  const trap = key.traps?.find((t) => near(value, t.answer, t.tolerance));
  if (trap) grade.note = trap.explanation;
  else if (nearest.atMost && value.gt(answer) && distance.lte(nearest.tolerance)) {
    grade.note =
      'That is just above the limit. A maximum must be rounded down, toward safety, not to the nearest figure.';
  } else if (!answer.isZero() && near(value, answer.neg(), nearest.tolerance)) {
    grade.note = 'Right size, wrong sign: a loss is a negative number and a gain a positive one.';
  } else if (key.unit === '%' && near(value.times(100), answer, nearest.tolerance)) {
    grade.note = `It looks like you gave a fraction. The question asks for percent: ${value.toFixed()} is ${value.times(100).toFixed()}%.`;
  }
  return { ok: true, grade };
}

// Choice grading and the score need no calculation code: they live in score.ts, which the quiz view loads at once.
export { gradeChoices, scoreAttempt, type ChoiceGrade } from './score.ts';
