/**
 * The worked solution of a fixed numeric question, the last of its stepped hints, made at build: the author's
 * `worked` text (or the question's explanation) with the answer as src/calc computes it through the question's
 * `check`, so the figure the reader is shown is calc's, not a number typed twice.
 */
import type { NumericQuestion } from './schema.ts';
import { checkedValue } from './schema.ts';
import { withUnit } from './model.ts';

/** How many decimal places the bank's answer is written with (the check is rounded to the same). */
function places(answer: string): number {
  return answer.includes('.') ? answer.split('.')[1].length : 0;
}

/** The answer as the worked solution shows it: calc's value through `check`, rounded like the bank's answer. */
export function workedAnswer(q: Pick<NumericQuestion, 'answer' | 'unit' | 'check'>): string {
  const value = q.check ? checkedValue(q.check).toDecimalPlaces(places(q.answer)).toFixed() : q.answer;
  return withUnit(value, q.unit);
}

/**
 * The worked solution text: `{answer}` and each `{name}` of `values` filled in from calc; without a `worked` text, the
 * explanation then the answer.
 */
export function workedSolution(q: NumericQuestion): string {
  const answer = workedAnswer(q);
  if (q.worked) {
    if (!q.worked.includes('{answer}')) {
      throw new Error(`[leverage-lab] question "${q.id}": its worked solution must show {answer}.`);
    }
    return q.worked.replace(/\{([a-zA-Z]\w*)\}/g, (_m, name: string) => {
      if (name === 'answer') return answer;
      const v = q.values?.[name];
      if (!v)
        throw new Error(`[leverage-lab] question "${q.id}": its worked solution reads {${name}}, not in "values".`);
      return withUnit(checkedValue(v).toDecimalPlaces(v.digits).toFixed(), v.unit, v.digits);
    });
  }
  return `${q.explanation} The answer: ${answer}.`;
}
