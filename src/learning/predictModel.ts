/**
 * The state of a "Predict, then reveal" moment (src/learning/Predict.tsx): the reader's guess, its grade once locked,
 * or a reveal without a guess. Pure and small: the answer and every figure shown were computed by src/calc at build
 * (components/mdx/Predict.astro); here a guess is only read and compared with that answer.
 */
/** A typed guess as a number: digits with an optional sign, decimals, thousands commas and a leading $; else null. */
export function readGuess(text: string): number | null {
  const plain = text.trim().replace(/^\$/, '').replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

/** A number prediction as the island gets it: the slider's range, calc's answer and how close counts as right. */
export interface NumberPrediction {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  /** Where the slider starts (the reader moves it from here). */
  start: number;
  /** calc's answer, as a plain decimal string. */
  answer: string;
  /** A guess within this distance of the answer (same unit) counts as right. */
  tolerance: number;
}

/** A choice prediction: the options, in order, and the index of the right one. */
export interface ChoicePrediction {
  kind: 'choice';
  options: string[];
  correct: number;
}

export type PredictionKey = NumberPrediction | ChoicePrediction;

export type PredictState =
  | { phase: 'guessing'; guess: number | null; text: string; error: string | null }
  | { phase: 'revealed'; guess: number | null; correct: boolean | null };

/** The starting state: a number prediction shows the slider's start; a choice has nothing chosen. */
export function startPredict(key: PredictionKey): PredictState {
  if (key.kind === 'number') return { phase: 'guessing', guess: key.start, text: String(key.start), error: null };
  return { phase: 'guessing', guess: null, text: '', error: null };
}

/** The reader moved the slider or chose an option. */
export function setGuess(state: PredictState, guess: number): PredictState {
  if (state.phase !== 'guessing') return state;
  return { phase: 'guessing', guess, text: String(guess), error: null };
}

/**
 * The reader typed in the number field: kept as typed; the guess follows when it reads as a number in range. `show`
 * writes the range's ends in the message as the question shows numbers ("$40,000.00").
 */
export function typeGuess(
  state: PredictState,
  key: NumberPrediction,
  text: string,
  show: (n: number) => string = String,
): PredictState {
  if (state.phase !== 'guessing') return state;
  const read = readGuess(text);
  if (read === null || read < key.min || read > key.max) {
    return {
      phase: 'guessing',
      guess: state.guess,
      text,
      error: `Enter a number from ${show(key.min)} to ${show(key.max)}.`,
    };
  }
  return { phase: 'guessing', guess: read, text, error: null };
}

/** Whether a guess is right: within the tolerance of calc's answer, or the right option. */
export function gradeGuess(key: PredictionKey, guess: number): boolean {
  if (key.kind === 'choice') return guess === key.correct;
  return Math.abs(guess - Number(key.answer)) <= key.tolerance;
}

/** "Lock in my guess": graded and revealed; nothing happens without a usable guess (the view says why). */
export function lockGuess(state: PredictState, key: PredictionKey): PredictState {
  if (state.phase !== 'guessing' || state.guess === null || state.error) return state;
  return { phase: 'revealed', guess: state.guess, correct: gradeGuess(key, state.guess) };
}

/** "Just show me": revealed with no guess and no grade. */
export function skipGuess(state: PredictState): PredictState {
  if (state.phase !== 'guessing') return state;
  return { phase: 'revealed', guess: null, correct: null };
}
