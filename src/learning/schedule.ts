/**
 * Spaced review with ts-fsrs (https://github.com/open-spaced-repetition/ts-fsrs, the FSRS algorithm): one card per
 * concept, rated from each piece of evidence. This module only adapts the library to the progress record: it does
 * not schedule anything itself.
 *
 * Ratings: a wrong answer is Again, a right one after hints is Hard, a right one without hints is Good. Short-term
 * (minutes-long) learning steps are off and fuzz is off, so due dates are whole days and tests are repeatable.
 */
import { Rating, createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { CardJson, EvidenceEntry, LearningProgress, ProgressRecord } from '../progress/record.ts';
import type { ProgressStore } from '../progress/store.ts';

const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/** The rating a piece of evidence gives its concepts' cards. */
export function ratingFor(e: Pick<EvidenceEntry, 'correct' | 'hints'>): Grade {
  if (!e.correct) return Rating.Again;
  return e.hints > 0 ? Rating.Hard : Rating.Good;
}

/** A saved card as a ts-fsrs card. */
export function cardFromJson(c: CardJson): Card {
  return {
    ...c,
    due: new Date(c.due),
    state: c.state,
    last_review: c.last_review ? new Date(c.last_review) : undefined,
  };
}

/** A ts-fsrs card as plain JSON for the progress record. */
export function cardToJson(c: Card): CardJson {
  const json: CardJson = {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) json.last_review = c.last_review.toISOString();
  return json;
}

/** Rates a concept's card (a new one when it has none) at `at`, with ts-fsrs `next`. */
export function rateCard(card: CardJson | undefined, grade: Grade, at: Date): CardJson {
  const current = card ? cardFromJson(card) : createEmptyCard(at);
  return cardToJson(scheduler.next(current, at, grade).card);
}

/**
 * Rates the cards from every evidence entry not yet applied (`scheduled` < `total`), oldest first, and marks them
 * applied. Entries already dropped from the capped list are skipped. Changes `learning` in place.
 */
export function applyEvidence(learning: LearningProgress): void {
  const firstIndex = learning.total - learning.evidence.length;
  learning.evidence.forEach((e, k) => {
    if (firstIndex + k < learning.scheduled) return;
    const at = new Date(e.at);
    for (const concept of e.concepts) {
      learning.cards[concept] = rateCard(learning.cards[concept], ratingFor(e), at);
    }
  });
  learning.scheduled = learning.total;
}

/** Brings the stored cards up to date with the stored evidence; returns the record. */
export function catchUp(store: ProgressStore): ProgressRecord {
  const { record } = store.load();
  if (record.learning.scheduled >= record.learning.total) return record;
  return store.update((r) => applyEvidence(r.learning));
}

export { dueConcepts, nextDue } from './due.ts';
