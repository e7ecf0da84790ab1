import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswer, gradeNumeric, gradeChoices, toleranceFor, scoreAttempt } from '../grade.ts';

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
});

test('a numeric answer is right within its tolerance, inclusive, and wrong just outside it', () => {
  const key = { answer: '45226.13', tolerance: '45.23', unit: 'USDT' };
  for (const t of ['45226.13', '45180.90', '45271.36', '45,250']) {
    const r = gradeNumeric(key, t);
    assert.ok(r.ok && r.grade.correct, t);
  }
  const high = gradeNumeric(key, '45271.37');
  assert.ok(high.ok && !high.grade.correct && high.grade.direction === 'high');
  const low = gradeNumeric(key, '45180.89');
  assert.ok(low.ok && !low.grade.correct && low.grade.direction === 'low');
});

test('a zero tolerance needs the exact answer', () => {
  const key = { answer: '10', tolerance: '0', unit: 'USDT' };
  assert.ok((gradeNumeric(key, '10.00') as { grade: { correct: boolean } }).grade.correct);
  assert.equal((gradeNumeric(key, '10.001') as { grade: { correct: boolean } }).grade.correct, false);
});

test('a wrong number says what it most likely misunderstands', () => {
  const key = {
    answer: '45226.13',
    tolerance: '45',
    unit: 'USDT',
    traps: [{ answer: '45000', tolerance: '20', explanation: 'That is the bankruptcy price.' }],
  };
  const trap = gradeNumeric(key, '45000');
  assert.ok(trap.ok && trap.grade.note === 'That is the bankruptcy price.');
  const sign = gradeNumeric({ answer: '-40', tolerance: '0.1', unit: '%' }, '40');
  assert.ok(sign.ok && /wrong sign/.test(sign.grade.note ?? ''));
  const fraction = gradeNumeric({ answer: '-40', tolerance: '0.1', unit: '%' }, '-0.4');
  assert.ok(fraction.ok && /fraction/.test(fraction.grade.note ?? ''));
  const plain = gradeNumeric(key, '1');
  assert.ok(plain.ok && plain.grade.note === undefined);
});

test('an unreadable answer is not graded', () => {
  const r = gradeNumeric({ answer: '1', tolerance: '0', unit: 'BTC' }, 'one');
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
