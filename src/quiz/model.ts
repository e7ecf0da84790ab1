/**
 * What each question shows (generated ones resolved from their seed) and numeric grading: the half of the quiz that
 * needs src/calc. The quiz view loads it on demand (a number checked, another question drawn); the server resolves
 * every question's first draw with it. The state itself (answers, checks, hints, the score) lives in state.ts and is
 * re-exported here.
 */
import { generate, type GeneratedQuestion, type Trap } from './generators.ts';
import { gradeNumeric, toleranceFor, type AcceptedAnswer } from './grade.ts';
import { Decimal } from '../calc/index.ts';
import { formatNumber } from '../format/numbers.ts';
import {
  checkWith,
  type ClientQuestion,
  type NumericGrader,
  type QuizState,
  type Resolved,
  type ResolvedNumeric,
} from './state.ts';

export {
  anotherQuestion,
  answeredCount,
  attemptResult,
  choose,
  firstSeed,
  revealHint,
  startQuiz,
  typeAnswer,
  type AcceptedView,
  type ClientQuestion,
  type Feedback,
  type QuestionState,
  type QuizState,
  type Resolved,
  type ResolvedNumeric,
} from './state.ts';

/** Shows a number in a unit: "10 USDT", "100%", "0.38125 BTC". */
export function withUnit(value: string, unit: string, digits = 6): string {
  const n = formatNumber(new Decimal(value), { digits });
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** How far from an answer still counts, in words with the unit. */
function marginOf(a: AcceptedAnswer, unit: string): string {
  if (new Decimal(a.tolerance).isZero()) return '';
  if (a.atMost) {
    return `from ${withUnit(new Decimal(a.answer).minus(a.tolerance).toFixed(), unit)} up to ${withUnit(a.answer, unit)}`;
  }
  return `± ${withUnit(a.tolerance, unit)}`;
}

function numericOf(
  main: AcceptedAnswer & { display: string; unit?: string },
  others: readonly (AcceptedAnswer & { display: string; method: string; unit?: string })[],
  unit: string,
  traps: Trap[],
  hints: string[],
  solution: string[],
): ResolvedNumeric {
  const accepted: AcceptedAnswer[] = [main, ...others].map(({ display: _display, unit: _unit, ...a }) => a);
  const numeric: ResolvedNumeric = {
    key: { accepted, unit, traps },
    display: main.display,
    margin: marginOf(main, unit),
    alternatives: others.map((a) => ({ display: a.display, margin: marginOf(a, a.unit ?? unit), method: a.method })),
    hints,
    solution,
  };
  if (main.method) numeric.method = main.method;
  return numeric;
}

export function resolve(q: ClientQuestion, seed: number): Resolved {
  if (q.type === 'single' || q.type === 'multiple') return { prompt: q.prompt };
  if (q.type === 'numeric') {
    const tolerance = toleranceFor(q.answer, q.tolerance, q.toleranceRelative);
    const traps: Trap[] = q.traps.map((t) => ({
      answer: t.answer,
      tolerance: String(t.tolerance ?? tolerance),
      explanation: t.explanation,
    }));
    const atMost = q.maximum ? { atMost: true } : {};
    const main = {
      answer: q.answer,
      tolerance,
      display: withUnit(q.answer, q.unit),
      ...(q.method ? { method: q.method } : {}),
      ...atMost,
    };
    const others = q.alternatives.map((a) => ({
      answer: a.answer,
      tolerance: toleranceFor(a.answer, a.tolerance ?? q.tolerance, a.toleranceRelative ?? q.toleranceRelative),
      display: withUnit(a.answer, a.unit ?? q.unit),
      method: a.method,
      ...(a.unit ? { unit: a.unit } : {}),
      ...atMost,
    }));
    const worked = q.worked ? [q.worked] : [];
    return { prompt: q.prompt, numeric: numericOf(main, others, q.unit, traps, q.hints, worked) };
  }
  const g = generate(q.template, seed, q.ranges);
  return { prompt: g.prompt, numeric: generatedNumeric(g) };
}

/**
 * A template's hints as at most two steps, so that with the worked solution after them a reader meets two or three
 * hints: a third hint joins the second as one step.
 */
export function steppedHints(hints: readonly string[]): string[] {
  return hints.length <= 2 ? [...hints] : [hints[0], hints.slice(1).join(' ')];
}

/** A generated question's key, answers, hints and solution as the quiz shows and grades them. */
export function generatedNumeric(g: GeneratedQuestion): ResolvedNumeric {
  const main = {
    answer: g.answer,
    tolerance: g.tolerance,
    display: g.display,
    ...(g.method ? { method: g.method } : {}),
  };
  return numericOf(main, g.alternatives, g.unit, g.traps, steppedHints(g.hints), g.solution);
}

/** grade.ts `gradeNumeric`, with the reader's number shown in the question's unit for the feedback. */
export const gradeTyped: NumericGrader = (key, text) => {
  const result = gradeNumeric(key, text);
  return result.ok ? { ...result, shown: withUnit(result.grade.value, key.unit, 8) } : result;
};

/** Checks the current answer. An empty or unreadable answer gets a message and is not counted. */
export function checkAnswer(state: QuizState, i: number, q: ClientQuestion, r: Resolved): QuizState {
  return checkWith(state, i, q, r, gradeTyped);
}
