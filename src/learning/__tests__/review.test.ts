/** Review sessions and the course check, built from the real quiz banks with fixed seeds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizBankSchema } from '../../quiz/schema.ts';
import { generate } from '../../quiz/generators.ts';
import { buildCheck, buildReview, REVIEW_SIZE, type Banks, type SessionItem } from '../review.ts';

const QUIZZES = new URL('../../../content/quizzes/', import.meta.url);
const banks: Banks = Object.fromEntries(
  readdirSync(QUIZZES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const bank = quizBankSchema.parse(parse(readFileSync(new URL(f, QUIZZES), 'utf8')));
      return [bank.lesson, bank.questions];
    }),
);

/** What a generated item shows: its prompt for its seed. */
const prompts = (items: SessionItem[]) =>
  items.flatMap((i) =>
    i.question.type === 'generated' ? [generate(i.question.template, i.seed, i.question.ranges).prompt] : [],
  );

const DUE = ['liquidation-before-full-loss', 'funding-direction', 'cross-not-safer', 'leveraged-token-decay'];

test('a review session holds about ten items, each tagged with a due concept, and no item twice', () => {
  const s = buildReview(banks, DUE, 1);
  assert.equal(s.length, REVIEW_SIZE);
  for (const item of s)
    assert.ok(
      item.question.concepts.some((c) => DUE.includes(c)),
      item.itemId,
    );
  assert.equal(new Set(s.map((i) => i.itemId)).size, s.length);
  assert.ok(s.every((i) => i.itemId === `${i.lesson}/${i.question.id}`));
});

test('a session mixes lessons: no two neighbours from the same lesson while others are left, and it covers every due concept', () => {
  const s = buildReview(banks, DUE, 7);
  const lessons = new Set(s.map((i) => i.lesson));
  assert.ok(lessons.size >= 4, [...lessons].join(', '));
  // The first round takes one item per lesson, so the first `lessons.size` items are all from different lessons.
  const firstRound = s.slice(0, Math.min(lessons.size, s.length)).map((i) => i.lesson);
  assert.equal(new Set(firstRound).size, firstRound.length);
  for (const c of DUE)
    assert.ok(
      s.some((i) => i.question.concepts.includes(c)),
      `${c} not covered`,
    );
});

test('numbers never repeat: distinct seeds within a session, different numbers in two sessions', () => {
  const a = buildReview(banks, DUE, 11);
  const b = buildReview(banks, DUE, 12);
  const seedsA = a.filter((i) => i.question.type === 'generated').map((i) => i.seed);
  assert.ok(seedsA.length >= 2, 'the session has generated items');
  assert.equal(new Set(seedsA).size, seedsA.length);
  assert.ok(seedsA.every((s) => s > 0));
  const pa = new Set(prompts(a));
  const pb = prompts(b);
  assert.ok(pb.length > 0);
  assert.ok(
    pb.every((p) => !pa.has(p)),
    'no generated prompt of the second session repeats the first',
  );
  // Same seed, same session (the builder itself is deterministic; the page passes a fresh random seed).
  assert.deepEqual(buildReview(banks, DUE, 11), a);
});

test('nothing due, nothing to review; a short session when few questions match', () => {
  assert.deepEqual(buildReview(banks, [], 3), []);
  const s = buildReview(banks, ['options-capped-loss'], 3);
  assert.ok(s.length >= 1 && s.length < REVIEW_SIZE);
  assert.ok(s.every((i) => i.question.concepts.includes('options-capped-loss')));
});

test('the course check has at least 20 items across all 12 lessons, mixed, with numeric items drawn afresh', () => {
  const c = buildCheck(banks, 5);
  assert.ok(c.length >= 20, String(c.length));
  assert.equal(new Set(c.map((i) => i.lesson)).size, 12);
  assert.equal(new Set(c.map((i) => i.itemId)).size, c.length);
  const firstRound = c.slice(0, 12).map((i) => i.lesson);
  assert.equal(new Set(firstRound).size, 12, 'the first twelve items come from twelve lessons');
  assert.ok(c.some((i) => i.question.type === 'numeric' || i.question.type === 'generated'));
  const other = buildCheck(banks, 6);
  const pc = new Set(prompts(c));
  assert.ok(prompts(other).every((p) => !pc.has(p)));
});
