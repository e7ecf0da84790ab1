/**
 * Grading, pure: reads the number a reader typed (with grouping commas, a currency sign or the unit)
 * and compares it with the answer within a tolerance; compares choice selections with the key.
 */
import { Decimal } from '../calc/index.ts';
import type { Trap } from './generators.ts';

export type ParsedAnswer = { ok: true; value: Decimal } | { ok: false; message: string };

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+\.?\d*|\.\d+)$/;

/**
 * Reads a typed number. Accepts "45226.13", "45,226.13", "$45,226", "45226 USDT", "-12.5 %", "−3" (a
 * typographic minus). Commas are read only as thousands separators; anything else is refused with a
 * plain sentence saying what to type instead.
 */
export function parseAnswer(text: string, unit = ''): ParsedAnswer {
  let s = text.trim().replace(/\u2212/g, '-');
  if (s === '') return { ok: false, message: 'Type a number first.' };
  const unitPattern = unit ? new RegExp(`\\s*${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i') : null;
  if (unitPattern) s = s.replace(unitPattern, '');
  s = s.replace(/\s*(USDT|USD|\$)$/i, '').trim();
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1).trim();
  }
  if (s.startsWith('$')) s = s.slice(1).trim();
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  else if (s.includes(',')) {
    return {
      ok: false,
      message: `“${text.trim()}” is not a number we can read. Use a point for decimals and commas only between thousands, like 45,226.5.`,
    };
  }
  if (!PLAIN.test(s) || s.length > 40) {
    return {
      ok: false,
      message: `“${text.trim()}” is not a number. Type digits, like 12.5${unit ? ` (in ${unit})` : ''}.`,
    };
  }
  return { ok: true, value: new Decimal(`${sign}${s}`) };
}

/** The absolute tolerance of a numeric answer: the larger of the absolute and the relative one. */
export function toleranceFor(answer: string, tolerance?: number | string, toleranceRelative?: number | string): string {
  const abs = new Decimal(tolerance ?? 0);
  const rel = new Decimal(answer).abs().times(toleranceRelative ?? 0);
  return Decimal.max(abs, rel).toFixed();
}

export interface NumericKey {
  answer: string;
  /** Absolute, in `unit`. */
  tolerance: string;
  unit: string;
  traps?: readonly Trap[];
}

export interface NumericGrade {
  correct: boolean;
  /** What the reader's number was read as. */
  value: string;
  /** What a wrong number most likely misunderstands, when we can tell. */
  note?: string;
  /** Whether a wrong answer was too high or too low. */
  direction?: 'high' | 'low';
}

const near = (a: Decimal, b: Decimal | string, tol: Decimal | string) => a.minus(b).abs().lte(tol);

/** Grades a typed number; `{ ok: false }` (with the reason) when it is not a number, which is not counted as an answer. */
export function gradeNumeric(
  key: NumericKey,
  text: string,
): { ok: true; grade: NumericGrade } | { ok: false; message: string } {
  const parsed = parseAnswer(text, key.unit);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const answer = new Decimal(key.answer);
  if (near(value, answer, key.tolerance)) return { ok: true, grade: { correct: true, value: value.toFixed() } };
  const grade: NumericGrade = { correct: false, value: value.toFixed(), direction: value.gt(answer) ? 'high' : 'low' };
  const trap = key.traps?.find((t) => near(value, t.answer, t.tolerance));
  if (trap) grade.note = trap.explanation;
  else if (!answer.isZero() && near(value, answer.neg(), key.tolerance)) {
    grade.note = 'Right size, wrong sign: a loss is a negative number and a gain a positive one.';
  } else if (key.unit === '%' && near(value.times(100), answer, key.tolerance)) {
    grade.note = `It looks like you gave a fraction. The question asks for percent: ${value.toFixed()} is ${value.times(100).toFixed()}%.`;
  }
  return { ok: true, grade };
}

export interface ChoiceGrade {
  correct: boolean;
  /** Indexes of chosen choices that are wrong. */
  wrongPicks: number[];
  /** Indexes of correct choices that were not chosen. */
  missed: number[];
}

/** Grades a selection: right only when exactly the correct choices are chosen. */
export function gradeChoices(choices: readonly { correct: boolean }[], selected: readonly number[]): ChoiceGrade {
  const chosen = new Set(selected);
  const wrongPicks = [...chosen].filter((i) => !choices[i]?.correct).sort((a, b) => a - b);
  const missed = choices.flatMap((c, i) => (c.correct && !chosen.has(i) ? [i] : []));
  return { correct: wrongPicks.length === 0 && missed.length === 0, wrongPicks, missed };
}

/** The score of an attempt: the share of questions whose first answer was right, and the ids missed. */
export function scoreAttempt(results: readonly { id: string; correct: boolean }[]): {
  score: number;
  right: number;
  total: number;
  missed: string[];
} {
  const right = results.filter((r) => r.correct).length;
  const total = results.length;
  return {
    score: total === 0 ? 0 : right / total,
    right,
    total,
    missed: results.filter((r) => !r.correct).map((r) => r.id),
  };
}
