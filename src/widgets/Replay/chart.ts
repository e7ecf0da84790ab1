/**
 * The replay's chart: the last price's closes, highs and lows and the mark price's highs and lows up to the candle
 * shown, with the liquidation, stop and target lines, as a LazyChart spec and a candle table. Loaded after the widget
 * hydrates, so it costs nothing on the first paint.
 */
import { formatMoney } from '../../format/numbers.ts';
import type { ChartSeries, ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import { DATA_CREDIT } from './menu.ts';
import { priceText as price, type ReplayShown } from './shown.ts';

const END_WORDS = { stop: 'Stopped out', takeProfit: 'Took profit', liquidation: 'Liquidated' } as const;
const usdt = (d: string) => formatMoney(d, { unit: 'USDT' });

export function chartFor(r: ReplayShown, cursor: number): { spec: ChartSpec; table: ChartTable; summary: string } {
  const shown = r.candles.slice(0, cursor + 1);
  const xs = [1, r.candles.length];
  // Chart.js draws floats: the nearest one to each exact level (drawing only; text keeps the digits).
  const flat = (label: string, y: string | null, color: string) =>
    y ? [{ label, points: xs.map((x) => ({ x, y: Number(y) })), color }] : [];
  const reached = r.end && cursor >= r.end.index ? r.end : null;
  const lastWord = r.hasMark ? 'Last price' : 'Price';
  const mark: ChartSeries[] = r.hasMark
    ? [
        {
          label: 'Mark high',
          points: shown.map((c, i) => ({ x: i + 1, y: c.markHigh ?? c.high })),
          color: '--fg-muted',
        },
        { label: 'Mark low', points: shown.map((c, i) => ({ x: i + 1, y: c.markLow ?? c.low })), color: '--bad' },
      ]
    : [];
  const spec: ChartSpec = {
    kind: 'line',
    xLabel: 'Candle',
    yLabel: 'Price (USDT)',
    series: [
      { label: `${lastWord}, close`, points: shown.map((c, i) => ({ x: i + 1, y: c.close })), color: '--accent' },
      { label: `${lastWord}, high`, points: shown.map((c, i) => ({ x: i + 1, y: c.high })), color: '--good' },
      { label: `${lastWord}, low`, points: shown.map((c, i) => ({ x: i + 1, y: c.low })), color: '--warn' },
      ...mark,
      ...flat('Liquidation price (mark)', r.liquidation, '--bad'),
      ...flat(r.hasMark ? 'Stop (last)' : 'Stop', r.stop, '--fg-muted'),
      ...flat(r.hasMark ? 'Take-profit (last)' : 'Take-profit', r.takeProfit, '--good'),
    ],
    markers: [
      { x: r.entryIndex + 1, label: 'Entry', color: '--fg-muted' },
      ...(reached ? [{ x: reached.index + 1, label: END_WORDS[reached.kind], color: '--bad' }] : []),
    ],
  };
  const markColumns = r.hasMark ? ['Mark high', 'Mark low', 'Mark close'] : [];
  const table: ChartTable = {
    caption:
      'Candles up to the one shown, with the position’s equity at each close' +
      (r.hasMark ? ` (valued at the mark price). Data: ${DATA_CREDIT.name}, ${DATA_CREDIT.licence}` : ''),
    columns: ['Candle', 'Time', 'Open', 'High', 'Low', 'Close', ...markColumns, 'Equity'],
    rows: shown.map((c, i) => [
      String(i + 1),
      c.time,
      price(c.open),
      price(c.high),
      price(c.low),
      price(c.close),
      ...(r.hasMark ? [price(c.markHigh), price(c.markLow), price(c.markClose)] : []),
      r.equity[i] ? usdt(r.equity[i]) : '',
    ]),
  };
  const summary =
    `Price chart of ${r.candles.length} candles with ${r.hasMark ? 'last-price closes, highs and lows and mark-price highs and lows' : 'closes, highs and lows'} up to candle ${cursor + 1}, ` +
    `entry at candle ${r.entryIndex + 1}` +
    (r.liquidation ? ` and the liquidation line at ${price(r.liquidation)}` : '') +
    (reached ? `; ${END_WORDS[reached.kind].toLowerCase()} on candle ${reached.index + 1}.` : '.');
  return { spec, table, summary };
}
