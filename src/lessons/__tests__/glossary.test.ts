/**
 * The glossary and the lessons agree: every term a lesson marks with <Term> exists, every glossary term is introduced
 * in at least one lesson (so a term a widget or a quiz uses is never met for the first time there), and each term's
 * `lessons` list names exactly the lessons that use it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { parseLessonId } from '../slug.ts';

const root = new URL('../../../content/', import.meta.url);
const glossary = parse(readFileSync(new URL('glossary.yaml', root), 'utf8')) as {
  id: string;
  lessons?: string[];
}[];
const lessonFiles = readdirSync(new URL('lessons/', root)).filter((f) => f.endsWith('.mdx'));

/** Lesson slug → the term ids it marks with <Term id="…">. */
const usedBy = new Map<string, Set<string>>();
for (const file of lessonFiles) {
  const { slug } = parseLessonId(file.replace(/\.mdx$/, ''));
  const text = readFileSync(new URL(`lessons/${file}`, root), 'utf8');
  usedBy.set(slug, new Set([...text.matchAll(/<Term\s+id="([a-z0-9-]+)"/g)].map((m) => m[1])));
}
const lessonsUsing = (id: string) => [...usedBy].filter(([, ids]) => ids.has(id)).map(([slug]) => slug);

test('every term a lesson marks exists in the glossary', () => {
  const known = new Set(glossary.map((t) => t.id));
  for (const [slug, ids] of usedBy) {
    for (const id of ids) assert.ok(known.has(id), `${slug} uses <Term id="${id}">, which the glossary lacks`);
  }
});

test('every glossary term is introduced in at least one lesson', () => {
  const never = glossary.filter((t) => lessonsUsing(t.id).length === 0).map((t) => t.id);
  assert.deepEqual(never, [], `terms no lesson introduces: ${never.join(', ')}`);
});

test("each term's lessons list names exactly the lessons that use it", () => {
  for (const term of glossary) {
    assert.deepEqual([...(term.lessons ?? [])].sort(), lessonsUsing(term.id).sort(), `glossary term ${term.id}`);
  }
});

test('the terms the review found only in widgets and quizzes are now taught in a lesson', () => {
  // Content review, December 2026: "used by widgets or quizzes but introduced in no lesson".
  for (const id of [
    'effective-leverage',
    'break-even-price',
    'maker',
    'taker',
    'limit-order',
    'realised-pnl',
    'inverse-contract',
  ]) {
    assert.ok(lessonsUsing(id).length > 0, id);
  }
});
