/** Funding versus borrowing calculator: the view. All arithmetic is in model.ts and src/calc. */
import { useMemo } from 'preact/hooks';
import { binder, LeverageField, MaintenanceRateField, NumberField } from '../shared/fields.tsx';
import { Figure } from '../shared/Figure.tsx';
import { SideField } from '../shared/SideField.tsx';
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import { formatMoney, formatMultiple, formatNumber, formatPercent, formatPrice } from '../../format/numbers.ts';
import { computeCarry, type BreakEven, type CarryPoint, type CarryResult } from './model.ts';
import { carryParams, type CarryValues } from './params.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';

export interface CarryCostCalculatorProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<CarryValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: figures first, the rate rules, liquidation figures and chart folded, a link to the full tool. */
  compact?: boolean;
}

type Num = { toFixed(dp?: number): string };
const usdt = (d: Num) => formatMoney(d, { unit: 'USDT' });
const price = (d: Num) => formatPrice(d, { unit: 'USDT' });
/** "about 666.7 days"; `null` (funding never eats the margin) reads as "never". */
const aboutDays = (d: Num | null) =>
  d === null ? 'never' : `about ${formatNumber(d, { digits: 1 })} ${d.toFixed(1) === '1.0' ? 'day' : 'days'}`;

export default function CarryCostCalculator({
  initial,
  syncUrl = true,
  idPrefix = 'carry',
  compact = false,
}: CarryCostCalculatorProps) {
  const start = { ...carryParams.defaults, ...initial };
  const w = useWidget(carryParams, start, computeCarry, { syncUrl });
  const r = w.result;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const chart = useMemo(() => chartFor(r), [r]);
  const hourly = w.values.accrual !== 'rollover';
  const period = `${formatNumber(r.days, { digits: 2 })} ${r.days.eq(1) ? 'day' : 'days'}`;
  // Above the folded part in the embed layout, in its place under the liquidation figures otherwise.
  const fundingWarning = r.shifted.state !== 'price' && (
    <p class="ll-warning" data-testid="funding-warning">
      {warning(r)}
    </p>
  );

  // The results: after the fields, or before them in the embed layout (the key result in the first screen).
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      <LiveSummary stale={w.stale} text={sentence(r)} />
      <h3 class="ll-widget-title">Holding it for {period}</h3>
      {/* The perpetual's four figures, then spot margin's: one row each where four fit. */}
      <dl class="ll-figures">
        <Figure label="Margin (size ÷ leverage)" value={usdt(r.margin)} testId="margin" />
        <Figure
          label={`Funding payments (every ${r.intervalHours} h)`}
          value={formatNumber(r.payments, { digits: 0 })}
          testId="payments"
        />
        <Figure
          label="Perpetual: funding"
          value={fundingText(r)}
          testId="funding-total"
          tone={r.fundingDirection === 'none' ? undefined : r.fundingDirection === 'paid' ? 'bad' : 'good'}
        />
        <Figure
          label="Price move to cover funding"
          value={breakEvenText(r.fundingBreakEven)}
          testId="funding-break-even"
        />
        <Figure
          label={r.accrual === 'open-plus-rollover' ? 'Spot margin: fees charged on' : 'Spot margin: amount borrowed'}
          value={usdt(r.principal)}
          testId="principal"
        />
        <Figure
          label={r.accrual === 'per-started-hour' ? 'Hours of interest charged' : 'Charges (opening + rollovers)'}
          value={formatNumber(r.periodsCharged, { digits: 0 })}
          testId="periods"
        />
        <Figure
          label="Spot margin: borrowing interest"
          value={`${usdt(r.interest)} paid`}
          testId="borrow-interest"
          keyResult
          tone={r.interest.isZero() ? undefined : 'bad'}
        />
        <Figure
          label="Price move to cover interest"
          value={breakEvenText(r.borrowBreakEven)}
          testId="borrow-break-even"
        />
      </dl>

      {compact && fundingWarning}
      <More compact={compact} summary="Funding and the liquidation price, with a chart">
        <h3 class="ll-widget-title">Funding and the liquidation price (isolated margin)</h3>
        <dl class="ll-figures">
          <Figure label="Liquidation price at the start" value={liqText(r.liquidation)} testId="liq-start" />
          <Figure
            label={`Margin left after ${period}`}
            value={r.shortfall.isZero() ? usdt(r.marginAfter) : `none: funding exceeds it by ${usdt(r.shortfall)}`}
            testId="margin-after"
            tone={r.marginAfter.lt(r.margin) ? 'bad' : undefined}
          />
          <Figure label={`Liquidation price after ${period}`} value={shiftedText(r)} testId="liq-after" />
          <Figure
            label="Funding alone uses up the whole margin after"
            value={r.marginGoneDays === null ? 'never: funding is not paid' : aboutDays(r.marginGoneDays)}
            testId="margin-gone"
          />
        </dl>
        {!compact && fundingWarning}
        <LazyChart id={id('chart')} summary={chart.summary} spec={chart.spec} table={chart.table} />
      </More>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="carry-cost">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Funding and borrowing settings">
          <SideField name={id('side')} value={w.values.side} onChange={(v) => w.set('side', v)} />
          <NumberField
            {...bind('size')}
            label="Position size"
            unit="USDT"
            hint="The position’s value at entry, the same whichever way you hold it."
          />
          <NumberField {...bind('entry')} label="Entry price" unit="USDT" />
          <LeverageField
            {...bind('leverage')}
            max={50}
            hint="Sets your margin: size ÷ leverage. Spot-margin venues allow less (Kraken 5x, Binance Cross 3x)."
          />
          <NumberField {...bind('days')} label="Days held" unit="days" />
          <More compact={compact} summary="Rates and rules">
            <NumberField
              {...bind('funding')}
              label="Funding rate per interval"
              unit="%"
              hint="Perpetual. Positive: longs pay shorts. Negative: shorts pay longs."
            />
            <ChoiceField
              name={id('interval')}
              legend="Funding every"
              value={w.values.interval as '8' | '4' | '1'}
              options={[
                { value: '8', label: '8 h' },
                { value: '4', label: '4 h' },
                { value: '1', label: '1 h' },
              ]}
              onChange={(v) => w.set('interval', v)}
            />
            <MaintenanceRateField
              {...bind('mmr')}
              hint="Perpetual, isolated margin: funding is taken from this position’s margin."
            />
            <ChoiceField
              name={id('accrual')}
              legend="Spot-margin interest rule"
              value={w.values.accrual as 'hourly' | 'rollover'}
              options={[
                { value: 'hourly', label: 'Every started hour (Binance)' },
                { value: 'rollover', label: 'Opening fee + rollover every 4 h (Kraken)' },
              ]}
              onChange={(v) => w.set('accrual', v)}
            />
            {hourly ? (
              <NumberField
                {...bind('borrow')}
                label="Borrow interest per hour"
                unit="%"
                hint="Charged for the hour you borrow and each new hour the loan is open. A long borrows size − margin in USDT; a short borrows the coin it sells, worth the whole size."
              />
            ) : (
              <NumberField
                {...bind('rollover')}
                label="Opening and rollover fee per 4 hours"
                unit="%"
                hint="Charged once when you open and again each time the loan passes another 4 hours, on the position’s full cost (as Kraken does), long or short."
              />
            )}
          </More>
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="carry-cost" query={serializeParams(carryParams, w.values)} />}
    </div>
  );
}

function fundingText(r: CarryResult): string {
  if (r.fundingDirection === 'none') return usdt(r.fundingAmount);
  return `${usdt(r.fundingAmount)} ${r.fundingDirection}`;
}

function breakEvenText(b: BreakEven): string {
  const move = formatPercent(b.fraction, { signed: true });
  return b.price === null ? `${move} (no positive price covers it)` : `${move} (to ${price(b.price)})`;
}

function liqText(l: { price: Num | null; distance: Num | null }): string {
  if (l.price === null) return 'none';
  return `${price(l.price)} (${formatPercent(l.distance ?? '0', { signed: true })})`;
}

function shiftedText(r: CarryResult): string {
  if (r.shifted.state === 'gone') return 'none left: funding took the whole margin';
  if (r.shifted.state === 'at-entry') return 'at the entry price: liquidated without any price move';
  return liqText(r.shifted);
}

function warning(r: CarryResult): string {
  if (r.shifted.state === 'gone') {
    const earlier =
      r.liquidatedByFundingDays && r.marginGoneDays && r.liquidatedByFundingDays.lt(r.marginGoneDays)
        ? `; the position would be liquidated before that, after ${aboutDays(r.liquidatedByFundingDays)},`
        : ',';
    return `Funding alone would use up the whole margin after ${aboutDays(r.marginGoneDays)}${earlier} even if the price never moved.`;
  }
  return `After ${formatNumber(r.days, { digits: 2 })} days, funding leaves ${usdt(r.marginAfter)} of margin, no more than the ${usdt(r.maintenance)} the venue requires: the position would be liquidated after ${aboutDays(r.liquidatedByFundingDays)} even if the price never moved.`;
}

function sentence(r: CarryResult): string {
  const hold = `Holding a ${formatMultiple(r.leverage)} ${r.side} of ${usdt(r.size)} for ${formatNumber(r.days, { digits: 2 })} days`;
  const perp =
    r.fundingDirection === 'none'
      ? 'the perpetual pays no funding'
      : `the perpetual ${r.fundingDirection === 'paid' ? 'pays' : 'receives'} ${usdt(r.fundingAmount)} of funding`;
  const spot = `spot margin costs ${usdt(r.interest)} of interest`;
  const liq =
    r.shifted.state === 'price'
      ? r.liquidation.price && r.shifted.price
        ? `; funding moves the liquidation price from ${price(r.liquidation.price)} to ${price(r.shifted.price)}.`
        : '.'
      : `; funding alone would liquidate the perpetual after ${aboutDays(r.liquidatedByFundingDays)}.`;
  return `${hold}: ${perp}, ${spot}${liq}`;
}

function chartFor(r: CarryResult): { spec: ChartSpec; table: ChartTable; summary: string } {
  const inDays = r.chartUnit === 'days';
  const x = (p: CarryPoint) => Number((inDays ? p.days : p.hours).toFixed(6));
  const xText = (p: CarryPoint) =>
    inDays ? `Day ${formatNumber(p.days, { digits: 1 })}` : `Hour ${formatNumber(p.hours, { digits: 1 })}`;
  const every = Math.max(1, Math.ceil((r.curve.length - 1) / 6));
  const rows = r.curve.filter((_, i) => i % every === 0 || i === r.curve.length - 1);
  const unit = inDays ? 'days' : 'hours';
  const cheaper =
    r.cheaper === 'spot'
      ? 'borrowing on spot margin is cheaper here'
      : r.cheaper === 'perpetual'
        ? 'the perpetual is cheaper here'
        : 'both cost the same here';
  return {
    spec: {
      kind: 'line',
      xLabel: `Time held (${unit})`,
      yLabel: 'Cumulative cost (USDT)',
      series: [
        {
          label: 'Perpetual: funding paid',
          points: r.curve.map((p) => ({ x: x(p), y: p.funding.toNumber() })),
          color: '--bad',
        },
        {
          label: 'Spot margin: interest paid',
          points: r.curve.map((p) => ({ x: x(p), y: p.borrow.toNumber() })),
          color: '--accent',
        },
      ],
    },
    table: {
      caption: 'Cumulative funding and borrowing cost over time (negative = received)',
      columns: [inDays ? 'Time held' : 'Hours held', 'Funding paid', 'Interest paid'],
      rows: rows.map((p) => [xText(p), usdt(p.funding), usdt(p.borrow)]),
    },
    summary:
      `Chart of cumulative cost against ${unit} held: funding reaches ${formatMoney(r.fundingCost, { unit: 'USDT', signed: true })} ` +
      `and borrowing interest ${usdt(r.interest)} after ${formatNumber(r.days, { digits: 2 })} days, so ${cheaper}.`,
  };
}
