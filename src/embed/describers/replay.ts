/** The price-path replay in words: the trade, the window's title, and how and where it ended (its model). */
import { computeReplay } from '../../widgets/Replay/model.ts';
import type { ReplayValues } from '../../widgets/Replay/params.ts';
import { formatMoney, formatMultiple, formatPercent, formatPrice } from '../../format/numbers.ts';
import { must, type Describer } from './types.ts';
import { shippedWindow } from './windows.ts';

const ENDS = { liquidation: 'was liquidated', stop: 'was stopped out', takeProfit: 'took its profit' } as const;

export const describeReplay: Describer = (values) => {
  const v = values as ReplayValues;
  const window = shippedWindow(v.scenario);
  const r = must('replay', computeReplay(v, { windows: { [window.id]: window }, random: null, csv: null }));
  const pnl = formatMoney(r.finalPnl, { unit: 'USDT', signed: true });
  const opened = r.candles[r.entryIndex]?.time ?? '';
  const how = r.end
    ? `${ENDS[r.end.kind]} at ${formatPrice(r.end.price)} (${formatPercent(r.end.move, { signed: true })}) on ${r.candles[r.end.index]?.time ?? ''}`
    : 'was still open at the end of the window';
  return {
    sentence:
      `In “${window.title}”, a ${formatMultiple(r.leverage)} ${r.mode} ${r.side} on ${formatMoney(r.margin, { unit: 'USDT' })} ` +
      `of margin, opened at ${formatPrice(r.entryPrice)} on ${opened}, ${how}: ${pnl}.`,
    figures: [
      ['Liquidation price', r.liquidation ? formatPrice(r.liquidation) : 'none'],
      ['Outcome', r.end ? ENDS[r.end.kind].replace(/^was /, '') : 'still open'],
      ['Profit or loss', pnl],
    ],
  };
};
