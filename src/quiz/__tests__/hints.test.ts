/**
 * Stepped hints (issue 17): every numeric question, fixed or generated, gives two or three hints, each one a step,
 * and the last one is the worked solution showing the answer calc computes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizBankSchema } from '../schema.ts';
import { TEMPLATE_IDS, generate } from '../generators.ts';
import { generatedNumeric, steppedHints, withUnit } from '../model.ts';
import { hintCount, sawWorkedSolution, startQuiz, revealHint, type Resolved } from '../state.ts';
import { workedAnswer, workedSolution } from '../worked.ts';
import { withFacts } from '../factText.ts';

const QUIZZES = new URL('../../../content/quizzes/', import.meta.url);
const files = readdirSync(QUIZZES).filter((f) => f.endsWith('.yaml'));
const SEEDS = 150;

for (const file of files) {
  const parsed = quizBankSchema.safeParse(parse(readFileSync(new URL(file, QUIZZES), 'utf8')));
  if (!parsed.success) continue; // banks.test.ts reports schema failures
  for (const raw of parsed.data.questions) {
    // As the build does (banks.ts): regulatory figures from the fact collection first.
    const q = withFacts(raw);
    if (q.type !== 'numeric') continue;
    test(`${file} "${q.id}": two or three hints, the last the worked solution with calc's answer`, () => {
      const worked = workedSolution(q);
      const total = q.hints.length + 1;
      assert.ok(total >= 2 && total <= 3, `${q.id} has ${total} hints with its worked solution`);
      // The bank's answer is written by hand; calc's, rounded to its places, must read the same.
      assert.equal(workedAnswer(q), withUnit(q.answer, q.unit));
      assert.ok(worked.includes(withUnit(q.answer, q.unit)), `${q.id}: the worked solution shows ${q.answer}`);
      assert.doesNotMatch(worked, /\{[a-zA-Z]/, `${q.id}: every figure of the worked solution is filled in`);
    });
  }
}

for (const template of TEMPLATE_IDS) {
  test(`template "${template}": over ${SEEDS} seeds, two or three hints, the last the solution with the answer`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const g = generate(template, seed * 104729 + 7, {});
      const n = generatedNumeric(g);
      const total = hintCount({ prompt: g.prompt, numeric: n });
      assert.ok(total >= 2 && total <= 3, `${template} seed ${seed}: ${total} hints`);
      assert.ok(n.solution.length > 0);
      assert.ok(n.solution.join(' ').includes(g.display), `${template} seed ${seed}: the solution shows ${g.display}`);
    }
  });
}

test('the schema refuses a worked solution without {answer} or reading a figure it does not name', () => {
  const raw = parse(readFileSync(new URL('what-leverage-is.yaml', QUIZZES), 'utf8')) as {
    questions: Record<string, unknown>[];
  };
  const fee = raw.questions.find((q) => q['id'] === 'opening-fee-at-20x');
  assert.ok(fee);
  const issues = (worked: string) => {
    fee['worked'] = worked;
    const r = quizBankSchema.safeParse(raw);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };
  assert.deepEqual(issues('The position is {position}, and the fee is {answer}.'), []);
  assert.ok(issues('The fee is ten dollars, as worked by hand.').some((m) => m.includes('must show {answer}')));
  assert.ok(issues('The fee is {answer}, on {nothing}.').some((m) => m.includes('{nothing}')));
});

test('steppedHints keeps two hints, and joins a third to the second', () => {
  assert.deepEqual(steppedHints(['a', 'b']), ['a', 'b']);
  assert.deepEqual(steppedHints(['a', 'b', 'c']), ['a', 'b c']);
});

test('an answer checked after the worked solution is flagged as not mastered; one checked before is not', () => {
  const r: Resolved = {
    prompt: 'p',
    numeric: {
      key: { accepted: [{ answer: '1', tolerance: '0' }], unit: 'USD', traps: [] },
      display: '1 USD',
      margin: '',
      alternatives: [],
      hints: ['step one'],
      solution: ['worked'],
    },
  };
  assert.equal(hintCount(r), 2);
  let s = startQuiz([], () => 0);
  s = {
    ...s,
    items: [{ seed: 0, selected: [], text: '', hints: 0, hintsAtCheck: 1, feedback: null, first: null, checks: 1 }],
  };
  assert.equal(sawWorkedSolution(s.items[0], r), false);
  s = revealHint(revealHint(s, 0, 2), 0, 2);
  assert.equal(s.items[0].hints, 2);
  assert.equal(sawWorkedSolution({ ...s.items[0], hintsAtCheck: 2 }, r), true);
});
