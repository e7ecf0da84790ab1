/** The leveraged token against fixed leverage, in words: where each ends on the path (its model). */
import { closesOf, computeTokenDecay } from '../../widgets/TokenDecay/model.ts';
import type { TokenDecayValues } from '../../widgets/TokenDecay/params.ts';
import { formatMultiple, formatPercent } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';
import { shippedWindow } from './windows.ts';

export const describeTokenDecay: Describer = (values) => {
  const v = values as TokenDecayValues;
  const data =
    v.path === 'choppy'
      ? {}
      : (() => {
          const w = shippedWindow(v.path);
          return { [w.id]: { title: w.title, closes: closesOf(w.candles) } };
        })();
  const r = must('token-decay', computeTokenDecay(v, data));
  if (r.kind !== 'ready') throw new Error(`[leverage-lab] token-decay: no candles for "${v.path}"`);
  const token = formatPercent(r.tokenReturn, { signed: true });
  const fixed = formatPercent(r.fixedReturn, { signed: true });
  const underlying = formatPercent(r.underlyingMove, { signed: true });
  const liquidated = r.liquidatedAt === null ? '' : ' (liquidated on the way)';
  return {
    sentence:
      `On “${r.title}”, where the price moved ${underlying}, a ${formatMultiple(r.leverage)} token reset every day ` +
      `ends ${token}, and the same leverage held as one fixed position ends ${fixed}${liquidated}.`,
    figures: [
      ['Daily-reset token', token],
      ['Fixed position', fixed],
      ['Underlying price', underlying],
    ],
  };
};
