/** The isolated-vs-cross sandbox in words: the scenario and the model's own verdict on what each mode lost. */
import { computeSandbox } from '../../widgets/MarginModes/model.ts';
import type { MarginModesValues } from '../../widgets/MarginModes/params.ts';
import { formatMoney, formatPercent } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';

export const describeMarginModes: Describer = (values) => {
  const v = values as MarginModesValues;
  const r = must('margin-modes', computeSandbox(v));
  const usdt = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, { unit: 'USDT', signed: true });
  const assets = r.positions.map((p) => `${p.side} ${p.asset}`).join(', ');
  // The market move is shown as typed (a percentage); the verdict is the model's own sentence on what happened.
  return {
    sentence: `A ${formatMoney(r.wallet, { unit: 'USDT' })} wallet with ${assets}, the market moving ${v.market}%: ${r.verdict}`,
    figures: [
      ['Isolated account', usdt(r.isolatedChange)],
      ['Cross account', usdt(r.crossChange)],
      [
        'First liquidation',
        r.events[0] ? `${r.events[0].asset} at ${formatPercent(r.events[0].assetMove, { signed: true })}` : 'none',
      ],
    ],
  };
};
