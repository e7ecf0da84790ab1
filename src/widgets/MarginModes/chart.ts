/**
 * The sandbox's chart: both accounts' equity along the price move, as a LazyChart spec and table. Loaded after the
 * widget hydrates, so it costs nothing on the first paint.
 */
import { Decimal } from '../../calc/index.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';
import { formatMoney, formatPercent } from '../../format/numbers.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import { maintenanceAt, pnlAt, priceAt, type SandboxResult } from './model.ts';

export interface EquityPoint {
  at: number;
  isolated: DecimalT;
  cross: DecimalT;
  maintenance: DecimalT;
}

const usdt = (d: { toFixed(): string }) => formatMoney(d, { unit: 'USDT' });
const share = (t: { toFixed(): string }) => formatPercent(t, { digits: 0 });

/** Both accounts' equity at 21 points along the move (and the cross requirement), for the chart. */
export function equityCurve(r: SandboxResult): EquityPoint[] {
  const { isolated, wallet, mmr } = r;
  const crossAt = r.crossLiquidatedAt;
  const margins = r.positions.reduce((s, p) => s.plus(p.margin), new Decimal(0));
  const points: EquityPoint[] = [];
  for (let k = 0; k <= 20; k++) {
    const t = new Decimal(k).div(20);
    let iso = wallet.minus(margins);
    let crossEq = wallet;
    let maintenance = new Decimal(0);
    for (const row of isolated) {
      const p = row.position;
      const price = priceAt(p, t);
      const gain = pnlAt(p, price);
      iso = iso.plus(row.liquidatedAt !== null && row.liquidatedAt.lte(t) ? 0 : p.margin.plus(gain));
      crossEq = crossEq.plus(gain);
      maintenance = maintenance.plus(maintenanceAt(p, price, mmr));
    }
    const gone = crossAt !== null && crossAt.lte(t);
    points.push({ at: k * 5, isolated: iso, cross: gone ? new Decimal(0) : crossEq, maintenance });
  }
  return points;
}

export function chartFor(r: SandboxResult): { spec: ChartSpec; table: ChartTable; summary: string } {
  const curve = equityCurve(r);
  const n = (d: { toNumber(): number }) => d.toNumber();
  const markers = r.events.map((e) => ({
    x: n(e.at) * 100,
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
