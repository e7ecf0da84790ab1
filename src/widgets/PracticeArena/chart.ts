/**
 * The arena's chart: mark and last price (and spot on request) up to the hour shown, with the open position's entry,
 * stop, take-profit, liquidation and bankruptcy lines, as a LazyChart spec, a summary and a table. Loaded with the
 * model after Start.
 */
import { formatPrice } from '../../format/numbers.ts';
import type { ChartSeries, ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import { DATA_CREDIT } from '../Replay/menu.ts';
import type { ArenaBar } from './data.ts';
import type { ArenaShown } from './model.ts';

const price = (n: number) => formatPrice(n, { unit: '', digits: 2 }).trim();

export function arenaChart(
  bars: readonly ArenaBar[],
  shown: ArenaShown,
  spot: boolean,
): { spec: ChartSpec; table: ChartTable; summary: string } {
  const from = shown.startStep;
  const seen = bars.slice(from, shown.cursor + 1);
  const x = (i: number) => from + i + 1;
  const xs = [from + 1, Math.max(from + 2, shown.cursor + 1)];
  const flat = (label: string, y: number | null, color: string): ChartSeries[] =>
    y === null ? [] : [{ label, points: xs.map((px) => ({ x: px, y })), color }];
  const lines = shown.position?.lines;
  const spec: ChartSpec = {
    kind: 'line',
    xLabel: 'Hour of the window',
    yLabel: 'Price (USDT)',
    series: [
      { label: 'Last price, close', points: seen.map((b, i) => ({ x: x(i), y: b.close })), color: '--accent' },
      { label: 'Last price, high', points: seen.map((b, i) => ({ x: x(i), y: b.high })), color: '--good' },
      { label: 'Last price, low', points: seen.map((b, i) => ({ x: x(i), y: b.low })), color: '--warn' },
      { label: 'Mark price, close', points: seen.map((b, i) => ({ x: x(i), y: b.markClose })), color: '--fg' },
      ...(spot
        ? [{ label: 'Spot, close', points: seen.map((b, i) => ({ x: x(i), y: b.spotClose })), color: '--fg-muted' }]
        : []),
      ...(lines
        ? [
            ...flat('Entry', lines.entry, '--fg-muted'),
            ...flat('Stop-loss', lines.stop, '--warn'),
            ...flat('Take-profit', lines.takeProfit, '--good'),
            ...flat('Liquidation (mark)', lines.liquidation, '--bad'),
            ...flat('Bankruptcy', lines.bankruptcy, '--bad'),
          ]
        : []),
    ],
  };
  const table: ChartTable = {
    caption: `Hourly candles of Binance’s BTCUSDT perpetual up to ${shown.time}, last and mark price, with your equity at each close. Data: ${DATA_CREDIT.name}, ${DATA_CREDIT.licence}.`,
    columns: [
      'Hour',
      'Time',
      'Last open',
      'Last high',
      'Last low',
      'Last close',
      'Mark high',
      'Mark low',
      'Mark close',
      ...(spot ? ['Spot close'] : []),
      'Equity',
    ],
    rows: seen.map((b, i) => [
      String(x(i)),
      b.label,
      price(b.open),
      price(b.high),
      price(b.low),
      price(b.close),
      price(b.markHigh),
      price(b.markLow),
      price(b.markClose),
      ...(spot ? [price(b.spotClose)] : []),
      shown.equityByStep[i] ?? '',
    ]),
  };
  const summary =
    `Price chart from ${bars[from]?.label ?? ''} to ${shown.time}: last price ${shown.lastPrice}, mark price ${shown.markPrice}` +
    (lines
      ? `; your position’s entry ${shown.position?.entry}, liquidation ${shown.position?.liquidation} and bankruptcy ${shown.position?.bankruptcy} are drawn as lines.`
      : '; no position open.');
  return { spec, table, summary };
}
