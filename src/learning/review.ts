/**
 * Building a review session or a course check from the quiz banks (pure: the caller passes the seed and the due
 * concepts, so tests can fix both). Items are spread across lessons in turn so a session mixes the course, and every
 * generated question gets its own fresh seed, so a new session draws new numbers.
 */
import { mulberry32 } from '../calc/prng.ts';
import type { ClientQuestion } from '../quiz/state.ts';

/** Lesson slug → its quiz questions. */
export type Banks = Readonly<Record<string, readonly ClientQuestion[]>>;

export interface SessionItem {
  lesson: string;
  question: ClientQuestion;
  /** The draw of a generated question; 0 for the others. */
  seed: number;
  /** "<lesson>/<question id>", as evidence records it. */
  itemId: string;
}

/** The usual length of a review session. */
export const REVIEW_SIZE = 10;
/** Items per lesson in the course check (12 lessons × 2 = 24 items). */
export const CHECK_PER_LESSON = 2;

function shuffle<T>(list: readonly T[], rand: () => number): T[] {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Takes one item from each lesson in turn (lessons in a shuffled order) until `size` items or none are left. */
function interleave<T>(groups: T[][], size: number): T[] {
  const out: T[] = [];
  for (let round = 0; out.length < size; round++) {
    let took = false;
    for (const g of groups) {
      const item = g[round];
      if (item !== undefined && out.length < size) {
        out.push(item);
        took = true;
      }
    }
    if (!took) break;
  }
  return out;
}

/** Gives each generated question a distinct seed from the session's generator. */
function withSeeds(picked: { lesson: string; question: ClientQuestion }[], rand: () => number): SessionItem[] {
  const used = new Set<number>();
  return picked.map(({ lesson, question }) => {
    let seed = 0;
    if (question.type === 'generated') {
      do seed = Math.floor(rand() * 2 ** 32) >>> 0;
      while (used.has(seed) || seed === 0);
      used.add(seed);
    }
    return { lesson, question, seed, itemId: `${lesson}/${question.id}` };
  });
}

/**
 * A review session: up to `size` questions tagged with a due concept, mixing lessons. Within a lesson, questions
 * that cover a due concept not yet in the session come first, so a short session touches as many due concepts as it
 * can.
 */
export function buildReview(banks: Banks, due: readonly string[], seed: number, size = REVIEW_SIZE): SessionItem[] {
  const rand = mulberry32(seed);
  const dueSet = new Set(due);
  const pools = shuffle(Object.keys(banks).sort(), rand)
    .map((lesson) =>
      shuffle(
        (banks[lesson] ?? []).filter((q) => q.concepts.some((c) => dueSet.has(c))),
        rand,
      ).map((question) => ({ lesson, question })),
    )
    .filter((pool) => pool.length > 0);
  const picked: { lesson: string; question: ClientQuestion }[] = [];
  const covered = new Set<string>();
  while (picked.length < size && pools.some((pool) => pool.length > 0)) {
    for (const pool of pools) {
      if (picked.length >= size || pool.length === 0) continue;
      const k = pool.findIndex((x) => x.question.concepts.some((c) => dueSet.has(c) && !covered.has(c)));
      const [item] = pool.splice(Math.max(0, k), 1);
      if (!item) continue;
      item.question.concepts.forEach((c) => covered.add(c));
      picked.push(item);
    }
  }
  return withSeeds(picked, rand);
}

/** The course check: `perLesson` questions from every lesson (numeric ones included where the bank has them), mixed. */
export function buildCheck(banks: Banks, seed: number, perLesson = CHECK_PER_LESSON): SessionItem[] {
  const rand = mulberry32(seed);
  const groups = shuffle(Object.keys(banks).sort(), rand).map((lesson) => {
    const all = shuffle(banks[lesson] ?? [], rand);
    // One numeric or generated question and one choice question per lesson when it has both.
    const numeric = all.filter((q) => q.type === 'numeric' || q.type === 'generated');
    const choice = all.filter((q) => q.type === 'single' || q.type === 'multiple');
    const picked: ClientQuestion[] = [];
    for (const q of [numeric[0], choice[0], ...all]) {
      if (q && !picked.includes(q) && picked.length < perLesson) picked.push(q);
    }
    return picked.map((question) => ({ lesson, question }));
  });
  return withSeeds(interleave(groups, Object.keys(banks).length * perLesson), rand);
}
