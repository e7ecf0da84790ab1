/** Risk sizer: the view. All arithmetic is in model.ts and src/calc. */
import { useMemo } from 'preact/hooks';
import { binder, LeverageField, MaintenanceRateField, NumberField } from '../shared/fields.tsx';
import { Figure } from '../shared/Figure.tsx';
import { SideField } from '../shared/SideField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import {
  formatMoney,
  formatMultiple,
  formatNumber,
  formatPercent,
  formatPrice,
  percentPoints,
} from '../../format/numbers.ts';
import { computeRisk, type LeverageRow, type RiskResult } from './model.ts';
import { riskParams, type RiskValues } from './params.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import type { Decimal as DecimalT } from '../../calc/index.ts';

export interface RiskSizerProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<RiskValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: figures first, the chart folded, a link to the full tool. */
  compact?: boolean;
}

type Num = { toFixed(): string };
const usdt = (d: Num, signed = false) => formatMoney(d, { unit: 'USDT', signed });
const price = (d: Num) => formatPrice(d, { unit: 'USDT' });
const btc = (d: Num) => `${formatNumber(d, { digits: 6 })} BTC`;

export default function RiskSizer({ initial, syncUrl = true, idPrefix = 'risk', compact = false }: RiskSizerProps) {
  const start = { ...riskParams.defaults, ...initial };
  const w = useWidget(riskParams, start, computeRisk, { syncUrl });
  const r = w.result;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const chart = useMemo(() => chartFor(r), [r]);

  // The embed layout folds these with the maintenance rate, after the leverage; in place otherwise.
  const targetAndFee = (
    <>
      <NumberField
        {...bind('target')}
        label="Target price (optional)"
        unit="USDT"
        hint="Leave empty if you have no target."
      />
      <NumberField
        {...bind('fee')}
        label="Trading fee per side"
        unit="%"
        hint="Paid to open and to close; counted in the risk."
      />
    </>
  );
  // The results: after the fields, or before them in the embed layout (the key result in the first screen).
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      <LiveSummary stale={w.stale} text={sentence(r)} />
      {!r.stopFirst && r.liquidation && (
        <p class="ll-warning" data-testid="liquidation-warning">
          At {formatMultiple(r.leverage)} your position would be liquidated at {price(r.liquidation)} before your stop
          at {price(r.stop)} fires: your stop would never protect you. Use at most {formatMultiple(r.maxSafeLeverage)},
          or move the stop.
        </p>
      )}
      {r.marginTooBig && (
        <p class="ll-warning" data-testid="margin-warning">
          At {formatMultiple(r.leverage)} the margin, {usdt(r.margin)}, is more than your whole account. You would need
          at least {formatMultiple(r.minLeverage)}; or risk less, or move the stop further away.
        </p>
      )}
      <dl class="ll-figures">
        <Figure label="Loss at the stop, fees included" value={usdt(r.riskAmount)} testId="risk-amount" />
        <Figure label="Quantity" value={btc(r.quantity)} testId="quantity" keyResult />
        <Figure label="Position size" value={usdt(r.notional)} testId="notional" />
        <Figure label={`Margin at ${formatMultiple(r.leverage)}`} value={usdt(r.margin)} testId="margin" />
        <Figure
          label="Liquidation price"
          value={r.liquidation ? price(r.liquidation) : 'none'}
          testId="liquidation"
          tone={r.stopFirst ? undefined : 'bad'}
        />
        <Figure
          label="Highest leverage with the stop first"
          value={`${formatMultiple(r.maxSafeLeverage)}${r.maxLeverageCapped ? ' or more' : ''}`}
          testId="max-leverage"
        />
        {r.reward && (
          <>
            <Figure
              label="Reward to risk, before fees"
              value={`${formatNumber(r.reward.rewardToRisk)} : 1 (reward : risk)`}
              testId="reward-risk"
            />
            <Figure
              label="Win rate to break even, before fees"
              value={formatPercent(r.reward.breakEvenWinRate)}
              testId="break-even-win-rate"
            />
            <Figure
              label="Profit at the target, after fees"
              value={usdt(r.reward.profitAtTarget, true)}
              testId="target-profit"
            />
          </>
        )}
      </dl>
      <More compact={compact} summary="Chart: the same position at other leverages">
        <LazyChart id={id('chart')} summary={chart.summary} spec={chart.spec} table={chart.table} />
      </More>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="risk-sizer">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Risk settings">
          <NumberField {...bind('account')} label="Account balance" unit="USDT" />
          <NumberField
            {...bind('risk')}
            label="Risk per trade"
            unit="%"
            hint="The share of the account you accept to lose if the stop is hit."
          />
          <SideField name={id('side')} value={w.values.side} onChange={(v) => w.set('side', v)} />
          <NumberField {...bind('entry')} label="Entry price" unit="USDT" />
          <NumberField {...bind('stop')} label="Stop price" unit="USDT" />
          {compact ? (
            <>
              <LeverageField {...bind('leverage')} />
              <More compact summary="Target, fees and maintenance rate">
                {targetAndFee}
                <MaintenanceRateField {...bind('mmr')} />
              </More>
            </>
          ) : (
            <>
              {targetAndFee}
              <LeverageField {...bind('leverage')} />
              <MaintenanceRateField {...bind('mmr')} />
            </>
          )}
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="risk-sizer" query={serializeParams(riskParams, w.values)} />}
    </div>
  );
}

function sentence(r: RiskResult): string {
  const size =
    `Risking ${formatPercent(r.riskFraction)} of the account, ${usdt(r.riskAmount)}, with the stop at ${price(r.stop)}: ` +
    `a ${r.side} of ${btc(r.quantity)}, worth ${usdt(r.notional)}, on ${usdt(r.margin)} of margin at ${formatMultiple(r.leverage)}.`;
  if (!r.liquidation) return `${size} It cannot be liquidated.`;
  return r.stopFirst
    ? `${size} The stop fires before liquidation at ${price(r.liquidation)}.`
    : `${size} Warning: it would be liquidated at ${price(r.liquidation)} before the stop fires; use at most ${formatMultiple(r.maxSafeLeverage)}.`;
}

/** "2x, 10x and 50x". */
function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function rowLiquidation(row: LeverageRow): string {
  if (!row.opens) return 'at once';
  return row.liquidation ? price(row.liquidation) : 'none';
}

function chartFor(r: RiskResult): { spec: ChartSpec; table: ChartTable; summary: string } {
  // Chart.js draws plain numbers; fractions become percentages for the axis.
  const pct = (d: DecimalT | null) => (d === null ? 0 : percentPoints(d));
  const first = r.compare[0];
  const last = r.compare[r.compare.length - 1];
  const ends =
    first && last
      ? ` while the margin falls from ${usdt(first.margin)} at ${formatMultiple(first.leverage)} to ${usdt(last.margin)} at ${formatMultiple(last.leverage)}` +
        (first.liquidationDistance && last.liquidationDistance
          ? ` and the room before liquidation shrinks from ${formatPercent(first.liquidationDistance)} to ${formatPercent(last.liquidationDistance)}.`
          : '.')
      : '.';
  const unsafe = r.compare.filter((row) => !row.stopFirst).map((row) => formatMultiple(row.leverage));
  const leverages = listOf(r.compare.map((row) => formatMultiple(row.leverage)));
  return {
    spec: {
      kind: 'bar',
      xLabel: 'Leverage (x)',
      yLabel: 'Percent',
      series: [
        {
          label: 'Loss at the stop (% of account)',
          points: r.compare.map((row) => ({ x: row.leverage, y: pct(row.lossShare) })),
          color: '--bad',
        },
        {
          label: 'Margin (% of account)',
          points: r.compare.map((row) => ({ x: row.leverage, y: pct(row.marginShare) })),
          color: '--accent',
        },
        {
          label: 'Distance to liquidation (% of entry)',
          points: r.compare.map((row) => ({ x: row.leverage, y: pct(row.liquidationDistance) })),
          color: '--warn',
        },
      ],
    },
    table: {
      caption: `The same ${btc(r.quantity)} position at ${leverages}`,
      columns: [
        'Leverage',
        'Margin',
        'Loss at the stop',
        'Liquidation price',
        'Distance to liquidation',
        'Stop first?',
      ],
      rows: r.compare.map((row) => [
        formatMultiple(row.leverage),
        usdt(row.margin),
        usdt(row.lossAtStop),
        rowLiquidation(row),
        row.liquidationDistance ? formatPercent(row.liquidationDistance) : '–',
        row.stopFirst ? 'yes' : 'no',
      ]),
    },
    summary:
      `Leverage does not set your risk; position size does. The same position at ${leverages} ` +
      `loses ${usdt(r.lossAtStop)} at the stop every time,${ends}` +
      (unsafe.length > 0 ? ` At ${listOf(unsafe)} it is liquidated before the stop.` : ''),
  };
}
