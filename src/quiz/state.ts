/**
 * The quiz's state, pure and with no calculation code: the reader's answers, checks, hints and the attempt's score.
 * The first checked answer to each question counts toward the score; later checks are for learning. The quiz view
 * loads this module at once; numeric grading and generated questions (model.ts, grade.ts, generators.ts, which pull
 * in src/calc) load only when a reader checks a number or draws another question. model.ts re-exports all of it.
 */
import type { Question } from './schema.ts';
import type { NumericGrade, NumericKey } from './grade.ts';
import { gradeChoices, scoreAttempt, type ChoiceGrade } from './score.ts';
import { seedFrom } from './seed.ts';

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

/** The seed of a question's first draw: the bank's, or one derived from the lesson and id, the same on server and browser. */
export function firstSeed(lesson: string, q: ClientQuestion): number {
  return q.type === 'generated' ? (q.seed ?? seedFrom(`${lesson}:${q.id}`)) : 0;
}

export type Feedback =
  | { kind: 'invalid'; message: string }
  | { kind: 'new'; message: string }
  /** The grader or a new question could not load (the network): nothing was checked or counted. */
  | { kind: 'unavailable'; message: string }
  | { kind: 'choice'; grade: ChoiceGrade; selected: number[] }
  | { kind: 'numeric'; grade: NumericGrade; shown: string };

export interface QuestionState {
  /** Generated questions only; 0 for the others. */
  seed: number;
  selected: number[];
  text: string;
  /** How many hints are showing (the worked solution, when shown, is the last). */
  hints: number;
  /** How many hints were showing at the latest check: all of them means the answer does not count as mastered. */
  hintsAtCheck: number;
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
      hintsAtCheck: 0,
      feedback: null,
      first: null,
      checks: 0,
    })),
  };
}

function patch(state: QuizState, i: number, change: Partial<QuestionState>): QuizState {
  const items = state.items.slice();
  items[i] = { ...items[i], ...change };
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

/**
 * How many hints a question has: its steps, then the worked solution as the last one. The evidence a check records
 * takes `hintsTotal` from here and `hintsUsed` from the item's `hintsAtCheck`.
 */
export function hintCount(r: Resolved): number {
  const n = r.numeric;
  return n ? n.hints.length + (n.solution.length > 0 ? 1 : 0) : 0;
}

/** Whether the reader had opened every hint, the worked solution too, before the latest check: not mastered. */
export function sawWorkedSolution(s: QuestionState, r: Resolved): boolean {
  const total = hintCount(r);
  return total > 0 && s.hintsAtCheck >= total;
}

export function revealHint(state: QuizState, i: number, available: number): QuizState {
  return patch(state, i, { hints: Math.min(available, (state.items[i]?.hints ?? 0) + 1) });
}

/** Grades a typed number against a question's key: grade.ts `gradeNumeric`, and the reader's number with its unit. */
export type NumericGrader = (
  key: NumericKey,
  text: string,
) => { ok: true; grade: NumericGrade; shown: string } | { ok: false; message: string };

/** Whether checking question `q` needs the numeric grader (model.ts), which loads on demand. */
export const needsGrader = (q: ClientQuestion): boolean => q.type !== 'single' && q.type !== 'multiple';

/**
 * Checks the current answer, numeric ones with `numeric` (see {@link NumericGrader}). An empty or unreadable answer
 * gets a message and is not counted.
 */
export function checkWith(
  state: QuizState,
  i: number,
  q: ClientQuestion,
  r: Resolved,
  numeric: NumericGrader | null,
): QuizState {
  const item = state.items[i];
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
    if (!numeric) throw new Error('[leverage-lab] a numeric question is checked with the numeric grader');
    const result = numeric((r.numeric as ResolvedNumeric).key, item.text);
    if (!result.ok) return patch(state, i, { feedback: { kind: 'invalid', message: result.message } });
    feedback = { kind: 'numeric', grade: result.grade, shown: result.shown };
    correct = result.grade.correct;
  }
  return patch(state, i, { feedback, first: item.first ?? correct, checks: item.checks + 1, hintsAtCheck: item.hints });
}

/** Says why a check or a new question did not happen (the grader could not load); nothing is counted. */
export function unavailable(state: QuizState, i: number, message: string): QuizState {
  return patch(state, i, { feedback: { kind: 'unavailable', message } });
}

/** Draws a new version of a generated question. Its first answer, if given, still counts. */
export function anotherQuestion(state: QuizState, i: number, seed: number): QuizState {
  return patch(state, i, {
    seed,
    text: '',
    hints: 0,
    hintsAtCheck: 0,
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
