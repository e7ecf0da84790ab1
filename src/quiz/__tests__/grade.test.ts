import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswer, gradeNumeric, gradeChoices, toleranceFor, scoreAttempt, type NumericKey } from '../grade.ts';
import { MAX_INPUT_LENGTH } from '../../input/number.ts';

test('typed numbers are read with grouping commas, a currency sign, the unit and a typographic minus', () => {
  const cases: [string, string, string][] = [
    ['45226.13', 'USDT', '45226.13'],
    ['45,226.13', 'USDT', '45226.13'],
    ['$45,226', 'USDT', '45226'],
    ['45226 USDT', 'USDT', '45226'],
    ['45226 usdt', 'USDT', '45226'],
    ['  -12.5 % ', '%', '-12.5'],
    ['−3', '%', '-3'],
    ['-$500', 'USDT', '-500'],
    ['.5', 'BTC', '0.5'],
    ['0.38 BTC', 'BTC', '0.38'],
    ['1,000,000', 'USDT', '1000000'],
    ['5 million', '$ million', '5000000'],
    ['$5 million', '$ million', '5000000'],
    ['5 $ million', '$ million', '5'],
  ];
  for (const [text, unit, value] of cases) {
    const r = parseAnswer(text, unit);
    assert.ok(r.ok, text);
    assert.equal(r.value.toFixed(), value, text);
  }
});

test('what is not a number gets a plain sentence, never NaN', () => {
  for (const text of ['', '  ', 'abc', '12abc', '1e5', 'NaN', 'Infinity', '--5', '1.2.3', '9,5', '45,22', '12 %%']) {
    const r = parseAnswer(text, '%');
    assert.equal(r.ok, false, text);
    if (!r.ok) {
      assert.match(r.message, /number/i, text);
      assert.doesNotMatch(r.message.replace(text.trim(), ''), /NaN|undefined|Infinity/, text);
    }
  }
  const comma = parseAnswer('9,5', '%');
  assert.ok(!comma.ok && /point for decimals/.test(comma.message));
  // Longer than the answer field allows (it carries the same maxLength): refused at once, whatever it holds.
  const long = parseAnswer('1'.repeat(MAX_INPUT_LENGTH + 1), 'USDT');
  assert.ok(!long.ok && /too long/.test(long.message));
  assert.ok(parseAnswer('1'.repeat(MAX_INPUT_LENGTH), 'USDT').ok);
});

test('reading a hostile answer takes linear time (no backtracking pattern)', () => {
  const started = performance.now();
  for (let i = 0; i < 2000; i++) {
    parseAnswer(`${'1'.repeat(MAX_INPUT_LENGTH - 1)}x`, 'USDT');
    parseAnswer(`${' '.repeat(MAX_INPUT_LENGTH - 2)}$`, '$ million');
    parseAnswer(`1${' million'.repeat(4)}`, '$ million');
  }
  assert.ok(performance.now() - started < 1000);
});

/** A key with one accepted answer. */
const one = (answer: string, tolerance: string, unit: string, extra: Partial<NumericKey> = {}): NumericKey => ({
  accepted: [{ answer, tolerance }],
  unit,
  ...extra,
});

test('a numeric answer is right within its tolerance, inclusive, and wrong just outside it', () => {
  const key = one('45226.13', '45.23', 'USDT');
  for (const t of ['45226.13', '45180.90', '45271.36', '45,250']) {
    const r = gradeNumeric(key, t);
    assert.ok(r.ok && r.grade.correct, t);
  }
  const high = gradeNumeric(key, '45271.37');
  assert.ok(high.ok && !high.grade.correct && high.grade.direction === 'high');
  const low = gradeNumeric(key, '45180.89');
  assert.ok(low.ok && !low.grade.correct && low.grade.direction === 'low');
});

test('each accepted answer is right within its own tolerance, and the one matched is named', () => {
  // A 10x long of 0.2 BTC at 50,000 with 0.5 % maintenance (lesson 4): measured at the liquidation price,
  // P = 50,000 × 0.9 / 0.995 = 45,226.13 (Binance); measured at entry, P = 50,000 × (1 − 0.1 + 0.005) = 45,250 (Bybit).
  const key: NumericKey = {
    accepted: [
      { answer: '45226.13', tolerance: '5', method: 'at the liquidation price' },
      { answer: '45250', tolerance: '5', method: 'at entry' },
    ],
    unit: 'USDT',
    traps: [{ answer: '45000', tolerance: '5', explanation: 'That is the bankruptcy price.' }],
  };
  const binance = gradeNumeric(key, '45,226');
  assert.ok(binance.ok && binance.grade.correct && binance.grade.method === 'at the liquidation price');
  const bybit = gradeNumeric(key, '45250 USDT');
  assert.ok(bybit.ok && bybit.grade.correct && bybit.grade.method === 'at entry');
  // Between the two windows: wrong, and the direction is next to the nearest accepted answer.
  const between = gradeNumeric(key, '45240');
  assert.ok(between.ok && !between.grade.correct && between.grade.direction === 'low', 'nearest is 45,250');
  const above = gradeNumeric(key, '45256');
  assert.ok(above.ok && !above.grade.correct && above.grade.direction === 'high');
  const trap = gradeNumeric(key, '45000');
  assert.ok(trap.ok && !trap.grade.correct && trap.grade.note === 'That is the bankruptcy price.');
});

test('a maximum counts only at or below the limit, and rounding it up is explained', () => {
  // Long at 60,000, stop 57,000, 0.5 % maintenance: 1/L = (60,000 − 57,000 × 0.995) / 60,000 = 0.05475, L = 18.2648.
  const key = one('18.2648', '0.1', 'x', { accepted: [{ answer: '18.2648', tolerance: '0.1', atMost: true }] });
  for (const t of ['18.2648', '18.26', '18.2', '18.1648']) {
    const r = gradeNumeric(key, t);
    assert.ok(r.ok && r.grade.correct, t);
  }
  const up = gradeNumeric(key, '18.3');
  assert.ok(up.ok && !up.grade.correct && up.grade.direction === 'high' && /rounded down/.test(up.grade.note ?? ''));
  const low = gradeNumeric(key, '18.16');
  assert.ok(low.ok && !low.grade.correct && low.grade.direction === 'low');
});

test('a zero tolerance needs the exact answer', () => {
  const key = one('10', '0', 'USDT');
  assert.ok((gradeNumeric(key, '10.00') as { grade: { correct: boolean } }).grade.correct);
  assert.equal((gradeNumeric(key, '10.001') as { grade: { correct: boolean } }).grade.correct, false);
});

test('an amount in millions is right typed in millions or in dollars (review Q9)', () => {
  const key: NumericKey = {
    accepted: [
      { answer: '5', tolerance: '0', method: 'in millions' },
      { answer: '5000000', tolerance: '0', method: 'in dollars' },
    ],
    unit: '$ million',
  };
  for (const t of ['5', '5 $ million', '5 million', '$5 million', '5000000', '$5,000,000', '5,000,000 USD']) {
    const r = gradeNumeric(key, t);
    assert.ok(r.ok && r.grade.correct, t);
  }
  for (const t of ['10', '10 million', '1000000', '50']) {
    const r = gradeNumeric(key, t);
    assert.ok(r.ok && !r.grade.correct, t);
  }
});

test('a wrong number says what it most likely misunderstands', () => {
  const key = one('45226.13', '45', 'USDT', {
    traps: [{ answer: '45000', tolerance: '20', explanation: 'That is the bankruptcy price.' }],
  });
  const trap = gradeNumeric(key, '45000');
  assert.ok(trap.ok && trap.grade.note === 'That is the bankruptcy price.');
  const sign = gradeNumeric(one('-40', '0.1', '%'), '40');
  assert.ok(sign.ok && /wrong sign/.test(sign.grade.note ?? ''));
  const fraction = gradeNumeric(one('-40', '0.1', '%'), '-0.4');
  assert.ok(fraction.ok && /fraction/.test(fraction.grade.note ?? ''));
  const plain = gradeNumeric(key, '1');
  assert.ok(plain.ok && plain.grade.note === undefined);
});

test('an unreadable answer is not graded', () => {
  const r = gradeNumeric(one('1', '0', 'BTC'), 'one');
  assert.equal(r.ok, false);
});

test('the tolerance is the larger of the absolute and the relative one', () => {
  assert.equal(toleranceFor('1000', 0.5, 0.001), '1');
  assert.equal(toleranceFor('1000', 2, 0.001), '2');
  assert.equal(toleranceFor('-1000', undefined, 0.01), '10');
  assert.equal(toleranceFor('10'), '0');
});

test('a choice selection is right only when it is exactly the correct set', () => {
  const choices = [{ correct: true }, { correct: false }, { correct: true }];
  assert.deepEqual(gradeChoices(choices, [0, 2]), { correct: true, wrongPicks: [], missed: [] });
  assert.deepEqual(gradeChoices(choices, [2, 0]), { correct: true, wrongPicks: [], missed: [] });
  assert.deepEqual(gradeChoices(choices, [0]), { correct: false, wrongPicks: [], missed: [2] });
  assert.deepEqual(gradeChoices(choices, [0, 1, 2]), { correct: false, wrongPicks: [1], missed: [] });
  assert.deepEqual(gradeChoices(choices, []), { correct: false, wrongPicks: [], missed: [0, 2] });
});

test('the score is the share of questions right, with the missed ids in order', () => {
  assert.deepEqual(
    scoreAttempt([
      { id: 'a', correct: true },
      { id: 'b', correct: false },
      { id: 'c', correct: true },
      { id: 'd', correct: false },
    ]),
    { score: 0.5, right: 2, total: 4, missed: ['b', 'd'] },
  );
  assert.equal(scoreAttempt([]).score, 0);
});
