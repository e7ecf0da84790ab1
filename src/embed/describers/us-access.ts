/** The US access navigator in words: its own one-sentence summary, and how many products each verdict covers. */
import { computeUsAccess, VERDICT_LABELS } from '../../widgets/UsAccess/model.ts';
import type { UsAccessValues } from '../../widgets/UsAccess/params.ts';
import { must, type Describer } from './types.ts';

export const describeUsAccess: Describer = (values) => {
  const r = must('us-access', computeUsAccess(values as UsAccessValues));
  const figures: [string, string][] = [];
  for (const [verdict, label] of Object.entries(VERDICT_LABELS)) {
    const count = r.products.filter((p) => p.verdict === verdict).length;
    if (count > 0) figures.push([label, `${count} product${count === 1 ? '' : 's'}`]);
  }
  return { sentence: r.summary, figures: figures.slice(0, 3) };
};
