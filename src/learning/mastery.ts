/**
 * Mastery per concept, computed from the evidence (pure: no storage, no clock of its own).
 *
 * The rule, applied to a concept's evidence in time order:
 * - No evidence: **not started**. Any evidence: at least **Attempted**.
 * - A *clean first try* is a right answer that was the item's first try in its kind (quiz, prediction, review,
 *   check) and was not given after the last hint (an answer with every hint shown, the worked solution included,
 *   is not a clean first try). Each clean first try on an item not yet counted adds one credit; the same item
 *   counts once, whatever its kind.
 * - The level follows the credits: 1 → **Familiar**, 3 → **Proficient**, 5 → **Mastered**, and Mastered also needs
 *   the counted answers to span at least a day (the first counted answer and a later one ≥ 24 h apart), so it
 *   cannot be reached in one sitting.
 * - A wrong answer drops one level (never below Attempted): the credits fall to the new level's threshold and the
 *   counted items are forgotten, so they can be earned again.
 * - Time drops it too: every full {@link IDLE_DAYS} days without evidence, between two answers or up to `now`,
 *   drops one level the same way.
 * - Right answers that are not clean first tries (a retry, or after the worked solution) change nothing.
 */
import type { EvidenceEntry } from '../progress/record.ts';

export type MasteryLevel = 'not-started' | 'attempted' | 'familiar' | 'proficient' | 'mastered';

/** The levels in rising order. */
export const MASTERY_LEVELS: readonly MasteryLevel[] = [
  'not-started',
  'attempted',
  'familiar',
  'proficient',
  'mastered',
];

/** Words for each level, as pages show them. */
export const MASTERY_LABELS: Record<MasteryLevel, string> = {
  'not-started': 'Not started',
  attempted: 'Attempted',
  familiar: 'Familiar',
  proficient: 'Proficient',
  mastered: 'Mastered',
};

/** Days without evidence that drop a concept one level. */
export const IDLE_DAYS = 60;
const DAY_MS = 86_400_000;

/** Credits needed for each level from Attempted up (index 1 = Attempted … 4 = Mastered). */
const THRESHOLD = [0, 0, 1, 3, 5] as const;

export interface Mastery {
  level: MasteryLevel;
  /** Clean first tries counted now (after any drops). */
  credits: number;
  /** Answers seen for the concept, and how many were wrong. */
  answers: number;
  mistakes: number;
  /** The latest evidence, ISO 8601, if any. */
  lastAt?: string;
}

/** Whether a piece of evidence is a clean first try (see the module comment). */
export function isCleanFirstTry(e: Pick<EvidenceEntry, 'correct' | 'first' | 'hints' | 'hintsTotal'>): boolean {
  const afterLastHint = e.hintsTotal > 0 && e.hints >= e.hintsTotal;
  return e.correct && e.first && !afterLastHint;
}

/** The mastery of one concept from its evidence (entries for other concepts are ignored) at `now`. */
export function masteryOf(concept: string, evidence: readonly EvidenceEntry[], now: Date): Mastery {
  const mine = evidence
    .filter((e) => e.concepts.includes(concept))
    .map((e) => ({ e, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t);
  if (mine.length === 0) return { level: 'not-started', credits: 0, answers: 0, mistakes: 0 };

  let level = 1;
  let credits = 0;
  let counted = new Set<string>();
  let firstCreditAt: number | undefined;
  let spanned = false;
  let mistakes = 0;
  const drop = (times: number) => {
    for (let k = 0; k < times && level > 1; k++) level -= 1;
    credits = THRESHOLD[level];
    counted = new Set();
  };
  const idleDrops = (from: number, to: number) => Math.floor((to - from) / (IDLE_DAYS * DAY_MS));

  let last = mine[0].t;
  for (const { e, t } of mine) {
    const idle = idleDrops(last, t);
    if (idle > 0) drop(idle);
    last = t;
    if (!e.correct) {
      mistakes += 1;
      drop(1);
      continue;
    }
    if (!isCleanFirstTry(e) || counted.has(e.item)) continue;
    counted.add(e.item);
    credits += 1;
    firstCreditAt ??= t;
    if (t - firstCreditAt >= DAY_MS) spanned = true;
    const earned =
      credits >= THRESHOLD[4] && spanned ? 4 : credits >= THRESHOLD[3] ? 3 : credits >= THRESHOLD[2] ? 2 : 1;
    level = Math.max(level, earned);
  }
  const idle = idleDrops(last, now.getTime());
  if (idle > 0) drop(idle);

  return {
    level: MASTERY_LEVELS[level],
    credits,
    answers: mine.length,
    mistakes,
    lastAt: mine[mine.length - 1].e.at,
  };
}

/** Mastery of several concepts at once, keyed by id. */
export function masteryMap(
  concepts: readonly string[],
  evidence: readonly EvidenceEntry[],
  now: Date,
): Record<string, Mastery> {
  return Object.fromEntries(concepts.map((c) => [c, masteryOf(c, evidence, now)]));
}

/** Whether a level counts as weak (worth re-reading): Attempted or Familiar. */
export const isWeak = (level: MasteryLevel): boolean => level === 'attempted' || level === 'familiar';
