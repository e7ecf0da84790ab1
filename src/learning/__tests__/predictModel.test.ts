/** "Predict, then reveal" state (src/learning/predictModel.ts): grading a guess, choices, skipping, typed guesses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  gradeGuess,
  lockGuess,
  readGuess,
  setGuess,
  skipGuess,
  startPredict,
  typeGuess,
  type ChoicePrediction,
  type NumberPrediction,
} from '../predictModel.ts';

// Lesson 4's 10x long: 1,000 + 0.2 × (P − 50,000) = 0.005 × 0.2 × P → 0.199 P = 9,000 → P = 45,226.13 (by hand).
const liquidation: NumberPrediction = {
  kind: 'number',
  min: 40000,
  max: 50000,
  step: 50,
  start: 47500,
  answer: '45226.13065326633',
  tolerance: 150,
};
const choice: ChoicePrediction = { kind: 'choice', options: ['Longs pay shorts', 'Shorts pay longs'], correct: 0 };

test('a number guess within the tolerance is right; the "10x is a 10% move" guess is not', () => {
  assert.equal(gradeGuess(liquidation, 45250), true); // 23.87 away
  assert.equal(gradeGuess(liquidation, 45376.13), true); // 149.99… away, inside
  assert.equal(gradeGuess(liquidation, 45000), false); // 226.13 away
  assert.equal(gradeGuess(liquidation, 45400), false); // 173.87 away
});

test('a choice guess is right only on the right option', () => {
  assert.equal(gradeGuess(choice, 0), true);
  assert.equal(gradeGuess(choice, 1), false);
});

test('locking grades the guess and reveals; a locked guess can no longer change', () => {
  let s = startPredict(liquidation);
  assert.deepEqual(s, { phase: 'guessing', guess: 47500, text: '47500', error: null });
  s = setGuess(s, 45200);
  s = lockGuess(s, liquidation);
  assert.deepEqual(s, { phase: 'revealed', guess: 45200, correct: true });
  assert.deepEqual(setGuess(s, 41000), s);
  assert.deepEqual(skipGuess(s), s);
});

test('a choice with nothing chosen cannot be locked; "Just show me" reveals with no guess and no grade', () => {
  const s = startPredict(choice);
  assert.equal(s.guess, null);
  assert.deepEqual(lockGuess(s, choice), s);
  assert.deepEqual(skipGuess(s), { phase: 'revealed', guess: null, correct: null });
  assert.deepEqual(lockGuess(setGuess(s, 1), choice), { phase: 'revealed', guess: 1, correct: false });
});

test('a typed guess is read with commas and a dollar sign; garbage or out-of-range text keeps the last guess and says why', () => {
  assert.equal(readGuess(' $45,200.5 '), 45200.5);
  assert.equal(readGuess('4e4'), null);
  assert.equal(readGuess('abc'), null);
  let s = startPredict(liquidation);
  s = typeGuess(s, liquidation, '45,300');
  assert.deepEqual(s, { phase: 'guessing', guess: 45300, text: '45,300', error: null });
  const bad = typeGuess(s, liquidation, '12');
  assert.equal(bad.guess, 45300);
  assert.ok(bad.phase === 'guessing' && bad.error === 'Enter a number from 40000 to 50000.');
  const shown = typeGuess(s, liquidation, '12', (n) => `$${n / 1000}k`);
  assert.ok(shown.phase === 'guessing' && shown.error === 'Enter a number from $40k to $50k.');
  assert.deepEqual(lockGuess(bad, liquidation), bad);
  const nonsense = typeGuess(s, liquidation, 'lots');
  assert.ok(nonsense.phase === 'guessing' && nonsense.error !== null);
});
