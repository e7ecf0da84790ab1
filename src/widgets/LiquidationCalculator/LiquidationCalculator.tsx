/** Liquidation price calculator: the view. All arithmetic is in src/calc (called by model.ts); the words in explain.ts. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import { binder, LeverageField, MaintenanceRateField, NumberField, SelectField } from '../shared/fields.tsx';
import { Figure } from '../shared/Figure.tsx';
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { ContractField, SideField } from '../shared/SideField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { formatMoney, formatNumber, formatPercent, formatPrice } from '../../format/numbers.ts';
import { computeLiquidation, VENUE_RULES, type LiquidationView, type VenueId } from './model.ts';
import type { Explanation } from './explain.ts';
import { liquidationParams, MAX_OTHERS, otherKeys, type LiquidationValues } from './params.ts';

export interface LiquidationCalculatorProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<LiquidationValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The words for the starting scenario, written on the server (see LiquidationCalculator.astro). */
  explained?: Explanation;
}

const VENUE_OPTIONS: { value: VenueId; label: string }[] = [
  { value: 'binance', label: 'Binance BTCUSDT (tiers)' },
  { value: 'bybit', label: 'Bybit BTCUSDT' },
  { value: 'hyperliquid', label: 'Hyperliquid BTC' },
  { value: 'custom', label: 'Custom rate' },
];

export default function LiquidationCalculator({
  initial,
  syncUrl = true,
  idPrefix = 'liq',
  explained,
}: LiquidationCalculatorProps) {
  const start = { ...liquidationParams.defaults, ...initial };
  const w = useWidget(liquidationParams, start, computeLiquidation, { syncUrl });
  const r = w.result;
  // The words (worked formula, notes, summary) for the starting scenario come from the server; the
  // code that writes them for other scenarios loads once the reader changes something. That keeps
  // this page under its JavaScript budget.
  const [explain, setExplain] = useState<((v: LiquidationView) => Explanation) | null>(null);
  const changed = JSON.stringify(w.values) !== JSON.stringify(start);
  useEffect(() => {
    if ((changed || !explained) && !explain) {
      void import('./explain.ts').then((m) => setExplain(() => m.explainAll));
    }
  }, [changed, explain, explained]);
  const words = useMemo(() => (explain ? explain(r) : explained), [explain, r, explained]);
  const v = w.values;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const inverse = v.contract === 'inverse';
  const moneyUnit = inverse ? 'BTC' : 'USDT';
  const priceUnit = inverse ? 'USD' : 'USDT';
  const count = Math.min(Number(v.others) || 0, MAX_OTHERS);
  const money = (d: { toFixed(): string }) => formatMoney(d, { unit: r.moneyUnit });
  const price = (d: { toFixed(): string }) => formatPrice(d, { unit: r.priceUnit });
  // The chart's builder loads when the chart area comes near the screen, like chart.js itself.
  const chartBox = useRef<HTMLDivElement>(null);
  const [charts, setCharts] = useState<typeof import('./chart.ts') | null>(null);
  useEffect(() => {
    const el = chartBox.current;
    if (!el) return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          void import('./chart.ts').then(setCharts);
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const chart = useMemo(() => (charts ? charts.chartFor(r) : null), [charts, r]);
  const worked = words?.steps ?? [];
  const note = words?.note ?? null;
  const m = r.main;

  const addOther = () => {
    const n = count + 1;
    w.set('others', String(n));
    setFocusId(id(`o${n}qty`));
  };
  const removeOther = (n: number) => {
    const patch: Partial<LiquidationValues> = { others: String(count - 1) };
    for (let k = n; k < count; k++) {
      const to = otherKeys(k);
      const from = otherKeys(k + 1);
      for (const f of ['side', 'qty', 'entry', 'mark'] as const) patch[to[f]] = v[from[f]];
    }
    const last = otherKeys(count);
    for (const f of ['side', 'qty', 'entry', 'mark'] as const) patch[last[f]] = liquidationParams.defaults[last[f]];
    w.setMany(patch);
    setFocusId(id('add-other'));
  };

  return (
    <div class="ll-widget ll-widget-wide" data-widget="liquidation">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Liquidation settings">
          <SideField name={id('side')} value={v.side} onChange={(x) => w.set('side', x)} />
          <ContractField
            name={id('contract')}
            value={v.contract}
            // The presets are USDT-margined markets: a coin-margined contract takes a custom rate.
            onChange={(x) => w.setMany(x === 'inverse' ? { contract: x, venue: 'custom' } : { contract: x })}
          />
          <ChoiceField
            name={id('mode')}
            legend="Margin mode"
            value={v.mode as 'isolated' | 'cross'}
            options={[
              { value: 'isolated', label: 'Isolated' },
              { value: 'cross', label: 'Cross' },
            ]}
            onChange={(x) => w.set('mode', x)}
          />
          <VenueField
            id={id('venue')}
            value={v.venue as VenueId}
            error={w.errors['venue']}
            onChange={(x) => w.set('venue', x)}
          />
          {v.venue === 'custom' && (
            <>
              <MaintenanceRateField {...bind('mmr')} />
              <NumberField
                {...bind('mma')}
                label="Maintenance amount"
                unit={moneyUnit}
                hint="Binance’s “maintenance amount”, Bybit’s “deduction”; 0 for none."
              />
            </>
          )}
          <NumberField
            {...bind('margin')}
            label="Margin"
            unit={moneyUnit}
            hint={v.mode === 'cross' ? 'With leverage, sets the size of the position.' : undefined}
          />
          <LeverageField {...bind('leverage')} />
          <NumberField {...bind('entry')} label="Entry price" unit={priceUnit} />
          <NumberField
            {...bind('fee')}
            label="Close fee"
            unit="%"
            hint="Counted in the requirement, as OKX and Phemex do; 0 for none."
          />
          {v.mode === 'cross' && (
            <>
              <NumberField
                {...bind('wallet')}
                label="Wallet balance"
                unit={moneyUnit}
                hint="Everything in the cross wallet, this position’s margin included."
              />
              <fieldset class="ll-choice ll-span-all">
                <legend>Other open positions</legend>
                <p class="ll-hint ll-hint-first">
                  Valued at their mark price, with the venue’s maintenance rule; same settlement currency ({moneyUnit}
                  ).
                </p>
                {Array.from({ length: count }, (_, i) => i + 1).map((n) => {
                  const k = otherKeys(n);
                  return (
                    <fieldset key={n} class="ll-choice ll-other-position">
                      <legend>Position {n}</legend>
                      <div class="ll-fields">
                        <SideField
                          name={id(k.side)}
                          legend={`Position ${n} side`}
                          value={v[k.side]}
                          onChange={(x) => w.set(k.side, x)}
                        />
                        <NumberField
                          {...bind(k.qty)}
                          label={`Position ${n} quantity`}
                          unit={inverse ? 'USD' : 'coins'}
                        />
                        <NumberField {...bind(k.entry)} label={`Position ${n} entry price`} unit={priceUnit} />
                        <NumberField {...bind(k.mark)} label={`Position ${n} mark price`} unit={priceUnit} />
                      </div>
                      <button type="button" class="ll-remove" onClick={() => removeOther(n)}>
                        Remove position {n}
                      </button>
                    </fieldset>
                  );
                })}
                {count < MAX_OTHERS && (
                  <button type="button" id={id('add-other')} onClick={addOther}>
                    Add another position
                  </button>
                )}
              </fieldset>
            </>
          )}
        </form>

        <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
          <LiveSummary stale={w.stale} text={words?.summary ?? ''} />
          <dl class="ll-figures">
            <Figure
              label="Liquidation price"
              value={m.price === null ? 'None: cannot be liquidated' : price(m.price)}
              testId="liquidation"
              tone="bad"
            />
            <Figure
              label="Distance from entry"
              value={m.distance === null ? 'none' : formatPercent(m.distance, { signed: true })}
              testId="distance"
            />
            <Figure
              label="Bankruptcy price"
              value={m.bankruptcyPrice === null ? 'None' : price(m.bankruptcyPrice)}
              testId="bankruptcy"
            />
            <Figure
              label="Maintenance at liquidation"
              value={
                `${formatPercent(m.maintenanceMarginRate, { digits: 3 })}` +
                (m.maintenanceAmount.isZero() ? '' : ` − ${money(m.maintenanceAmount)}`) +
                (m.tierNumber !== undefined ? ` (tier ${m.tierNumber})` : '') +
                (m.maintenanceBasis === 'entry' ? ' on entry notional' : '')
              }
              testId="maintenance"
            />
            <Figure label="Position size" value={money(r.notional)} testId="notional" />
            <Figure
              label="Quantity"
              value={`${formatNumber(r.quantity, { digits: 8 })} ${r.quantityUnit}`}
              testId="quantity"
            />
            <Figure label="Equity behind it" value={money(m.equity)} testId="equity" />
          </dl>
          {m.price === null && (
            <p data-testid="no-liquidation">
              No price above zero liquidates this position: wherever the price goes, its equity stays above the
              maintenance requirement. It can still lose {r.mode === 'isolated' ? 'its margin' : 'money'}.
            </p>
          )}
          {note && (
            <p class="ll-warning" data-testid="ten-x-note">
              {note}
            </p>
          )}
          <h3>The formula with your numbers</h3>
          <ol class="ll-steps" data-testid="steps">
            {worked.map((s, i) => (
              <li key={i}>
                {s.text}
                {s.formulas.map((f) => (
                  <Fragment key={f}>
                    <br />
                    <code>{f}</code>
                  </Fragment>
                ))}
              </li>
            ))}
          </ol>
          <div ref={chartBox}>
            {chart ? (
              <LazyChart id={id('chart')} summary={chart.summary} spec={chart.spec} table={chart.table} />
            ) : (
              <p class="ll-chart-wait-inline muted">The chart loads when you scroll to it.</p>
            )}
          </div>
          <h3>The same trade at each venue</h3>
          <div class="table-wrap" role="region" aria-label="The same trade at each venue" tabIndex={0}>
            <table data-testid="venues">
              <caption>
                Liquidation price of this trade under each venue’s rule
                {r.main.closeFeeRate.isZero() || r.venue === 'custom'
                  ? ''
                  : ' (venue rows without your close fee, which only the last row counts)'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Maintenance</th>
                  <th scope="col">Liquidation price</th>
                  <th scope="col">Distance</th>
                </tr>
              </thead>
              <tbody>
                {(words?.table ?? []).map((row) => (
                  <tr key={row.id} data-rule={row.id}>
                    <th scope="row">{row.name}</th>
                    <td>{row.maintenance}</td>
                    <td data-testid="venue-price">{row.price}</td>
                    <td data-testid="venue-distance">{row.distance}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="why-differ">{words?.why ?? ''}</p>
        </div>
      </div>
    </div>
  );
}

function VenueField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: VenueId;
  error: string | undefined;
  onChange: (v: VenueId) => void;
}) {
  const rule = value === 'custom' ? undefined : VENUE_RULES[value];
  const hint = (
    <>
      {rule ? `${rule.summary ?? ''} ` : 'Your own maintenance rate and amount.'}
      {rule?.sourceUrl && (
        <>
          <a href={rule.sourceUrl} rel="noopener noreferrer">
            Source
          </a>
          , as of {rule.asOf}.
        </>
      )}
    </>
  );
  return (
    <SelectField
      id={id}
      label="Venue rule"
      class="ll-span-all"
      value={value}
      options={VENUE_OPTIONS}
      onChange={onChange}
      error={error}
      hint={hint}
    />
  );
}
