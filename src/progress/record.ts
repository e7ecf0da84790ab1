/**
 * The shape of the reader's saved progress and its validation. Hand-written rather than zod
 * because it ships on every lesson page, where a few hundred bytes matter.
 */

/**
 * The current record version. Bump it and add a step to `migrate` when the shape changes.
 * 1: lessons and quizzes. 2: adds `arena`, the best result per practice-arena mission (a version-1 record gains an
 * empty one and keeps everything else).
 */
export const PROGRESS_VERSION = 2;

/** The share of a quiz's questions, right on the first try, that counts as passing it. */
export const PASS_SCORE = 0.7;

export interface LessonProgress {
  /** When the reader reached the end of the lesson, ISO 8601. */
  readAt: string;
}

export interface QuizProgress {
  attempts: number;
  /** Best score as a fraction of questions, 0 to 1. */
  best: number;
  /** Ids of the questions missed on the latest attempt. */
  missed: string[];
  lastAt: string;
}

/** The best result of one practice-arena mission. */
export interface ArenaProgress {
  /** Runs finished on this mission's window. */
  runs: number;
  /** Whether any run passed the mission. */
  passed: boolean;
  /** Best final equity as a fraction of the starting balance, 0 to 10 (a passing run beats a failing one). */
  best: number;
  lastAt: string;
}

export interface ProgressRecord {
  v: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  quizzes: Record<string, QuizProgress>;
  arena: Record<string, ArenaProgress>;
}

export function emptyRecord(): ProgressRecord {
  return { v: PROGRESS_VERSION, lessons: {}, quizzes: {}, arena: {} };
}

/** Why a stored value could not be used, in words for the reader. */
export type ProgressProblem = 'corrupt' | 'future-version' | 'foreign';

export type ParseResult = { ok: true; record: ProgressRecord } | { ok: false; problem: ProgressProblem };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isDate = (x: unknown): x is string => typeof x === 'string' && x.length < 40 && !Number.isNaN(Date.parse(x));
const isSlug = (k: string): boolean => /^[a-z0-9-]{1,80}$/.test(k);

function validLesson(x: unknown): x is LessonProgress {
  return isObject(x) && isDate(x['readAt']);
}

function validQuiz(x: unknown): x is QuizProgress {
  return (
    isObject(x) &&
    Number.isInteger(x['attempts']) &&
    (x['attempts'] as number) >= 0 &&
    typeof x['best'] === 'number' &&
    x['best'] >= 0 &&
    x['best'] <= 1 &&
    Array.isArray(x['missed']) &&
    x['missed'].every((m) => typeof m === 'string' && m.length < 120) &&
    isDate(x['lastAt'])
  );
}

function validArena(x: unknown): x is ArenaProgress {
  return (
    isObject(x) &&
    Number.isInteger(x['runs']) &&
    (x['runs'] as number) >= 1 &&
    typeof x['passed'] === 'boolean' &&
    typeof x['best'] === 'number' &&
    x['best'] >= 0 &&
    x['best'] <= 10 &&
    isDate(x['lastAt'])
  );
}

function validMap<T>(x: unknown, valid: (v: unknown) => v is T): x is Record<string, T> {
  return isObject(x) && Object.entries(x).every(([k, v]) => isSlug(k) && valid(v));
}

/** Checks an already-parsed value; anything unexpected is refused whole, never half-used. */
export function validateRecord(value: unknown): ParseResult {
  if (!isObject(value) || !('v' in value)) return { ok: false, problem: 'foreign' };
  const v = value['v'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, problem: 'foreign' };
  if (v > PROGRESS_VERSION) return { ok: false, problem: 'future-version' };
  const migrated = migrate(value);
  if (
    !validMap(migrated['lessons'], validLesson) ||
    !validMap(migrated['quizzes'], validQuiz) ||
    !validMap(migrated['arena'], validArena)
  ) {
    return { ok: false, problem: 'corrupt' };
  }
  return {
    ok: true,
    record: {
      v: PROGRESS_VERSION,
      lessons: migrated['lessons'],
      quizzes: migrated['quizzes'],
      arena: migrated['arena'],
    },
  };
}

/** Brings an older record up to the current version, one step at a time; never changes what it already holds. */
export function migrate(value: Record<string, unknown>): Record<string, unknown> {
  let out = value;
  // 1 → 2: the practice arena's best results, none yet.
  if (out['v'] === 1) out = { ...out, v: 2, arena: {} };
  return out;
}

/** Parses the stored text. */
export function parseRecord(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  return validateRecord(value);
}
