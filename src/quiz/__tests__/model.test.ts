import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startQuiz,
  choose,
  typeAnswer,
  checkAnswer,
  revealHint,
  anotherQuestion,
  attemptResult,
  answeredCount,
  resolve,
  firstSeed,
  withUnit,
  type ClientQuestion,
} from '../model.ts';

const questions: ClientQuestion[] = [
  {
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
  },
  {
    id: 'pick-many',
    type: 'multiple',
    section: 'long-and-short',
    concepts: ['pnl-scales-with-notional'],
    concept: 'What reduces margin.',
    prompt: 'Which take money from your margin?',
    choices: [
      { text: 'Fees', correct: true, explanation: 'Fees come out of margin.' },
      { text: 'A gain', correct: false, explanation: 'A gain adds to equity.' },
      { text: 'Funding paid', correct: true, explanation: 'Funding paid comes out of margin.' },
    ],
  },
  {
    id: 'fee',
    type: 'numeric',
    section: 'a-worked-example-a-10x-long',
    concepts: ['pnl-scales-with-notional'],
    concept: 'Fees follow the position.',
    prompt: 'Fee on 20,000 USDT at 0.05%?',
    answer: '10',
    tolerance: 0.01,
    unit: 'USDT',
    hints: ['A share of the position.', 'Times 0.0005.'],
    explanation: 'The fee is on the position.',
    traps: [{ answer: '0.5', explanation: 'That is 0.05% of your margin.' }],
    alternatives: [],
    maximum: false,
  },
  {
    id: 'liq',
    type: 'generated',
    section: 'liquidation-comes-before-your-margin-is-gone',
    concepts: ['pnl-scales-with-notional'],
    concept: 'Liquidation price.',
    template: 'isolated-liquidation',
    ranges: {},
  },
];

const start = () => startQuiz(questions, (q) => firstSeed('what-leverage-is', q));
const resolvedAt = (state: ReturnType<typeof start>) => questions.map((q, i) => resolve(q, state.items[i].seed));

test('a generated question starts from a seed that is the same on the server and in the browser', () => {
  assert.equal(start().items[3].seed, start().items[3].seed);
  assert.equal(start().items[0].seed, 0);
  assert.deepEqual(resolvedAt(start())[3], resolvedAt(start())[3]);
});

test('checking with nothing chosen or typed says so and does not count', () => {
  let s = start();
  const r = resolvedAt(s);
  s = checkAnswer(s, 0, questions[0], r[0]);
  assert.deepEqual(s.items[0].feedback, { kind: 'invalid', message: 'Choose an answer first.' });
  s = checkAnswer(s, 1, questions[1], r[1]);
  assert.equal(s.items[1].feedback?.kind, 'invalid');
  s = typeAnswer(s, 2, 'ten');
  s = checkAnswer(s, 2, questions[2], r[2]);
  assert.equal(s.items[2].feedback?.kind, 'invalid');
  assert.equal(answeredCount(s), 0);
});

test('the first checked answer counts; later checks teach but do not change the score', () => {
  let s = start();
  const r = resolvedAt(s);
  s = choose(s, 0, 1, false, true);
  s = checkAnswer(s, 0, questions[0], r[0]);
  assert.equal(s.items[0].first, false);
  s = choose(s, 0, 0, false, true);
  assert.deepEqual(s.items[0].selected, [0], 'a radio keeps only the latest choice');
  s = checkAnswer(s, 0, questions[0], r[0]);
  assert.equal(s.items[0].first, false);
  assert.equal(s.items[0].checks, 2);
  const f = s.items[0].feedback;
  assert.ok(f?.kind === 'choice' && f.grade.correct, 'the latest feedback is for the latest answer');
});

test('multiple choice needs exactly the right set', () => {
  let s = start();
  const r = resolvedAt(s);
  s = choose(s, 1, 0, true, true);
  s = choose(s, 1, 2, true, true);
  s = choose(s, 1, 1, true, true);
  s = choose(s, 1, 1, true, false);
  assert.deepEqual(s.items[1].selected, [0, 2]);
  s = checkAnswer(s, 1, questions[1], r[1]);
  assert.equal(s.items[1].first, true);
});

test('a numeric trap explains the mistake, and hints are revealed one at a time up to the last', () => {
  let s = start();
  const r = resolvedAt(s);
  s = revealHint(s, 2, 2);
  s = revealHint(s, 2, 2);
  s = revealHint(s, 2, 2);
  assert.equal(s.items[2].hints, 2);
  s = typeAnswer(s, 2, '0.5');
  s = checkAnswer(s, 2, questions[2], r[2]);
  const f = s.items[2].feedback;
  assert.ok(f?.kind === 'numeric' && !f.grade.correct && f.grade.note === 'That is 0.05% of your margin.');
});

test('"Try another" draws new numbers, clears the answer and hints, and keeps the first result', () => {
  let s = start();
  const r = resolvedAt(s);
  s = typeAnswer(s, 3, '1');
  s = revealHint(s, 3, 3);
  s = checkAnswer(s, 3, questions[3], r[3]);
  assert.equal(s.items[3].first, false);
  s = anotherQuestion(s, 3, 12345);
  assert.equal(s.items[3].seed, 12345);
  assert.equal(s.items[3].text, '');
  assert.equal(s.items[3].hints, 0);
  assert.equal(s.items[3].first, false);
  assert.notEqual(resolve(questions[3], 12345).prompt, r[3].prompt);
});

test('the result appears once every question has a counted answer', () => {
  let s = start();
  const r = resolvedAt(s);
  s = choose(s, 0, 0, false, true);
  s = checkAnswer(s, 0, questions[0], r[0]);
  s = choose(s, 1, 0, true, true);
  s = checkAnswer(s, 1, questions[1], r[1]);
  s = typeAnswer(s, 2, '10 USDT');
  s = checkAnswer(s, 2, questions[2], r[2]);
  assert.equal(attemptResult(s, questions), null);
  s = typeAnswer(s, 3, r[3].numeric!.display);
  s = checkAnswer(s, 3, questions[3], r[3]);
  assert.deepEqual(attemptResult(s, questions), { score: 0.75, right: 3, total: 4, missed: ['pick-many'] });
});

test('numbers are shown with their unit', () => {
  assert.equal(withUnit('45226.1306', 'USDT', 2), '45,226.13 USDT');
  assert.equal(withUnit('100', '%'), '100%');
});

test('a fixed question with alternatives grades each convention right and names it; a maximum only counts below', () => {
  const q: ClientQuestion = {
    id: 'max-lev',
    type: 'numeric',
    section: 'put-the-stop-before-liquidation',
    concepts: ['pnl-scales-with-notional'],
    concept: 'The highest leverage that keeps the stop first.',
    prompt: 'Long at 60,000, stop at 57,000, 0.5% maintenance: the highest leverage?',
    // 1/L = (60,000 − 57,000 × 0.995) / 60,000 = 0.05475 → 18.2648x (Binance); 60,000 / 3,300 = 18.1818x (Bybit).
    answer: '18.2648',
    tolerance: 0.1,
    unit: 'x',
    method: 'the maintenance margin at the liquidation price',
    alternatives: [{ answer: '18.1818', method: 'the maintenance margin at entry' }],
    maximum: true,
    hints: [],
    explanation: 'Set the liquidation price on the stop.',
    traps: [],
  };
  const r = resolve(q, 0);
  assert.equal(r.numeric!.method, 'the maintenance margin at the liquidation price');
  assert.deepEqual(r.numeric!.alternatives, [
    { display: '18.1818 x', margin: 'from 18.0818 x up to 18.1818 x', method: 'the maintenance margin at entry' },
  ]);
  assert.equal(r.numeric!.margin, 'from 18.1648 x up to 18.2648 x');
  let s = startQuiz([q], () => 0);
  s = typeAnswer(s, 0, '18.1');
  s = checkAnswer(s, 0, q, r);
  const f = s.items[0].feedback;
  assert.ok(f?.kind === 'numeric' && f.grade.correct && f.grade.method === 'the maintenance margin at entry');
  s = typeAnswer(s, 0, '18.3');
  s = checkAnswer(s, 0, q, r);
  const up = s.items[0].feedback;
  assert.ok(up?.kind === 'numeric' && !up.grade.correct);
});

test('an alternative in its own unit is shown in that unit', () => {
  const q: ClientQuestion = {
    id: 'ecp',
    type: 'numeric',
    section: 'who-counts-as-an-eligible-contract-participant',
    concepts: ['pnl-scales-with-notional'],
    concept: 'The hedging threshold.',
    prompt: 'Above what amount, in millions of dollars?',
    answer: '5',
    tolerance: 0,
    unit: '$ million',
    method: 'the amount in millions of dollars',
    alternatives: [{ answer: '5000000', unit: 'USD', method: 'the amount in dollars', fact: 'The same amount.' }],
    maximum: false,
    hints: [],
    explanation: 'More than $5 million when hedging.',
    traps: [],
  };
  const r = resolve(q, 0);
  assert.equal(r.numeric!.display, '5 $ million');
  assert.deepEqual(r.numeric!.alternatives, [
    { display: '5,000,000 USD', margin: '', method: 'the amount in dollars' },
  ]);
});
