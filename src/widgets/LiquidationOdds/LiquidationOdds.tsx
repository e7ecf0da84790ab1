/** Liquidation odds: the view. The closed form comes from model.ts; the fan chart from a Web Worker (montecarlo.ts). */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { binder, LeverageField, MaintenanceRateField, NumberField } from '../shared/fields.tsx';
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { SideField } from '../shared/SideField.tsx';
import { afterInteraction, LazyChart } from '../shared/LazyChart.tsx';
import { hasParams } from '../shared/linkParams.ts';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import { formatMultiple, formatNumber, formatPercent } from '../../format/numbers.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import { computeOdds, oneIn, type OddsResult } from './model.ts';
import { liquidationOddsParams, type LiquidationOddsValues } from './params.ts';
import { runFan } from './montecarlo.ts';
import type { FanRequest, FanResult } from './fan.ts';
import { VOLATILITY_PRESETS } from './volatility.ts';
import './liquidation-odds.css';

export interface LiquidationOddsProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<LiquidationOddsValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: the odds first, the horizon table, simulation and its settings folded, a full-tool link. */
  compact?: boolean;
}

type FanState =
  | { status: 'waiting' }
  | { status: 'running'; previous: FanResult | null }
  | { status: 'done'; result: FanResult }
  | { status: 'failed'; message: string };

const pct = (p: number) => formatPercent(p, { digits: p < 0.001 ? 4 : 1 });

export default function LiquidationOdds({
  initial,
  syncUrl = true,
  idPrefix = 'odds',
  compact = false,
}: LiquidationOddsProps) {
  const start = { ...liquidationOddsParams.defaults, ...initial };
  const w = useWidget(liquidationOddsParams, start, computeOdds, { syncUrl });
  const r = w.result;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const [fan, setFan] = useState<FanState>({ status: 'waiting' });
  const key = JSON.stringify(r.fan);
  // The simulation (a worker and its code) waits for the reader's first interaction: the closed-form figures need
  // none of it, and the page stays light until then. A tool page opened from a link with its own settings runs it at
  // once, to show that scenario whole.
  const [live, setLive] = useState(false);
  // Read before any effect: the widget rewrites the address once it has read it.
  const [linked] = useState(() => !import.meta.env.SSR && syncUrl && hasParams(liquidationOddsParams.shape));
  useEffect(() => {
    if (!compact && linked) setLive(true);
    else return afterInteraction(() => setLive(true));
    return undefined;
  }, [compact, linked]);

  useEffect(() => {
    if (!live) return undefined;
    let cancelled = false;
    setFan((f) => ({ status: 'running', previous: f.status === 'done' ? f.result : null }));
    // A short pause so dragging a slider starts one simulation, not twenty.
    const timer = setTimeout(() => {
      // The request is read back from its key, so the simulation reruns only when the request really changes.
      runFan(JSON.parse(key) as FanRequest)
        .then((result) => {
          if (!cancelled) setFan({ status: 'done', result });
        })
        .catch((error: Error) => {
          if (!cancelled) setFan({ status: 'failed', message: error.message });
        });
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, live]);

  const shown = fan.status === 'done' ? fan.result : fan.status === 'running' ? fan.previous : null;
  const chart = useMemo(() => (shown ? chartFor(shown, r) : null), [shown, r]);
  const busy = fan.status === 'running' || fan.status === 'waiting';

  // The results: after the fields, or before them in the embed layout (the key result in the first screen).
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      <LiveSummary stale={w.stale} text={sentence(r)} />
      <dl class="ll-figures">
        <div>
          <dt>Liquidation price is</dt>
          <dd data-testid="distance">
            {formatPercent(r.size)} {r.side === 'long' ? 'below' : 'above'}
          </dd>
        </div>
        <div class="ll-bad" data-key-result>
          <dt>Chance of touching it in {formatNumber(r.days)} days</dt>
          <dd data-testid="probability">{pct(r.probability)}</dd>
        </div>
        <div>
          <dt>That is</dt>
          <dd data-testid="one-in">{oneIn(r.probability)}</dd>
        </div>
        <div>
          <dt>Monte Carlo hit rate</dt>
          <dd data-testid="hit-rate" aria-busy={busy ? 'true' : undefined}>
            {fan.status === 'done'
              ? pct(fan.result.hitRate)
              : fan.status === 'failed'
                ? 'not available'
                : live
                  ? 'simulating…'
                  : 'when you use the widget'}
          </dd>
        </div>
      </dl>
      <More compact={compact} summary="Other horizons, and the simulated price paths">
        <div class="table-wrap" role="region" aria-label="Chance by horizon" tabIndex={0}>
          <table data-testid="ladder">
            <caption>The same position over other horizons (closed form)</caption>
            <thead>
              <tr>
                <th scope="col">Horizon</th>
                <th scope="col">Chance of liquidation</th>
              </tr>
            </thead>
            <tbody>
              {r.ladder.map((row) => (
                <tr key={row.days}>
                  <th scope="row">{row.days === 1 ? '1 day' : `${row.days} days`}</th>
                  <td>{pct(row.probability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 class="ll-odds-heading">Simulated price paths</h3>
        <p class="ll-odds-status" role="status" data-testid="fan-status">
          {fan.status === 'failed'
            ? `The simulation could not run (${fan.message}). The closed-form figures above do not need it.`
            : fan.status === 'done'
              ? `${formatNumber(fan.result.request.paths)} paths simulated with seed ${fan.result.request.seed}: ${pct(fan.result.hitRate)} of them touched the liquidation price.`
              : live
                ? `Simulating ${formatNumber(r.fan.paths)} price paths in the background…`
                : 'The simulation runs when you use the widget.'}
        </p>
        {chart ? (
          <div aria-busy={busy ? 'true' : undefined} data-testid="fan">
            <LazyChart id={id('chart')} summary={chart.summary} spec={chart.spec} table={chart.table} />
          </div>
        ) : (
          <p class="ll-chart-wait">The fan chart appears when the simulation has run in your browser.</p>
        )}
        <p class="ll-hint">
          Both figures assume prices follow a random walk with no trend (geometric Brownian motion). Real crypto prices
          jump more often than that model allows, so treat the odds as a floor, not a forecast.
        </p>
      </More>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="liquidation-odds">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Liquidation odds settings">
          <SideField name={id('side')} value={w.values.side} onChange={(v) => w.set('side', v)} />
          <ChoiceField
            name={id('input')}
            legend="Start from"
            value={w.values.input as 'leverage' | 'distance'}
            options={[
              { value: 'leverage', label: 'The leverage' },
              { value: 'distance', label: 'The distance' },
            ]}
            onChange={(v) => w.set('input', v)}
          />
          {w.values.input === 'leverage' ? (
            <>
              <LeverageField {...bind('leverage')} />
              <MaintenanceRateField {...bind('mmr')} />
            </>
          ) : (
            <NumberField
              {...bind('distance')}
              label="Distance to liquidation"
              unit="%"
              hint={`How far the price must ${w.values.side === 'short' ? 'rise' : 'fall'} to liquidate you.`}
            />
          )}
          <div class="ll-odds-span">
            <NumberField
              {...bind('vol')}
              label="Annualised volatility"
              unit="%"
              hint="How much the price swings in a year: one standard deviation of log returns."
              slider={{ min: 5, max: 200, step: 1 }}
            />
            <div class="ll-odds-presets" role="group" aria-label="Volatility presets">
              {VOLATILITY_PRESETS.map((p) => (
                <button
                  type="button"
                  key={p.id}
                  class="ll-odds-preset"
                  aria-pressed={w.values.vol === p.volatility}
                  onClick={() => w.set('vol', p.volatility)}
                >
                  {p.label}: {p.volatility}%
                </button>
              ))}
            </div>
            <p class="ll-hint">
              Presets: {VOLATILITY_PRESETS.map((p) => `${p.label}, ${p.period}`).join('; ')}.{' '}
              {VOLATILITY_PRESETS[0]?.method} Data:{' '}
              <a href={VOLATILITY_PRESETS[0]?.sourceUrl} rel="noopener noreferrer">
                {VOLATILITY_PRESETS[0]?.sourceTitle}
              </a>
              .
            </p>
          </div>
          <NumberField {...bind('days')} label="Horizon" unit="days" slider={{ min: 1, max: 365, step: 1 }} />
          <More compact={compact} summary="Simulation settings">
            <NumberField {...bind('seed')} label="Random seed" hint="The same seed draws the same paths." />
            <div class="ll-odds-span">
              <ChoiceField
                name={id('paths')}
                legend="Simulated paths"
                value={w.values.paths as '1000' | '2000' | '5000'}
                options={[
                  { value: '1000', label: '1,000' },
                  { value: '2000', label: '2,000' },
                  { value: '5000', label: '5,000' },
                ]}
                onChange={(v) => w.set('paths', v)}
              />
              <button
                type="button"
                class="ll-odds-reseed"
                onClick={() => w.set('seed', String(Math.floor(Math.random() * 1_000_000)))}
              >
                Draw new paths
              </button>
            </div>
          </More>
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="liquidation-odds" query={serializeParams(liquidationOddsParams, w.values)} />}
    </div>
  );
}

function sentence(r: OddsResult): string {
  const lead = r.leverage ? `A ${formatMultiple(r.leverage)} ${r.side}` : `A ${r.side}`;
  return (
    `${lead} is liquidated by a ${formatPercent(r.size)} ${r.side === 'long' ? 'fall' : 'rise'}. ` +
    `At ${formatPercent(r.volatility, { digits: 1 })} annualised volatility, the chance of touching that price within ` +
    `${formatNumber(r.days)} days is ${pct(r.probability)}, ${oneIn(r.probability)}.`
  );
}

const QUANTILE_NAMES = ['5th percentile', '25th percentile', 'Median', '75th percentile', '95th percentile'];
const QUANTILE_COLORS = ['--fg-muted', '--accent', '--good', '--accent', '--fg-muted'];

function chartFor(f: FanResult, r: OddsResult): { spec: ChartSpec; table: ChartTable; summary: string } {
  const barrier = f.request.barrier;
  const series = f.bands.map((row, i) => ({
    label: QUANTILE_NAMES[i] ?? `Band ${i}`,
    points: row.map((y, j) => ({ x: f.days[j] ?? 0, y })),
    color: QUANTILE_COLORS[i] ?? '--accent',
  }));
  series.push({
    label: 'Liquidation price',
    points: [
      { x: 0, y: barrier },
      { x: f.request.days, y: barrier },
    ],
    color: '--bad',
  });
  const every = Math.max(1, Math.ceil(f.days.length / 11));
  const rows = f.days
    .map((day, j) => [
      formatNumber(day, { digits: 1 }),
      ...f.bands.map((row) => formatNumber(row[j] ?? 0, { digits: 2 })),
    ])
    .filter((_, j) => j % every === 0 || j === f.days.length - 1);
  const last = f.bands.map((row) => row[row.length - 1] ?? 0);
  return {
    spec: { kind: 'line', xLabel: 'Day', yLabel: 'Price (today = 100)', series },
    table: {
      caption: `Simulated price percentiles by day (today = 100), seed ${f.request.seed}`,
      columns: ['Day', ...QUANTILE_NAMES],
      rows,
    },
    summary:
      `Fan chart of ${formatNumber(f.request.paths)} simulated paths over ${formatNumber(f.request.days)} days: ` +
      `by the end, half of them lie between ${formatNumber(last[1] ?? 0)} and ${formatNumber(last[3] ?? 0)} ` +
      `(today = 100), and ${pct(f.hitRate)} touched the liquidation price at ${formatNumber(barrier)}` +
      (r.side === 'long' ? '.' : ' (a short).'),
  };
}
