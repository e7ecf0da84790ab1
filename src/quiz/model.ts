/**
 * The quiz's state, pure: what each question shows (generated ones resolved from their seed), the
 * reader's answers, checks, hints and the attempt's score. The first checked answer to each
 * question counts toward the score; later checks are for learning.
 */
import type { Question } from './schema.ts';
import { generate, seedFrom, type GeneratedQuestion, type RangeSpec, type Trap } from './generators.ts';
import {
  gradeChoices,
  gradeNumeric,
  scoreAttempt,
  toleranceFor,
  type AcceptedAnswer,
  type ChoiceGrade,
  type NumericGrade,
  type NumericKey,
} from './grade.ts';
import { Decimal } from '../calc/index.ts';
import { formatNumber } from '../format/numbers.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A bank question as the browser gets it (the build-time calc check removed). */
export type ClientQuestion = DistributiveOmit<Question, 'check'>;

/** An answer graded right, as feedback shows it. */
export interface AcceptedView {
  /** The answer with its unit. */
  display: string;
  /** The accepted margin, with its unit ("± 45.23 USDT", "from 18.16 x up to 18.26 x"), or '' for an exact answer. */
  margin: string;
  /** The convention that gives it, when the question accepts more than one. */
  method?: string;
}

export interface ResolvedNumeric {
  key: NumericKey;
  /** The answer as shown after a check, with its unit. */
  display: string;
  /** The accepted margin, with its unit ("± 45.23 USDT"), or '' for an exact answer. */
  margin: string;
  /** The convention the answer follows, when other conventions' answers count too. */
  method?: string;
  /** Other conventions' answers, also graded right. */
  alternatives: AcceptedView[];
  hints: string[];
  solution: string[];
}

/** A question ready to show: its prompt and, for numeric ones, the key, hints and solution. */
export interface Resolved {
  prompt: string;
  numeric?: ResolvedNumeric;
}

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

/** The seed of a question's first draw: the bank's, or one derived from the lesson and id, the same on server and browser. */
export function firstSeed(lesson: string, q: ClientQuestion): number {
  return q.type === 'generated' ? (q.seed ?? seedFrom(`${lesson}:${q.id}`)) : 0;
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
    return { prompt: q.prompt, numeric: numericOf(main, others, q.unit, traps, q.hints, []) };
  }
  const g = generate(q.template, seed, q.ranges as Record<string, RangeSpec>);
  return { prompt: g.prompt, numeric: generatedNumeric(g) };
}

/** A generated question's key, answers, hints and solution as the quiz shows and grades them. */
export function generatedNumeric(g: GeneratedQuestion): ResolvedNumeric {
  const main = {
    answer: g.answer,
    tolerance: g.tolerance,
    display: g.display,
    ...(g.method ? { method: g.method } : {}),
  };
  return numericOf(main, g.alternatives, g.unit, g.traps, g.hints, g.solution);
}

export type Feedback =
  | { kind: 'invalid'; message: string }
  | { kind: 'new'; message: string }
  | { kind: 'choice'; grade: ChoiceGrade; selected: number[] }
  | { kind: 'numeric'; grade: NumericGrade };

export interface QuestionState {
  /** Generated questions only; 0 for the others. */
  seed: number;
  selected: number[];
  text: string;
  /** How many hints are showing. */
  hints: number;
  feedback: Feedback | null;
  /** Whether the first checked answer was right; null until then. */
  first: boolean | null;
  checks: number;
}

export interface QuizState {
  attempt: number;
  items: QuestionState[];
}

export function startQuiz(
  questions: readonly ClientQuestion[],
  seedFor: (q: ClientQuestion, index: number) => number,
  attempt = 1,
): QuizState {
  return {
    attempt,
    items: questions.map((q, i) => ({
      seed: q.type === 'generated' ? seedFor(q, i) : 0,
      selected: [],
      text: '',
      hints: 0,
      feedback: null,
      first: null,
      checks: 0,
    })),
  };
}

function patch(state: QuizState, i: number, change: Partial<QuestionState>): QuizState {
  const items = state.items.slice();
  items[i] = { ...(items[i] as QuestionState), ...change };
  return { ...state, items };
}

/** Ticks or unticks a choice; a single-choice question keeps only the latest. */
export function choose(state: QuizState, i: number, choice: number, multiple: boolean, on: boolean): QuizState {
  const current = state.items[i]?.selected ?? [];
  const selected = !multiple
    ? [choice]
    : on
      ? [...new Set([...current, choice])].sort((a, b) => a - b)
      : current.filter((c) => c !== choice);
  return patch(state, i, { selected });
}

export function typeAnswer(state: QuizState, i: number, text: string): QuizState {
  return patch(state, i, { text });
}

export function revealHint(state: QuizState, i: number, available: number): QuizState {
  return patch(state, i, { hints: Math.min(available, (state.items[i]?.hints ?? 0) + 1) });
}

/** Checks the current answer. An empty or unreadable answer gets a message and is not counted. */
export function checkAnswer(state: QuizState, i: number, q: ClientQuestion, r: Resolved): QuizState {
  const item = state.items[i] as QuestionState;
  let feedback: Feedback;
  let correct: boolean;
  if (q.type === 'single' || q.type === 'multiple') {
    if (item.selected.length === 0) {
      return patch(state, i, {
        feedback: {
          kind: 'invalid',
          message: q.type === 'single' ? 'Choose an answer first.' : 'Choose at least one answer first.',
        },
      });
    }
    const grade = gradeChoices(q.choices, item.selected);
    feedback = { kind: 'choice', grade, selected: item.selected };
    correct = grade.correct;
  } else {
    const result = gradeNumeric((r.numeric as ResolvedNumeric).key, item.text);
    if (!result.ok) return patch(state, i, { feedback: { kind: 'invalid', message: result.message } });
    feedback = { kind: 'numeric', grade: result.grade };
    correct = result.grade.correct;
  }
  return patch(state, i, { feedback, first: item.first ?? correct, checks: item.checks + 1 });
}

/** Draws a new version of a generated question. Its first answer, if given, still counts. */
export function anotherQuestion(state: QuizState, i: number, seed: number): QuizState {
  return patch(state, i, {
    seed,
    text: '',
    hints: 0,
    feedback: { kind: 'new', message: 'Here is a new version of the question, with new numbers.' },
  });
}

/** The attempt's result once every question has been answered, or null before. */
export function attemptResult(state: QuizState, questions: readonly ClientQuestion[]) {
  if (state.items.some((s) => s.first === null)) return null;
  return scoreAttempt(questions.map((q, i) => ({ id: q.id, correct: state.items[i]?.first === true })));
}

/** How many questions have a counted answer. */
export function answeredCount(state: QuizState): number {
  return state.items.filter((s) => s.first !== null).length;
}
