/**
 * The arena's chart: mark and last price (and spot on request, at hourly steps) up to the step shown, with each open
 * position's entry, stop, take-profit, liquidation and bankruptcy lines, as a LazyChart spec, a summary and a table. Loaded with the
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
  const quarter = shown.stepLabel !== 'hour';
  const withSpot = spot && !quarter;
  // With two positions each line names its side; cross positions share one liquidation line.
  const two = shown.positions.length > 1;
  const positionLines = shown.positions.flatMap((p, k): ChartSeries[] => {
    const name = (what: string) => (two ? `${what} (${p.side})` : what);
    const sharedDrawn = k > 0 && shown.sharedLiquidation;
    return [
      ...flat(name('Entry'), p.lines.entry, '--fg-muted'),
      ...flat(name('Stop-loss'), p.lines.stop, '--warn'),
      ...flat(name('Take-profit'), p.lines.takeProfit, '--good'),
      ...(sharedDrawn
        ? []
        : [
            ...flat(
              shown.sharedLiquidation ? 'Liquidation (mark), shared' : name('Liquidation (mark)'),
              p.lines.liquidation,
              '--bad',
            ),
            ...flat(shown.sharedLiquidation ? 'Bankruptcy, shared' : name('Bankruptcy'), p.lines.bankruptcy, '--bad'),
          ]),
    ];
  });
  const spec: ChartSpec = {
    kind: 'line',
    xLabel: quarter ? '15-minute step of the window' : 'Hour of the window',
    yLabel: 'Price (USDT)',
    series: [
      { label: 'Last price, close', points: seen.map((b, i) => ({ x: x(i), y: b.close })), color: '--accent' },
      { label: 'Last price, high', points: seen.map((b, i) => ({ x: x(i), y: b.high })), color: '--good' },
      { label: 'Last price, low', points: seen.map((b, i) => ({ x: x(i), y: b.low })), color: '--warn' },
      { label: 'Mark price, close', points: seen.map((b, i) => ({ x: x(i), y: b.markClose })), color: '--fg' },
      ...(withSpot
        ? [
            {
              label: 'Spot, close',
              points: seen.map((b, i) => ({ x: x(i), y: b.spotClose ?? b.close })),
              color: '--fg-muted',
            },
          ]
        : []),
      ...positionLines,
    ],
  };
  const table: ChartTable = {
    caption: `${quarter ? '15-minute' : 'Hourly'} candles of Binance’s BTCUSDT perpetual up to ${shown.time}, last and mark price${quarter ? ' (the mark price shared out within each hour)' : ''}, with your equity at each close. Data: ${DATA_CREDIT.name}, ${DATA_CREDIT.licence}.`,
    columns: [
      quarter ? 'Step' : 'Hour',
      'Time',
      'Last open',
      'Last high',
      'Last low',
      'Last close',
      'Mark high',
      'Mark low',
      'Mark close',
      ...(withSpot ? ['Spot close'] : []),
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
      ...(withSpot ? [b.spotClose === null ? '' : price(b.spotClose)] : []),
      shown.equityByStep[i] ?? '',
    ]),
  };
  const summary =
    `Price chart from ${bars[from]?.label ?? ''} to ${shown.time}: last price ${shown.lastPrice}, mark price ${shown.markPrice}` +
    (shown.positions.length > 0
      ? `; ${shown.positions.map((p) => `your ${p.side}’s entry ${p.entry}, liquidation ${p.liquidation} and bankruptcy ${p.bankruptcy}`).join('; ')} are drawn as lines${shown.sharedLiquidation ? ' (the two cross positions share one liquidation price)' : ''}.`
      : '; no position open.');
  return { spec, table, summary };
}
