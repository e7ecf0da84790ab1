/**
 * Choice grading and the attempt's score, pure and with no calculation code, so the quiz view can grade choices and
 * count the score before (or without) loading the numeric grader. grade.ts re-exports both.
 */

export interface ChoiceGrade {
  correct: boolean;
  /** Indexes of chosen choices that are wrong. */
  wrongPicks: number[];
  /** Indexes of correct choices that were not chosen. */
  missed: number[];
}

/** Grades a selection: right only when exactly the correct choices are chosen. */
export function gradeChoices(choices: readonly { correct: boolean }[], selected: readonly number[]): ChoiceGrade {
  const chosen = new Set(selected);
  const wrongPicks = [...chosen].filter((i) => !choices[i]?.correct).sort((a, b) => a - b);
  const missed = choices.flatMap((c, i) => (c.correct && !chosen.has(i) ? [i] : []));
  return { correct: wrongPicks.length === 0 && missed.length === 0, wrongPicks, missed };
}

/** The score of an attempt: the share of questions whose first answer was right, and the ids missed. */
export function scoreAttempt(results: readonly { id: string; correct: boolean }[]): {
  score: number;
  right: number;
  total: number;
  missed: string[];
} {
  const right = results.filter((r) => r.correct).length;
  const total = results.length;
  return {
    score: total === 0 ? 0 : right / total,
    right,
    total,
    missed: results.filter((r) => !r.correct).map((r) => r.id),
  };
}
