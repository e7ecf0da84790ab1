/** The ts-fsrs wrapper: ratings, JSON round trip, catching up with evidence, due concepts (fixed dates). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rating } from 'ts-fsrs';
import {
  applyEvidence,
  cardFromJson,
  cardToJson,
  catchUp,
  dueConcepts,
  nextDue,
  rateCard,
  ratingFor,
} from '../schedule.ts';
import { ProgressStore, type KeyValueStorage } from '../../progress/store.ts';
import { emptyLearning, type EvidenceEntry } from '../../progress/record.ts';

const T0 = new Date('2026-12-01T12:00:00.000Z');
const DAY = 86_400_000;

function memory(): KeyValueStorage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

test('ratings: wrong is Again, right after hints is Hard, right without hints is Good', () => {
  assert.equal(ratingFor({ correct: false, hints: 0 }), Rating.Again);
  assert.equal(ratingFor({ correct: false, hints: 3 }), Rating.Again);
  assert.equal(ratingFor({ correct: true, hints: 1 }), Rating.Hard);
  assert.equal(ratingFor({ correct: true, hints: 0 }), Rating.Good);
});

test('a rated card is plain JSON that round-trips, due in whole days after the review', () => {
  const good = rateCard(undefined, Rating.Good, T0);
  assert.equal(typeof good.due, 'string');
  assert.equal(good.last_review, T0.toISOString());
  assert.equal(good.reps, 1);
  assert.deepEqual(cardToJson(cardFromJson(good)), good);
  assert.deepEqual(JSON.parse(JSON.stringify(good)), good);
  // Short-term steps are off: the first interval is at least a day, and a whole number of days.
  const days = (Date.parse(good.due) - T0.getTime()) / DAY;
  assert.ok(days >= 1 && Number.isInteger(days), String(days));
});

test('Again comes due sooner than Good, and Hard no later than Good', () => {
  const again = rateCard(undefined, Rating.Again, T0);
  const hard = rateCard(undefined, Rating.Hard, T0);
  const good = rateCard(undefined, Rating.Good, T0);
  assert.ok(Date.parse(again.due) < Date.parse(good.due));
  assert.ok(Date.parse(hard.due) <= Date.parse(good.due));
  // A second Good, on the due day, pushes the next review further out than the first interval.
  const second = rateCard(good, Rating.Good, new Date(good.due));
  assert.ok(Date.parse(second.due) - Date.parse(good.due) > Date.parse(good.due) - T0.getTime());
});

test('due concepts at a date, longest overdue first, and the next due date', () => {
  const cards = {
    a: { ...rateCard(undefined, Rating.Good, T0) },
    b: { ...rateCard(undefined, Rating.Again, T0) },
  };
  assert.deepEqual(dueConcepts(cards, T0), []);
  assert.equal(nextDue(cards, T0)?.toISOString(), cards.b.due);
  const later = new Date(T0.getTime() + 60 * DAY);
  assert.deepEqual(dueConcepts(cards, later), ['b', 'a']);
  assert.equal(nextDue(cards, later), undefined);
});

test('applyEvidence rates each concept of each entry not yet applied, once', () => {
  const l = emptyLearning();
  const e: EvidenceEntry = {
    item: 'liquidation/room-at-50x',
    kind: 'quiz',
    concepts: ['liquidation-before-full-loss', 'maintenance-margin'],
    correct: true,
    first: true,
    hints: 0,
    hintsTotal: 2,
    at: T0.toISOString(),
  };
  l.evidence.push(e);
  l.total = 1;
  applyEvidence(l);
  assert.equal(l.scheduled, 1);
  assert.deepEqual(Object.keys(l.cards).sort(), ['liquidation-before-full-loss', 'maintenance-margin']);
  const once = JSON.stringify(l.cards);
  applyEvidence(l);
  assert.equal(JSON.stringify(l.cards), once, 'applying again changes nothing');
  // Only the new entry is applied next time.
  l.evidence.push({
    ...e,
    concepts: ['maintenance-margin'],
    correct: false,
    at: new Date(T0.getTime() + DAY).toISOString(),
  });
  l.total = 2;
  applyEvidence(l);
  assert.equal(l.cards['maintenance-margin']?.reps, 2);
  assert.equal(l.cards['maintenance-margin']?.lapses, 1);
  assert.equal(l.cards['liquidation-before-full-loss']?.reps, 1);
});

test('catchUp brings the stored cards up to date with the stored evidence', () => {
  const store = new ProgressStore(memory());
  store.addEvidence(
    { item: 'a/q', kind: 'quiz', concepts: ['isolated-margin'], correct: true, hints: 0, hintsTotal: 0 },
    T0,
  );
  assert.deepEqual(store.load().record.learning.cards, {});
  const r = catchUp(store);
  assert.equal(r.learning.scheduled, 1);
  assert.ok(r.learning.cards['isolated-margin']);
  assert.deepEqual(dueConcepts(r.learning.cards, new Date(T0.getTime() + 30 * DAY)), ['isolated-margin']);
});
