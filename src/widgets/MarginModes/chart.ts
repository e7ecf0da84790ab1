/**
 * The sandbox's chart: both accounts' equity along the price move, as a LazyChart spec and table. Loaded after the
 * widget hydrates, so it costs nothing on the first paint. Every figure comes from the model (and so from calc).
 */
import { formatMoney, formatPercent } from '../../format/numbers.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import type { SandboxResult } from './model.ts';

const usdt = (d: { toFixed(): string }) => formatMoney(d, { unit: 'USDT' });
const share = (t: { toFixed(): string }) => formatPercent(t, { digits: 0 });

export function chartFor(r: SandboxResult): { spec: ChartSpec; table: ChartTable; summary: string } {
  const curve = r.curve;
  const n = (d: { toNumber(): number }) => d.toNumber();
  const markers = r.events.map((e) => ({
    x: e.atPercent,
    label: e.mode === 'cross' ? 'Cross account liquidated' : `${e.asset} isolated liquidated`,
    color: e.mode === 'cross' ? '--bad' : '--warn',
  }));
  return {
    spec: {
      kind: 'line',
      xLabel: 'Share of the price move done (%)',
      yLabel: 'Account equity (USDT)',
      series: [
        { label: 'All isolated', points: curve.map((p) => ({ x: p.at, y: n(p.isolated) })), color: '--accent' },
        { label: 'All cross', points: curve.map((p) => ({ x: p.at, y: n(p.cross) })), color: '--bad' },
        {
          label: 'Cross maintenance requirement',
          points: curve.map((p) => ({ x: p.at, y: n(p.maintenance) })),
          color: '--fg-muted',
        },
      ],
      markers,
    },
    table: {
      caption: 'Account equity along the price move',
      columns: ['Share of the move', 'All isolated', 'All cross', 'Cross maintenance requirement'],
      rows: curve
        .filter((_, i) => i % 2 === 0)
        .map((p) => [`${p.at}%`, usdt(p.isolated), usdt(p.cross), usdt(p.maintenance)]),
    },
    summary:
      `Chart of both accounts’ equity as prices move: isolated ends at ${usdt(r.isolatedEquity)}, cross at ${usdt(r.crossEquity)}` +
      (r.crossLiquidatedAt
        ? `, after the cross account was liquidated ${share(r.crossLiquidatedAt)} of the way.`
        : '; the cross account is never liquidated.'),
  };
}
