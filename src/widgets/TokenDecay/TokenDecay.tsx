/**
 * Leveraged token vs fixed leverage: the view. All arithmetic is in model.ts and src/calc, and both load at the
 * reader's first interaction: the first result is the server's (serverFirst.ts, passed by TokenDecay.astro as a prop),
 * chart included (LazyChart draws it as SVG). A crash window's candles load on demand through the replay widget's
 * loader (Replay/scenarios.ts), once per page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { binder, NumberField, SelectField } from '../shared/fields.tsx';
import { Figure } from '../shared/Figure.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { ENGINE_WAIT, sameSettings, useDeferredEngine } from '../shared/deferredEngine.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import { loadWindow } from '../Replay/scenarios.ts';
import { DATA_CREDIT, WINDOWS } from '../Replay/menu.ts';
import type { LoadedWindow } from './model.ts';
import { MAX_DAYS, tokenDecayParams, type PathId, type TokenDecayValues } from './params.ts';
import { LOADING, shownOf, type TokenDecayShown } from './shown.ts';

export interface TokenDecayProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<TokenDecayValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: figures first, the chart and the maintenance rate folded, a link to the full tool. */
  compact?: boolean;
  /** The result for the starting scenario, written on the server (TokenDecay.astro, serverFirst.ts). */
  first?: TokenDecayShown;
}

const PATH_OPTIONS: { value: PathId; label: string }[] = [
  { value: 'choppy', label: 'Choppy: up one day, down the next' },
  ...WINDOWS.map((w) => ({ value: w.id as PathId, label: `${w.title} (hourly, real)` })),
];

/** The model and src/calc (with decimal.js): loaded at the first interaction, for every result after the first. */
type Engine = typeof import('./model.ts');
const WINDOW_WAIT = 'Loading the price window…';
const WINDOW_FAILED = 'The price window did not load. Check your connection and reload the page.';

export default function TokenDecay({
  initial,
  syncUrl = true,
  idPrefix = 'decay',
  compact = false,
  first,
}: TokenDecayProps) {
  const start = { ...tokenDecayParams.defaults, ...initial };
  const [windows, setWindows] = useState<Readonly<Record<string, LoadedWindow>>>({});
  const [failed, setFailed] = useState(false);
  const {
    engine,
    failed: engineFailed,
    waiting,
  } = useDeferredEngine<Engine>(() => import('./model.ts'), {
    hasFirst: !!first,
    syncUrl,
    shape: tokenDecayParams.shape,
  });
  // Until the model (and a window's prices) arrive, only the settings the server rendered have a result: the server's.
  const compute = (v: TokenDecayValues) => {
    if (engine) {
      const out = engine.computeTokenDecay(v, windows);
      if (!out.ok) return out;
      if (out.value.kind === 'ready') return { ok: true as const, value: shownOf(out.value) };
      if (first && sameSettings(v, start)) return { ok: true as const, value: first };
      return { ok: false as const, errors: { [LOADING]: failed ? WINDOW_FAILED : WINDOW_WAIT } };
    }
    if (first && sameSettings(v, start)) return { ok: true as const, value: first };
    return { ok: false as const, errors: { [LOADING]: waiting } };
  };
  const inputs = useMemo(() => ({ windows, engine, engineFailed, failed }), [windows, engine, engineFailed, failed]);
  const w = useWidget<typeof tokenDecayParams.shape, TokenDecayShown | null>(
    tokenDecayParams,
    start,
    (v) => (first || engine ? compute(v) : { ok: true, value: null }),
    { syncUrl, data: inputs, ready: engine !== null },
  );
  const bind = binder(w, idPrefix);
  const path = w.values.path;
  useEffect(() => {
    if (!engine || path === 'choppy' || windows[path]) return;
    loadWindow(path).then(
      (win) =>
        setWindows((loaded) => ({ ...loaded, [win.id]: { title: win.title, closes: engine.closesOf(win.candles) } })),
      () => setFailed(true),
    );
  }, [engine, path, windows]);
  const ready = w.result;
  const loading = w.errors[LOADING];

  const mmr = (
    <NumberField
      {...bind('mmr')}
      label="Maintenance margin rate"
      unit="%"
      hint="For the fixed long only: it is liquidated when its equity falls to this share of its value."
    />
  );
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale || !ready ? 'true' : undefined}>
      {loading && (
        <p class="ll-summary" role="status" data-testid="decay-loading">
          {loading}
        </p>
      )}
      {!ready ? (
        !loading && (
          <p class="ll-summary" role="status" data-testid="decay-loading">
            {ENGINE_WAIT}
          </p>
        )
      ) : (
        <>
          <LiveSummary stale={w.stale} text={ready.sentence} />
          <dl class="ll-figures">
            <Figure
              label="Bitcoin over the path"
              value={ready.figures['underlying-move']}
              testId="underlying-move"
              tone={ready.tones.underlying}
            />
            <Figure
              label={`${ready.leverage} × that move`}
              value={ready.figures['leveraged-move']}
              testId="leveraged-move"
            />
            <Figure
              label="Leveraged token (from 100)"
              value={ready.figures['token-end']}
              testId="token-end"
              tone={ready.tones.token}
              keyResult
            />
            <Figure
              label="Fixed long (from 100)"
              value={ready.figures['fixed-end']}
              testId="fixed-end"
              tone={ready.tones.fixed}
            />
            <Figure label="Token minus fixed long" value={ready.figures.gap} testId="gap" tone={ready.tones.gap} />
            <Figure label="Rebalances" value={ready.figures.rebalances} testId="rebalances" />
          </dl>
          <More compact={compact} summary="Chart: the token, the fixed long and bitcoin over the path">
            <LazyChart
              id={`${idPrefix}-chart`}
              summary={ready.chart.summary}
              spec={ready.chart.spec}
              table={ready.chart.table}
            />
          </More>
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
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="token-decay">
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
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
          {compact ? (
            <More compact summary="Maintenance margin rate">
              {mmr}
            </More>
          ) : (
            mmr
          )}
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="token-decay" query={serializeParams(tokenDecayParams, w.values)} />}
    </div>
  );
}
