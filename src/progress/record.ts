/**
 * The shape of the reader's saved progress and its validation. Hand-written rather than zod
 * because it ships on every lesson page, where a few hundred bytes matter.
 */

/**
 * The current record version. Bump it and add a step to `migrate` when the shape changes.
 * 1: lessons and quizzes. 2: adds `arena`, the best result per practice-arena mission (a version-1 record gains an
 * empty one and keeps everything else). 3: adds `learning`, the evidence of what the reader answered and one
 * spaced-review card per concept (an older record gains an empty one and keeps everything else).
 */
export const PROGRESS_VERSION = 3;

/** The most evidence entries kept; older ones are dropped first (a reader answers a few hundred items at most). */
export const MAX_EVIDENCE = 500;

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

/** Where a piece of evidence comes from. */
export type EvidenceKind = 'quiz' | 'prediction' | 'review' | 'check';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['quiz', 'prediction', 'review', 'check'];

/** One answer the reader gave, as saved. */
export interface EvidenceEntry {
  /** The item answered: "<lesson>/<question id>" for quiz items, the prediction's id for a prediction. */
  item: string;
  kind: EvidenceKind;
  /** Concept ids (content/concepts.yaml) the item tests. */
  concepts: string[];
  correct: boolean;
  /** True when this was the first evidence for this item in this kind (its first try). */
  first: boolean;
  /** Hints shown before answering, and how many the item has. */
  hints: number;
  hintsTotal: number;
  /** When, ISO 8601. */
  at: string;
  /** A prediction's guess, as the reader gave it (short text). */
  guess?: string;
}

/** A spaced-review card (ts-fsrs `Card`) as plain JSON: dates as ISO strings. */
export interface CardJson {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review?: string;
}

/** What the learning loop keeps: the evidence (newest last, at most {@link MAX_EVIDENCE}) and a card per concept. */
export interface LearningProgress {
  evidence: EvidenceEntry[];
  /** How many evidence entries were ever recorded (more than `evidence.length` once old ones are dropped). */
  total: number;
  /** How many of those `total` entries the cards have been rated from (the scheduler catches up lazily). */
  scheduled: number;
  /** Concept id → its card. */
  cards: Record<string, CardJson>;
}

export interface ProgressRecord {
  v: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  quizzes: Record<string, QuizProgress>;
  arena: Record<string, ArenaProgress>;
  learning: LearningProgress;
}

export function emptyLearning(): LearningProgress {
  return { evidence: [], total: 0, scheduled: 0, cards: {} };
}

export function emptyRecord(): ProgressRecord {
  return { v: PROGRESS_VERSION, lessons: {}, quizzes: {}, arena: {}, learning: emptyLearning() };
}

/**
 * Why a stored value could not be used, in words for the reader. `learning-corrupt`: only the learning data was
 * damaged; it was set aside and everything else kept.
 */
export type ProgressProblem = 'corrupt' | 'future-version' | 'foreign' | 'learning-corrupt';

export type ParseResult =
  | { ok: true; record: ProgressRecord; problem?: 'learning-corrupt' }
  | { ok: false; problem: Exclude<ProgressProblem, 'learning-corrupt'> };

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

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function validEvidence(x: unknown): x is EvidenceEntry {
  return (
    isObject(x) &&
    typeof x['item'] === 'string' &&
    x['item'].length > 0 &&
    x['item'].length <= 160 &&
    EVIDENCE_KINDS.includes(x['kind'] as EvidenceKind) &&
    Array.isArray(x['concepts']) &&
    x['concepts'].length <= 20 &&
    x['concepts'].every((c) => typeof c === 'string' && isSlug(c)) &&
    typeof x['correct'] === 'boolean' &&
    typeof x['first'] === 'boolean' &&
    isCount(x['hints']) &&
    isCount(x['hintsTotal']) &&
    isDate(x['at']) &&
    (x['guess'] === undefined || (typeof x['guess'] === 'string' && x['guess'].length <= 200))
  );
}

function validCard(x: unknown): x is CardJson {
  return (
    isObject(x) &&
    isDate(x['due']) &&
    isNumber(x['stability']) &&
    isNumber(x['difficulty']) &&
    isNumber(x['elapsed_days']) &&
    isNumber(x['scheduled_days']) &&
    isCount(x['learning_steps']) &&
    isCount(x['reps']) &&
    isCount(x['lapses']) &&
    [0, 1, 2, 3].includes(x['state'] as number) &&
    (x['last_review'] === undefined || isDate(x['last_review']))
  );
}

function validLearning(x: unknown): x is LearningProgress {
  return (
    isObject(x) &&
    Array.isArray(x['evidence']) &&
    x['evidence'].length <= MAX_EVIDENCE &&
    x['evidence'].every(validEvidence) &&
    isCount(x['total']) &&
    isCount(x['scheduled']) &&
    x['total'] >= x['evidence'].length &&
    x['scheduled'] <= x['total'] &&
    validMap(x['cards'], validCard)
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
  const record: ProgressRecord = {
    v: PROGRESS_VERSION,
    lessons: migrated['lessons'],
    quizzes: migrated['quizzes'],
    arena: migrated['arena'],
    learning: emptyLearning(),
  };
  // Damaged learning data costs only itself: the lessons, quizzes and arena results are kept.
  if (!validLearning(migrated['learning'])) return { ok: true, record, problem: 'learning-corrupt' };
  record.learning = migrated['learning'];
  return { ok: true, record };
}

/** Brings an older record up to the current version, one step at a time; never changes what it already holds. */
export function migrate(value: Record<string, unknown>): Record<string, unknown> {
  let out = value;
  // 1 → 2: the practice arena's best results, none yet.
  if (out['v'] === 1) out = { ...out, v: 2, arena: {} };
  // 2 → 3: the learning loop's evidence and review cards, none yet.
  if (out['v'] === 2) out = { ...out, v: 3, learning: emptyLearning() };
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
