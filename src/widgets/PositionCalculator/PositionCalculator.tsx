/** Position and PnL calculator: the view. All arithmetic is in model.ts and src/calc. */
import { useMemo } from 'preact/hooks';
import { binder, LeverageField, MaintenanceRateField, NumberField } from '../shared/fields.tsx';
import { Figure, toneOf } from '../shared/Figure.tsx';
import { ContractField, SideField } from '../shared/SideField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import { formatMoney, formatMultiple, formatPercent, formatPrice, formatNumber } from '../../format/numbers.ts';
import { computePosition, type PositionResult } from './model.ts';
import { positionParams, type PositionValues } from './params.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';

export interface PositionCalculatorProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<PositionValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: figures first, the chart and the leverage table folded, a link to the full tool. */
  compact?: boolean;
}

export default function PositionCalculator({
  initial,
  syncUrl = true,
  idPrefix = 'pos',
  compact = false,
}: PositionCalculatorProps) {
  const start = { ...positionParams.defaults, ...initial };
  const w = useWidget(positionParams, start, computePosition, { syncUrl });
  const r = w.result;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const money = (d: { toFixed(): string }, signed = false) => formatMoney(d, { unit: r.moneyUnit, signed });
  const price = (d: { toFixed(): string } | null) => (d === null ? 'none' : formatPrice(d, { unit: 'USDT' }));
  const chart = useMemo(() => chartFor(r), [r]);
  const unit = w.values.contract === 'inverse' ? 'BTC' : 'USDT';

  // The results: after the fields, or before them in the embed layout (the key result in the first screen).
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      <LiveSummary stale={w.stale} text={sentence(r)} />
      <dl class="ll-figures">
        <Figure label="Position size" value={money(r.notional)} testId="notional" />
        <Figure
          label="Quantity"
          value={`${formatNumber(r.quantity, { digits: 6 })} ${r.quantityUnit}`}
          testId="quantity"
        />
        <Figure label="PnL before fees" value={money(r.pnl, true)} testId="pnl" tone={toneOf(r.pnl)} />
        <Figure label="Fees, open and close" value={money(r.fees)} testId="fees" />
        <Figure
          label="PnL after fees"
          value={money(r.netPnl, true)}
          testId="net-pnl"
          tone={toneOf(r.netPnl)}
          keyResult
        />
        <Figure
          label="ROE (return on margin)"
          value={formatPercent(r.netRoe, { signed: true })}
          testId="roe"
          tone={toneOf(r.netRoe)}
        />
        <Figure
          label="Return on whole account"
          value={formatPercent(r.accountReturn, { signed: true })}
          testId="account-return"
          tone={toneOf(r.accountReturn)}
        />
        <Figure label="Break-even after fees" value={price(r.breakEven)} testId="break-even" />
        <Figure label="Liquidation price" value={price(r.liquidation)} testId="liquidation" />
        <Figure label="Bankruptcy price" value={price(r.bankruptcy)} testId="bankruptcy" />
      </dl>
      <More compact={compact} summary="Chart, and the same position at other leverages">
        <LazyChart id={id('chart')} summary={chart.summary} spec={chart.spec} table={chart.table} />
        <div class="table-wrap" role="region" aria-label="Same position at other leverages" tabIndex={0}>
          <table data-testid="same-size">
            <caption>
              The same {formatNumber(r.quantity, { digits: 6 })} {r.quantityUnit} position at other leverages: the PnL
              does not change, only the margin and the ROE do.
            </caption>
            <thead>
              <tr>
                <th scope="col">Leverage</th>
                <th scope="col">Margin needed</th>
                <th scope="col">PnL before fees</th>
                <th scope="col">ROE</th>
              </tr>
            </thead>
            <tbody>
              {r.sameSize.map((row) => (
                <tr key={row.leverage}>
                  <th scope="row">{formatMultiple(row.leverage)}</th>
                  <td>{money(row.margin)}</td>
                  <td>{money(row.pnl, true)}</td>
                  <td>{formatPercent(row.roe, { signed: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </More>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="position">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Position settings">
          <SideField name={id('side')} value={w.values.side} onChange={(v) => w.set('side', v)} />
          <ContractField name={id('contract')} value={w.values.contract} onChange={(v) => w.set('contract', v)} />
          <NumberField {...bind('margin')} label="Margin" unit={unit} />
          <LeverageField {...bind('leverage')} />
          <NumberField {...bind('entry')} label="Entry price" unit="USDT" />
          <NumberField {...bind('exit')} label="Exit price" unit="USDT" />
          <More compact={compact} summary="Fees, maintenance rate and account">
            <NumberField
              {...bind('fee')}
              label="Trading fee per side"
              unit="%"
              hint="Taker fee on the notional, paid to open and to close."
            />
            <MaintenanceRateField {...bind('mmr')} />
            <NumberField {...bind('account')} label="Whole account" unit={unit} />
          </More>
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="position" query={serializeParams(positionParams, w.values)} />}
    </div>
  );
}

function sentence(r: PositionResult): string {
  return (
    `A ${formatMultiple(r.leverage)} ${r.side} of ${formatMoney(r.notional, { unit: r.moneyUnit })} on ${formatMoney(r.margin, { unit: r.moneyUnit })} of margin: ` +
    `a ${formatPercent(r.move, { signed: true })} price move gives ${formatMoney(r.netPnl, { unit: r.moneyUnit, signed: true })} after fees, ` +
    `${formatPercent(r.netRoe, { signed: true })} of the margin` +
    (r.liquidation ? `; liquidation at ${formatPrice(r.liquidation)}.` : '; this position cannot be liquidated.')
  );
}

function chartFor(r: PositionResult): { spec: ChartSpec; table: ChartTable; summary: string } {
  const points = r.curve.map((p) => ({ x: p.price.toNumber(), y: p.pnl.toNumber() }));
  const markers = [
    { x: r.entry.toNumber(), label: 'Entry', color: '--fg-muted' },
    { x: r.breakEven.toNumber(), label: 'Break-even', color: '--good' },
    ...(r.liquidation ? [{ x: r.liquidation.toNumber(), label: 'Liquidation', color: '--bad' }] : []),
    ...(r.bankruptcy ? [{ x: r.bankruptcy.toNumber(), label: 'Bankruptcy', color: '--warn' }] : []),
  ];
  const every = r.curve.filter((_, i) => i % 5 === 0);
  return {
    spec: {
      kind: 'line',
      xLabel: 'Exit price (USDT)',
      yLabel: `PnL (${r.moneyUnit})`,
      series: [{ label: 'PnL before fees', points, color: '--accent' }],
      markers,
    },
    table: {
      caption: 'PnL before fees at a range of exit prices',
      columns: ['Exit price', 'PnL before fees'],
      rows: every.map((p) => [formatPrice(p.price), formatMoney(p.pnl, { unit: r.moneyUnit, signed: true })]),
    },
    summary:
      `Chart of PnL against exit price for a ${r.side}: a straight line through zero at the entry price ${formatPrice(r.entry)}` +
      (r.liquidation ? `, with liquidation at ${formatPrice(r.liquidation)}` : '') +
      ` and break-even after fees at ${formatPrice(r.breakEven)}.`,
  };
}
