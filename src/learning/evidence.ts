/**
 * The learning loop's one way in: every answer a reader gives (a quiz question, a prediction, a review or course-check
 * item) is recorded here as evidence for the concepts it tests. Browser side; it never throws: when storage fails the
 * store keeps working in memory for the visit.
 */
import { progress } from '../progress/browser.ts';
import type { EvidenceKind } from '../progress/record.ts';

export interface Evidence {
  /** The item answered: "<lesson>/<question id>" for quiz questions, the prediction's own id for a prediction. */
  itemId: string;
  /** Concept ids from content/concepts.yaml. */
  concepts: string[];
  correct: boolean;
  /** Hints shown before the answer, and how many the item has (its worked solution counted as the last hint). */
  hintsUsed: number;
  hintsTotal: number;
  kind: EvidenceKind;
  /** A prediction's guess, in a few words or a number (kept to 200 characters). */
  guess?: string;
}

const SLUG = /^[a-z0-9-]{1,80}$/;
const count = (n: number) => (Number.isFinite(n) && n > 0 ? Math.min(99, Math.floor(n)) : 0);

/**
 * Records one answer. The first evidence for an `itemId` in a given `kind` is its first try (see mastery.ts). The
 * spaced-review cards are brought up to date afterwards, when the scheduler has loaded (schedule.ts `catchUp`).
 */
export function recordEvidence(e: Evidence, now: Date = new Date()): void {
  try {
    const item = String(e.itemId).slice(0, 160);
    if (!item) return;
    const entry = {
      item,
      kind: e.kind,
      concepts: [...new Set(e.concepts.filter((c) => SLUG.test(c)))].slice(0, 20),
      correct: e.correct === true,
      hints: count(e.hintsUsed),
      hintsTotal: count(e.hintsTotal),
      ...(typeof e.guess === 'string' ? { guess: e.guess.slice(0, 200) } : {}),
    };
    progress.addEvidence(entry, now);
    announce();
  } catch {
    // Recording must never break the page that reports the answer.
    return;
  }
  void import('./schedule.ts').then(
    (s) => {
      try {
        s.catchUp(progress);
        announce();
      } catch {
        // The cards catch up on the next page that needs them.
      }
    },
    () => undefined,
  );
}

/** Tells islands on the page (the lesson-end summary) that the learning data changed. */
function announce(): void {
  if (typeof document !== 'undefined') document.dispatchEvent(new CustomEvent('ll-evidence'));
}
