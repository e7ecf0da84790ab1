/**
 * Liquidation price calculator: the view. All arithmetic is in src/calc (called by model.ts); the words in explain.ts.
 * Both load after hydration (liquidationEngine.ts): the first result is the server's, passed as a prop (shown.ts), so the first
 * render needs no calculation code.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import { binder, LeverageField, MaintenanceRateField, NumberField, SelectField } from '../shared/fields.tsx';
import { Figure } from '../shared/Figure.tsx';
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { ContractField, SideField } from '../shared/SideField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { sameSettings, useDeferredEngine } from '../shared/deferredEngine.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import type { LiquidationView, VenueId } from './model.ts';
import { LOADING, type LiquidationShown, type VenueHints } from './shown.ts';
import { liquidationParams, MAX_OTHERS, otherKeys, type LiquidationValues } from './params.ts';

export interface LiquidationCalculatorProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<LiquidationValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The result for the starting scenario, written on the server (see LiquidationCalculator.astro). */
  first: LiquidationShown;
  /** The venue presets' hints, written on the server. */
  venues: VenueHints;
  /** The embed layout: figures first, the formula, chart, venue table and other positions folded, a full-tool link. */
  compact?: boolean;
}

/** The model, src/calc (with decimal.js) and the words: loaded after hydration, for every result after the first. */
type Engine = typeof import('./liquidationEngine.ts');

/** A result: what the view prints, and the model's result once the engine has made it (the chart reads that). */
interface Result {
  shown: LiquidationShown;
  view: LiquidationView | null;
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
  first,
  venues,
  compact = false,
}: LiquidationCalculatorProps) {
  const start = { ...liquidationParams.defaults, ...initial };
  const {
    engine,
    failed: engineFailed,
    waiting,
  } = useDeferredEngine<Engine>(() => import('./liquidationEngine.ts'), {
    hasFirst: true,
    syncUrl,
    shape: liquidationParams.shape,
  });
  const compute = (v: LiquidationValues) => {
    if (engine) return engine.computeShown(v);
    if (sameSettings(v, start)) return { ok: true as const, value: { shown: first, view: null } satisfies Result };
    return { ok: false as const, errors: { [LOADING]: waiting } };
  };
  const inputs = useMemo(() => ({ engine, engineFailed }), [engine, engineFailed]);
  const w = useWidget<typeof liquidationParams.shape, Result>(liquidationParams, start, compute, {
    syncUrl,
    data: inputs,
    ready: engine !== null,
  });
  const r = w.result.shown;
  const words = r.words;
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
  // The chart is built (by the engine's chart.ts) when the chart area comes near the screen; chart.js loads then too.
  const chartBox = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = chartBox.current;
    if (!el) return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          setNear(true);
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const view = w.result.view;
  const chart = useMemo(() => (near && engine && view ? engine.chartFor(view) : null), [near, engine, view]);
  const worked = words.steps;
  const note = words.note;
  const f = r.figures;

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

  // Settings the embed layout folds together after the main ones; in place otherwise.
  const contractField = (
    <ContractField
      name={id('contract')}
      value={v.contract}
      // The presets are USDT-margined markets: a coin-margined contract takes a custom rate.
      onChange={(x) => w.setMany(x === 'inverse' ? { contract: x, venue: 'custom' } : { contract: x })}
    />
  );
  const venueFields = (
    <>
      <VenueField
        id={id('venue')}
        value={v.venue as VenueId}
        hints={venues}
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
    </>
  );
  const feeField = (
    <NumberField
      {...bind('fee')}
      label="Close fee"
      unit="%"
      hint="Counted in the requirement, as OKX and Phemex do; 0 for none."
    />
  );

  // The results: after the fields, or before them in the embed layout (the key result in the first screen).
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      {w.errors[LOADING] && (
        <p class={engineFailed ? 'll-error' : 'll-hint'} role="status" data-testid="engine-status">
          {w.errors[LOADING]}
        </p>
      )}
      <LiveSummary stale={w.stale} text={words.summary} />
      <dl class="ll-figures">
        <div class="ll-bad" data-key-result>
          <dt>Liquidation price</dt>
          <dd data-testid="liquidation">{f.liquidation}</dd>
        </div>
        <Figure label="Distance from entry" value={f.distance} testId="distance" />
        <Figure label="Bankruptcy price" value={f.bankruptcy} testId="bankruptcy" />
        <Figure label="Maintenance at liquidation" value={f.maintenance} testId="maintenance" />
        <Figure label="Position size" value={f.notional} testId="notional" />
        <Figure label="Quantity" value={f.quantity} testId="quantity" />
        <Figure label="Equity behind it" value={f.equity} testId="equity" />
      </dl>
      {r.noLiquidation && (
        <p data-testid="no-liquidation">
          No price above zero liquidates this position: wherever the price goes, its equity stays above the maintenance
          requirement. It can still lose {r.mode === 'isolated' ? 'its margin' : 'money'}.
        </p>
      )}
      {note && (
        <p class="ll-warning" data-testid="ten-x-note">
          {note}
        </p>
      )}
      <More compact={compact} summary="The formula step by step, a chart, and each venue’s rule">
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
              {r.feeLeftOut ? ' (venue rows without your close fee, which only the last row counts)' : ''}
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
              {words.table.map((row) => (
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
        <p data-testid="why-differ">{words.why}</p>
      </More>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="liquidation">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Liquidation settings">
          <SideField name={id('side')} value={v.side} onChange={(x) => w.set('side', x)} />
          {!compact && contractField}
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
          {!compact && venueFields}
          <NumberField
            {...bind('margin')}
            label="Margin"
            unit={moneyUnit}
            hint={v.mode === 'cross' ? 'With leverage, sets the size of the position.' : undefined}
          />
          <LeverageField {...bind('leverage')} />
          <NumberField {...bind('entry')} label="Entry price" unit={priceUnit} />
          {!compact && feeField}
          {compact && (
            <More compact summary="Contract, venue rule and close fee">
              {contractField}
              {venueFields}
              {feeField}
            </More>
          )}
          {v.mode === 'cross' && (
            <>
              <NumberField
                {...bind('wallet')}
                label="Wallet balance"
                unit={moneyUnit}
                hint="Everything in the cross wallet, this position’s margin included."
              />
              <More compact={compact} summary={`Other open positions (${count})`}>
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
              </More>
            </>
          )}
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="liquidation" query={serializeParams(liquidationParams, v)} />}
    </div>
  );
}

function VenueField({
  id,
  value,
  hints,
  error,
  onChange,
}: {
  id: string;
  value: VenueId;
  hints: VenueHints;
  error: string | undefined;
  onChange: (v: VenueId) => void;
}) {
  const rule = value === 'custom' ? undefined : hints[value];
  const hint = (
    <>
      {rule ? `${rule.summary} ` : 'Your own maintenance rate and amount.'}
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
