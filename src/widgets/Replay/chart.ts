/**
 * The replay's chart: closes, highs and lows up to the candle shown, with the liquidation, stop and target lines, as a
 * LazyChart spec and a candle table. Loaded after the widget hydrates, so it costs nothing on the first paint.
 */
import { formatMoney, formatPrice } from '../../format/numbers.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import type { ReplayModelResult } from './model.ts';

const END_WORDS = { stop: 'Stopped out', takeProfit: 'Took profit', liquidation: 'Liquidated' } as const;
const usdt = (d: { toFixed(): string }) => formatMoney(d, { unit: 'USDT' });
/** Prices of any size: more digits for small ones (a CSV of a 0.5 USDT coin). */
const price = (d: { toFixed(dp?: number): string } | number | null) => {
  if (d === null) return 'none';
  const n = typeof d === 'number' ? d : Number(d.toFixed(8));
  return formatPrice(d, { digits: Math.abs(n) < 10 ? 4 : 2 });
};

export function chartFor(
  r: ReplayModelResult,
  cursor: number,
): { spec: ChartSpec; table: ChartTable; summary: string } {
  const shown = r.candles.slice(0, cursor + 1);
  const xs = [1, r.candles.length];
  const flat = (label: string, y: { toNumber(): number } | null, color: string) =>
    y ? [{ label, points: xs.map((x) => ({ x, y: y.toNumber() })), color }] : [];
  const reached = r.end && cursor >= r.end.index ? r.end : null;
  const spec: ChartSpec = {
    kind: 'line',
    xLabel: 'Candle',
    yLabel: 'Price (USDT)',
    series: [
      { label: 'Close', points: shown.map((c, i) => ({ x: i + 1, y: c.close })), color: '--accent' },
      { label: 'High', points: shown.map((c, i) => ({ x: i + 1, y: c.high })), color: '--good' },
      { label: 'Low', points: shown.map((c, i) => ({ x: i + 1, y: c.low })), color: '--warn' },
      ...flat('Liquidation price', r.liquidation, '--bad'),
      ...flat('Stop', r.stop, '--fg-muted'),
      ...flat('Take-profit', r.takeProfit, '--good'),
    ],
    markers: [
      { x: r.entryIndex + 1, label: 'Entry', color: '--fg-muted' },
      ...(reached ? [{ x: reached.index + 1, label: END_WORDS[reached.kind], color: '--bad' }] : []),
    ],
  };
  const table: ChartTable = {
    caption: 'Candles up to the one shown, with the position’s equity at each close',
    columns: ['Candle', 'Time', 'Open', 'High', 'Low', 'Close', 'Equity'],
    rows: shown.map((c, i) => [
      String(i + 1),
      c.time,
      price(c.open),
      price(c.high),
      price(c.low),
      price(c.close),
      r.equity[i] ? usdt(r.equity[i] as { toFixed(): string }) : '',
    ]),
  };
  const summary =
    `Price chart of ${r.candles.length} candles with closes, highs and lows up to candle ${cursor + 1}, ` +
    `entry at candle ${r.entryIndex + 1}` +
    (r.liquidation ? ` and the liquidation line at ${price(r.liquidation)}` : '') +
    (reached ? `; ${END_WORDS[reached.kind].toLowerCase()} on candle ${reached.index + 1}.` : '.');
  return { spec, table, summary };
}
