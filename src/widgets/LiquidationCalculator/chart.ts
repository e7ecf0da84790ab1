/**
 * The liquidation calculator's chart: equity and the maintenance requirement against the mark price, from calc's
 * maintenanceCurve under the reader's rule. Loaded only when the chart comes into view, with its calc code.
 */
import { maintenanceCurve } from '../../calc/index.ts';
import { formatMoney, formatPrice } from '../../format/numbers.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import type { LiquidationView } from './model.ts';

export function chartFor(r: LiquidationView): { spec: ChartSpec; table: ChartTable; summary: string } {
  const m = r.main;
  const curve = maintenanceCurve({
    side: r.side,
    contract: r.contract,
    quantity: r.quantity,
    entryPrice: r.entry,
    equity: m.equity,
    rule: m.rule,
    include: [m.price, m.bankruptcyPrice],
  });
  const markers = [
    { x: r.entry.toNumber(), label: 'Entry', color: '--fg-muted' },
    ...(m.price ? [{ x: m.price.toNumber(), label: 'Liquidation', color: '--bad' }] : []),
    ...(m.bankruptcyPrice ? [{ x: m.bankruptcyPrice.toNumber(), label: 'Bankruptcy', color: '--warn' }] : []),
  ];
  const price = (d: { toFixed(): string }) => formatPrice(d, { unit: r.priceUnit });
  const money = (d: { toFixed(): string }) => formatMoney(d, { unit: r.moneyUnit });
  return {
    spec: {
      kind: 'line',
      xLabel: `Mark price (${r.priceUnit})`,
      yLabel: r.moneyUnit,
      series: [
        {
          label: 'Equity (margin + PnL)',
          points: curve.map((p) => ({ x: p.price.toNumber(), y: p.equity.toNumber() })),
          color: '--accent',
        },
        {
          label: 'Maintenance requirement',
          points: curve.map((p) => ({ x: p.price.toNumber(), y: p.requirement.toNumber() })),
          color: '--bad',
        },
      ],
      markers,
    },
    table: {
      caption: 'Equity and maintenance requirement at a range of mark prices',
      columns: [`Mark price`, 'Equity', 'Maintenance requirement'],
      rows: curve.filter((_, i) => i % 5 === 0).map((p) => [price(p.price), money(p.equity), money(p.requirement)]),
    },
    summary:
      `Chart of the position’s equity and the maintenance requirement against the mark price` +
      (m.price
        ? `: the two lines meet at the liquidation price, ${price(m.price)}`
        : ': the lines never meet at a price above zero') +
      (m.bankruptcyPrice ? `, and equity reaches zero at the bankruptcy price, ${price(m.bankruptcyPrice)}.` : '.'),
  };
}
