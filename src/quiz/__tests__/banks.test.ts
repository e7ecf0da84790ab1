/** Every bank in content/quizzes: valid, matched to its lesson, fixed answers agreeing with src/calc, generated ones always solvable. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizBankSchema, checkedValue, BANK_MINIMUMS } from '../schema.ts';
import { generate } from '../generators.ts';
import { resolve, firstSeed } from '../model.ts';
import { gradeNumeric } from '../grade.ts';

const QUIZZES = new URL('../../../content/quizzes/', import.meta.url);
const LESSONS = new URL('../../../content/lessons/', import.meta.url);
const files = readdirSync(QUIZZES).filter((f) => f.endsWith('.yaml'));

/** Heading ids as the site makes them (GitHub's slugger) for plain-text "## " headings. */
function headingIds(mdx: string): Set<string> {
  const ids = [...mdx.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
    m[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .replace(/\s/g, '-'),
  );
  return new Set(ids);
}

test('there is a bank for lesson 1', () => {
  assert.ok(files.includes('what-leverage-is.yaml'));
});

for (const file of files) {
  const raw = parse(readFileSync(new URL(file, QUIZZES), 'utf8')) as unknown;
  const parsed = quizBankSchema.safeParse(raw);

  test(`${file}: passes the schema`, () => {
    assert.ok(parsed.success, parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  });
  if (!parsed.success) continue;
  const bank = parsed.data;

  test(`${file}: belongs to a published lesson and links only to its headings`, () => {
    assert.equal(`${bank.lesson}.yaml`, file);
    const lessonFile = readdirSync(LESSONS).find((f) => f.replace(/^\d\d-/, '') === `${bank.lesson}.mdx`);
    assert.ok(lessonFile, `no lesson file for ${bank.lesson}`);
    const ids = headingIds(readFileSync(new URL(lessonFile, LESSONS), 'utf8'));
    for (const q of bank.questions) assert.ok(ids.has(q.section), `${q.id}: no heading "#${q.section}"`);
  });

  test(`${file}: has the minimum mix of questions`, () => {
    const numeric = bank.questions.filter((q) => q.type === 'numeric' || q.type === 'generated');
    assert.ok(bank.questions.length >= BANK_MINIMUMS.questions);
    assert.ok(numeric.length >= BANK_MINIMUMS.numeric);
    assert.ok(bank.questions.filter((q) => q.type === 'generated').length >= BANK_MINIMUMS.generated);
  });

  test(`${file}: every fixed numeric answer is declared against src/calc (or a cited fact) and agrees with it`, () => {
    for (const q of bank.questions) {
      if (q.type !== 'numeric') continue;
      assert.ok(
        q.check || q.fact,
        `${q.id}: a fixed numeric question needs a "check" (the src/calc call that gives its answer) or, for a fact such as a legal threshold, a "fact" naming its source`,
      );
      if (q.check) {
        const computed = checkedValue(q.check);
        const dp = q.answer.includes('.') ? q.answer.split('.')[1].length : 0;
        assert.equal(computed.toDecimalPlaces(dp).toFixed(), q.answer, q.id);
      }
      // The answer, as shown after a check, is graded right.
      const r = resolve(q, 0);
      const graded = gradeNumeric(r.numeric!.key, q.answer);
      assert.ok(graded.ok && graded.grade.correct, q.id);
    }
  });

  test(`${file}: generated questions are solvable for their first seed and many others`, () => {
    for (const q of bank.questions) {
      if (q.type !== 'generated') continue;
      const seeds = [firstSeed(bank.lesson, q), ...Array.from({ length: 40 }, (_, i) => (i * 2654435761) >>> 0)];
      for (const seed of seeds) {
        const g = generate(q.template, seed, q.ranges);
        assert.match(g.answer, /^-?\d+(\.\d+)?$/, `${q.id} seed ${seed}`);
        assert.doesNotMatch(g.prompt, /NaN|Infinity|undefined/, `${q.id} seed ${seed}`);
      }
    }
  });

  test(`${file}: every choice explains itself and question ids are unique`, () => {
    assert.equal(new Set(bank.questions.map((q) => q.id)).size, bank.questions.length);
    for (const q of bank.questions) {
      if (q.type !== 'single' && q.type !== 'multiple') continue;
      for (const c of q.choices) assert.ok(c.explanation.length >= 10, `${q.id}: "${c.text}"`);
    }
  });
}
