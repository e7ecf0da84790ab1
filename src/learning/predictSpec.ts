/**
 * What a lesson's scenario module exports for one "Predict, then reveal" moment (components/mdx/Predict.astro turns it
 * into the island's props at build): calc calls, never typed results.
 */
import type { ShownFigure } from '../lessons/figures.ts';

/** A number prediction: calc's answer, the slider the reader guesses with, and how close counts as right. */
export interface NumberPredictionSpec {
  kind: 'number';
  /** The calc call that gives the answer, and how it is shown. */
  answer: ShownFigure;
  slider: { min: number; max: number; step: number; start: number };
  /** A guess this close to the answer (in its unit) counts as right. */
  tolerance: number;
  /** Named figures the gap sentence reads as {name}. */
  figures?: Record<string, ShownFigure>;
}

/** A choice prediction: the right option's index; figures the options or the gap sentence read as {name}. */
export interface ChoicePredictionSpec {
  kind: 'choice';
  correct: number;
  figures?: Record<string, ShownFigure>;
}

export type PredictionSpec = NumberPredictionSpec | ChoicePredictionSpec;

/** Fills `{name}` placeholders from `values`; throws, naming the placeholder, when one has no value. */
export function fillFigures(text: string, values: Record<string, string>, where: string): string {
  return text.replace(/\{([a-zA-Z][\w]*)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`[leverage-lab] ${where}: no figure named {${name}}`);
    return value;
  });
}
