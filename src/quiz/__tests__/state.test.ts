/**
 * The quiz's state without the calculation code (state.ts), and the numeric grader the view loads on demand
 * (model.ts `gradeTyped`). Expected values are worked by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWith, needsGrader, startQuiz, typeAnswer, unavailable, choose, type ClientQuestion } from '../state.ts';
import { gradeTyped, checkAnswer, resolve } from '../model.ts';

const single: ClientQuestion = {
  id: 'pick-one',
  type: 'single',
  section: 'long-and-short',
  concepts: ['pnl-scales-with-notional'],
  concept: 'A short gains when the price falls.',
  prompt: 'You short and the price falls. What happens?',
  choices: [
    { text: 'You gain.', correct: true, explanation: 'A short profits from a fall.' },
    { text: 'You lose.', correct: false, explanation: 'That is a long.' },
  ],
};

const fee: ClientQuestion = {
  id: 'fee',
  type: 'numeric',
  section: 'fees',
  concepts: ['pnl-scales-with-notional'],
  concept: 'Fees are charged on the position, not the margin.',
  prompt: 'A 0.05% fee on a 20,000 USDT position: how much, in USDT?',
  // 20,000 × 0.0005 = 10.
  answer: '10',
  tolerance: 0.01,
  unit: 'USDT',
  alternatives: [],
  maximum: false,
  hints: [],
  explanation: 'The fee is a share of the position.',
  traps: [],
};

test('choice questions are checked without the numeric grader; numeric ones need it', () => {
  assert.equal(needsGrader(single), false);
  assert.equal(needsGrader(fee), true);
  let s = startQuiz([single], () => 0);
  s = choose(s, 0, 0, false, true);
  s = checkWith(s, 0, single, { prompt: single.prompt }, null);
  const f = s.items[0]?.feedback;
  assert.ok(f?.kind === 'choice' && f.grade.correct);
  assert.equal(s.items[0]?.first, true);
  assert.throws(
    () =>
      checkWith(
        startQuiz([fee], () => 0),
        0,
        fee,
        resolve(fee, 0),
        null,
      ),
    /numeric grader/,
  );
});

test("the grader shows the reader's number in the question's unit", () => {
  const key = resolve(fee, 0).numeric?.key;
  assert.ok(key);
  const right = gradeTyped(key, '$10.004');
  assert.ok(right.ok && right.grade.correct);
  assert.equal(right.ok && right.shown, '10.004 USDT');
  // 1,250.5 read from "1,250.5 USDT" and shown with its grouping.
  const wrong = gradeTyped(key, '1,250.5 USDT');
  assert.ok(wrong.ok && !wrong.grade.correct);
  assert.equal(wrong.ok && wrong.shown, '1,250.5 USDT');
  // Not a number: refused with a message, not graded.
  assert.equal(gradeTyped(key, 'ten').ok, false);
});

test('checking a number records the shown value; a grader that did not load counts nothing', () => {
  let s = startQuiz([fee], () => 0);
  s = typeAnswer(s, 0, '10');
  const r = resolve(fee, 0);
  const down = unavailable(s, 0, 'Your answer was not checked.');
  assert.deepEqual(down.items[0]?.feedback, { kind: 'unavailable', message: 'Your answer was not checked.' });
  assert.equal(down.items[0]?.first, null);
  assert.equal(down.items[0]?.checks, 0);
  s = checkAnswer(down, 0, fee, r);
  const f = s.items[0]?.feedback;
  assert.ok(f?.kind === 'numeric' && f.grade.correct);
  assert.equal(f.shown, '10 USDT');
  assert.equal(s.items[0]?.checks, 1);
});
