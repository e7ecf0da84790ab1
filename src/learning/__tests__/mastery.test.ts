/** Mastery transitions, worked by hand from the rule in src/learning/mastery.ts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { masteryOf, isCleanFirstTry, isWeak, IDLE_DAYS } from '../mastery.ts';
import type { EvidenceEntry } from '../../progress/record.ts';

const C = 'cross-not-safer';
const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 11, 1 + n, hour)).toISOString();
const at = (iso: string) => new Date(iso);

/** A clean first try on `item` at `when` unless changed. */
function ev(item: string, when: string, extra: Partial<EvidenceEntry> = {}): EvidenceEntry {
  return { item, kind: 'quiz', concepts: [C], correct: true, first: true, hints: 0, hintsTotal: 2, at: when, ...extra };
}

test('no evidence: not started; any evidence: at least attempted', () => {
  assert.equal(masteryOf(C, [], at(day(0))).level, 'not-started');
  assert.equal(masteryOf(C, [ev('a', day(0), { correct: false })], at(day(0))).level, 'attempted');
  // Evidence for another concept is ignored.
  assert.equal(masteryOf(C, [ev('a', day(0), { concepts: ['isolated-margin'] })], at(day(0))).level, 'not-started');
});

test('one clean first try: familiar; three on three different items: proficient', () => {
  assert.equal(masteryOf(C, [ev('a', day(0))], at(day(0))).level, 'familiar');
  const three = [ev('a', day(0, 10)), ev('b', day(0, 11)), ev('c', day(0, 12))];
  const m = masteryOf(C, three, at(day(0, 13)));
  assert.equal(m.level, 'proficient');
  assert.equal(m.credits, 3);
});

test('the same item three times counts once, even in different kinds', () => {
  // quiz first try, a quiz retry (not first), then the same item in review (a first try in its kind): one credit.
  const same = [ev('a', day(0, 10)), ev('a', day(0, 11), { first: false }), ev('a', day(2, 11), { kind: 'review' })];
  const m = masteryOf(C, same, at(day(2, 12)));
  assert.equal(m.credits, 1);
  assert.equal(m.level, 'familiar');
});

test('an answer after the last hint, or with all hints shown, is not a clean first try', () => {
  assert.equal(isCleanFirstTry(ev('a', day(0), { hints: 2, hintsTotal: 2 })), false);
  assert.equal(isCleanFirstTry(ev('a', day(0), { hints: 1, hintsTotal: 2 })), true);
  assert.equal(isCleanFirstTry(ev('a', day(0), { hints: 0, hintsTotal: 0 })), true);
  assert.equal(isCleanFirstTry(ev('a', day(0), { first: false })), false);
  const m = masteryOf(
    C,
    [ev('a', day(0, 10), { hints: 2 }), ev('b', day(0, 11), { hints: 3, hintsTotal: 3 })],
    at(day(0)),
  );
  assert.equal(m.level, 'attempted');
});

test('a mistake drops one level, and the items can be earned again', () => {
  // a, b, c clean → proficient (3 credits); a mistake → familiar (credits back to 1).
  const list = [ev('a', day(0, 10)), ev('b', day(0, 11)), ev('c', day(0, 12)), ev('d', day(0, 13), { correct: false })];
  const m = masteryOf(C, list, at(day(0, 14)));
  assert.equal(m.level, 'familiar');
  assert.equal(m.credits, 1);
  assert.equal(m.mistakes, 1);
  // Two more clean first tries (new items in review) → 3 credits → proficient again.
  const back = [...list, ev('a', day(1), { kind: 'review' }), ev('e', day(1, 13))];
  assert.equal(masteryOf(C, back, at(day(1, 14))).level, 'proficient');
  // A mistake never goes below attempted.
  assert.equal(
    masteryOf(C, [ev('x', day(0), { correct: false }), ev('y', day(0, 13), { correct: false })], at(day(0, 14))).level,
    'attempted',
  );
});

test('60 days idle drops one level; 120 days two', () => {
  const three = [ev('a', day(0, 10)), ev('b', day(0, 11)), ev('c', day(0, 12))];
  assert.equal(IDLE_DAYS, 60);
  assert.equal(masteryOf(C, three, at(day(59, 12))).level, 'proficient', '59 days: no drop');
  assert.equal(masteryOf(C, three, at(day(60, 12))).level, 'familiar', '60 days: one level');
  assert.equal(masteryOf(C, three, at(day(120, 12))).level, 'attempted', '120 days: two levels');
  // A gap between two answers drops too: proficient, 61 days pass (→ familiar, 1 credit), then a new item → 2 credits.
  const gap = [...three, ev('d', day(61, 12))];
  assert.equal(masteryOf(C, gap, at(day(61, 13))).level, 'familiar');
});

test('mastered needs five different items and answers spread over at least a day', () => {
  const sameDay = ['a', 'b', 'c', 'd', 'e'].map((item, k) => ev(item, day(0, 8 + k)));
  assert.equal(masteryOf(C, sameDay, at(day(0, 20))).level, 'proficient');
  const spread = [...sameDay.slice(0, 4), ev('e', day(2, 9), { kind: 'review' })];
  assert.equal(masteryOf(C, spread, at(day(2, 10))).level, 'mastered');
});

test('weak levels are attempted and familiar', () => {
  assert.deepEqual((['not-started', 'attempted', 'familiar', 'proficient', 'mastered'] as const).map(isWeak), [
    false,
    true,
    true,
    false,
    false,
  ]);
});
