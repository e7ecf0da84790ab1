/**
 * Leveraged token vs fixed leverage: the view. All arithmetic is in model.ts and src/calc. A crash window's candles
 * load on demand through the replay widget's loader (Replay/scenarios.ts), once per page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { binder, NumberField, SelectField } from '../shared/fields.tsx';
import { Figure, toneOf } from '../shared/Figure.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { formatMultiple, formatNumber, formatPercent } from '../../format/numbers.ts';
import { loadWindow } from '../Replay/scenarios.ts';
import { DATA_CREDIT, WINDOWS } from '../Replay/menu.ts';
import type { ChartSpec, ChartTable } from '../shared/chartSpec.ts';
import { closesOf, computeTokenDecay, MAX_DAYS, type LoadedWindow, type TokenDecayReady } from './model.ts';
import { tokenDecayParams, type PathId, type TokenDecayValues } from './params.ts';

export interface TokenDecayProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<TokenDecayValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: a little tighter; the same content. */
  compact?: boolean;
}

const PATH_OPTIONS: { value: PathId; label: string }[] = [
  { value: 'choppy', label: 'Choppy: up one day, down the next' },
  ...WINDOWS.map((w) => ({ value: w.id as PathId, label: `${w.title} (hourly, real)` })),
];

const value = (d: { toFixed(): string }) => formatNumber(d, { digits: 2 });
const pct = (d: { toFixed(): string }) => formatPercent(d, { signed: true });

export default function TokenDecay({ initial, syncUrl = true, idPrefix = 'decay', compact = false }: TokenDecayProps) {
  const start = { ...tokenDecayParams.defaults, ...initial };
  const [windows, setWindows] = useState<Readonly<Record<string, LoadedWindow>>>({});
  const [failed, setFailed] = useState(false);
  const w = useWidget(tokenDecayParams, start, (v) => computeTokenDecay(v, windows), { syncUrl, data: windows });
  const bind = binder(w, idPrefix);
  const path = w.values.path;
  useEffect(() => {
    if (path === 'choppy' || windows[path]) return;
    loadWindow(path).then(
      (win) => setWindows((loaded) => ({ ...loaded, [win.id]: { title: win.title, closes: closesOf(win.candles) } })),
      () => setFailed(true),
    );
  }, [path, windows]);
  const r = w.result;
  const ready = r.kind === 'ready' ? r : null;
  const chart = useMemo(() => (ready ? chartFor(ready) : null), [ready]);

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="token-decay">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Token settings">
          <SelectField
            id={`${idPrefix}-path`}
            label="Price path"
            class="ll-span-all"
            value={path as PathId}
            options={PATH_OPTIONS}
            onChange={(v) => w.set('path', v)}
            error={w.errors.path}
          />
          <NumberField
            {...bind('leverage')}
            label="Leverage"
            unit="x"
            slider={{ min: 1, max: 10, step: 0.5 }}
            hint="The token resets to this leverage at each rebalance; the fixed long keeps the position it opened with."
          />
          {path === 'choppy' && (
            <>
              <NumberField
                {...bind('move')}
                label="Daily move"
                unit="%"
                hint="Bitcoin goes up by this much one day and down by as much the next."
              />
              <NumberField {...bind('days')} label="Number of days" hint={`From 1 to ${MAX_DAYS}.`} />
            </>
          )}
          <NumberField
            {...bind('mmr')}
            label="Maintenance margin rate"
            unit="%"
            hint="For the fixed long only: it is liquidated when its equity falls to this share of its value."
          />
        </form>

        <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale || !ready ? 'true' : undefined}>
          {!ready ? (
            <p class="ll-summary" role="status" data-testid="decay-loading">
              {failed
                ? 'The price window did not load. Check your connection and reload the page.'
                : 'Loading the price window…'}
            </p>
          ) : (
            <>
              <LiveSummary stale={w.stale} text={sentence(ready)} />
              <dl class="ll-figures">
                <Figure
                  label="Bitcoin over the path"
                  value={pct(ready.underlyingMove)}
                  testId="underlying-move"
                  tone={toneOf(ready.underlyingMove)}
                />
                <Figure
                  label={`${formatMultiple(ready.leverage)} × that move`}
                  value={pct(ready.leveragedMove)}
                  testId="leveraged-move"
                />
                <Figure
                  label="Leveraged token (from 100)"
                  value={`${value(ready.tokenEnd)} (${pct(ready.tokenReturn)})`}
                  testId="token-end"
                  tone={toneOf(ready.tokenReturn)}
                  keyResult
                />
                <Figure
                  label="Fixed long (from 100)"
                  value={`${value(ready.fixedEnd)} (${pct(ready.fixedReturn)})`}
                  testId="fixed-end"
                  tone={toneOf(ready.fixedReturn)}
                />
                <Figure
                  label="Token minus fixed long"
                  value={formatPercent(ready.gap, { signed: true })}
                  testId="gap"
                  tone={toneOf(ready.gap)}
                />
                <Figure label="Rebalances" value={String(ready.rebalances)} testId="rebalances" />
              </dl>
              {chart && (
                <LazyChart id={`${idPrefix}-chart`} summary={chart.summary} spec={chart.spec} table={chart.table} />
              )}
              {ready.path !== 'choppy' && (
                <p class="ll-hint">
                  Hourly closing prices of Binance’s BTCUSDT perpetual from{' '}
                  <a href={DATA_CREDIT.url} rel="noopener noreferrer">
                    {DATA_CREDIT.name}
                  </a>
                  , licensed{' '}
                  <a href={DATA_CREDIT.licenceUrl} rel="noopener noreferrer">
                    {DATA_CREDIT.licence}
                  </a>
                  . Only closes are checked, so a wick inside an hour is not seen.
                </p>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function when(r: TokenDecayReady, at: number): string {
  return r.step === 'day' ? `on day ${at}` : `after ${at} hours`;
}

function sentence(r: TokenDecayReady): string {
  const lev = formatMultiple(r.leverage);
  const head = `${r.title}: bitcoin moved ${pct(r.underlyingMove)}. A ${lev} token rebalanced ${r.step === 'day' ? 'daily' : 'every 24 hours'} ended at ${value(r.tokenEnd)} from 100 (${pct(r.tokenReturn)})`;
  const fixed =
    r.liquidatedAt !== null
      ? `; the same ${lev} taken once as a fixed long was liquidated ${when(r, r.liquidatedAt)} and lost all 100.`
      : `; the same ${lev} taken once as a fixed long ended at ${value(r.fixedEnd)} (${pct(r.fixedReturn)}).`;
  const wiped = r.wipedOutAt !== null ? ` The token was worth nothing ${when(r, r.wipedOutAt)}.` : '';
  return `${head}${fixed}${wiped}`;
}

function chartFor(r: TokenDecayReady): { spec: ChartSpec; table: ChartTable; summary: string } {
  const unit = r.step === 'day' ? 'Day' : 'Hour';
  // A window has about a hundred hourly points: the table keeps one row a day (and the last) so it stays readable.
  const rows = r.points.filter((p, i) => r.step === 'day' || i % 24 === 0 || i === r.points.length - 1);
  return {
    spec: {
      kind: 'line',
      xLabel: r.step === 'day' ? 'Day' : 'Hour',
      yLabel: 'Value (start = 100)',
      series: [
        { label: 'Bitcoin (rebased to 100)', points: r.points.map((p) => ({ x: p.t, y: p.price })), color: '--warn' },
        {
          label: `${formatMultiple(r.leverage)} token`,
          points: r.points.map((p) => ({ x: p.t, y: p.token })),
          color: '--accent',
        },
        {
          label: `${formatMultiple(r.leverage)} fixed long`,
          points: r.points.map((p) => ({ x: p.t, y: p.fixed })),
          color: '--bad',
        },
      ],
      ...(r.liquidatedAt !== null
        ? { markers: [{ x: r.liquidatedAt, label: 'Fixed long liquidated', color: '--bad' }] }
        : {}),
    },
    table: {
      caption: `${r.title}: values from a start of 100`,
      columns: [unit, 'Bitcoin', 'Token', 'Fixed long'],
      rows: rows.map((p) => [String(p.t), formatNumber(p.price), formatNumber(p.token), formatNumber(p.fixed)]),
    },
    summary: sentence(r),
  };
}
