/**
 * Price-path replay: the view and the player (buttons and keys). The outcome comes from model.ts and src/calc, which
 * load after hydration: the first result is the server's, read from the page (hydrate.ts, shown.ts), so the first
 * render needs no calculation code.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { binder, LeverageField, MaintenanceRateField, NumberField } from '../shared/fields.tsx';
import { Figure } from '../shared/Figure.tsx';
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { SideField } from '../shared/SideField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { LiveSummary, Notes } from '../shared/Notes.tsx';
import { useWidget } from '../shared/useWidget.ts';
import { sameSettings, useDeferredEngine } from '../shared/deferredEngine.ts';
import { FullToolLink, More } from '../shared/Compact.tsx';
import { serializeParams } from '../shared/params.ts';
import { formatMoney, formatMultiple, formatPercent } from '../../format/numbers.ts';
import type { ReplayData } from './model.ts';
import { LOADING, priceText as price, type ReplayShown } from './shown.ts';
import { replayParams, type ReplayValues, type ScenarioId } from './params.ts';
import type { CsvCandles } from './csv.ts';
import { loadRandom, loadWindow, type RandomCandles } from './scenarios.ts';
import { DATA_CREDIT, WINDOWS } from './menu.ts';
import type { MarketWindow } from './parseWindow.ts';
import {
  BLOCK_ATTRIBUTE,
  RESULT_ATTRIBUTE,
  resultBlockText,
  resultFromBlock,
  windowBlockText,
  windowFromBlock,
} from './hydrate.ts';
import { serverFirst } from './serverFirst.ts';
import './replay.css';

export interface ReplayProps {
  /** Starting scenario; the URL's parameters override it on the tool page. */
  initial?: Partial<ReplayValues>;
  /** Mirror the inputs into the page URL (the tool page and embeds do). */
  syncUrl?: boolean;
  /** Makes ids unique when the widget appears more than once on a page. */
  idPrefix?: string;
  /** The embed layout: outcome first, the stop, target and rate settings and the chart folded, a full-tool link. */
  compact?: boolean;
}

const SCENARIO_OPTIONS: { value: ScenarioId; label: string }[] = [
  ...WINDOWS.map((s) => ({ value: s.id as ScenarioId, label: `${s.title} (hourly)` })),
  { value: 'random', label: 'Random path (seeded, daily)' },
  { value: 'csv', label: 'Your own candles (CSV)' },
];

const STEP_MS = 700;
/** The largest file the page reads (5,000 rows with mark prices fit in well under half of it). */
const MAX_FILE_BYTES = 2_000_000;

const usdt = (d: string, signed = false) => formatMoney(d, { unit: 'USDT', signed });

/** The model and src/calc (with decimal.js): loaded after hydration, for every result after the first. */
type Engine = typeof import('./model.ts');

/** The window and result the widget opens on, from the server, and their blocks' text. */
interface First {
  window: MarketWindow;
  result: ReplayShown;
  windowText: string;
  resultText: string;
}

const END_WORDS = { stop: 'Stopped out', takeProfit: 'Took profit', liquidation: 'Liquidated' } as const;

export default function Replay({ initial, syncUrl = true, idPrefix = 'replay', compact = false }: ReplayProps) {
  const start = { ...replayParams.defaults, ...initial };
  // The window shown first and its result: the server reads the file, runs the model and writes both into the page as
  // JSON blocks; the browser reads them back before hydrating, so both render the same candles and figures, and
  // neither price data nor calculation code rides in the first scripts.
  const blockKey = `${idPrefix}:${start.scenario}`;
  const [first] = useState<First | null>(() => {
    if (import.meta.env.SSR) {
      const f = serverFirst(start);
      return f ? { ...f, windowText: windowBlockText(f.window), resultText: resultBlockText(f.result) } : null;
    }
    const windowText = document.querySelector(`script[${BLOCK_ATTRIBUTE}="${blockKey}"]`)?.textContent;
    const resultText = document.querySelector(`script[${RESULT_ATTRIBUTE}="${blockKey}"]`)?.textContent;
    if (!windowText || !resultText) return null;
    const win = windowFromBlock(windowText);
    return { window: win, result: resultFromBlock(resultText, win), windowText, resultText };
  });
  // What has been loaded or pasted so far: the model reads it as input, and a change recomputes the result.
  const [windows, setWindows] = useState<Readonly<Record<string, MarketWindow>>>(() =>
    first ? { [first.window.id]: first.window } : {},
  );
  const [random, setRandom] = useState<{ generate: RandomCandles } | null>(null);
  const [csv, setCsv] = useState<{ text: string; parsed: CsvCandles | null; error: string | null }>({
    text: '',
    parsed: null,
    error: null,
  });
  const data = useMemo<ReplayData>(
    () => ({ windows, random: random?.generate ?? null, csv: csv.parsed }),
    [windows, random, csv.parsed],
  );
  const {
    engine,
    failed: engineFailed,
    waiting,
  } = useDeferredEngine<Engine>(() => import('./model.ts'), {
    hasFirst: first !== null,
    syncUrl,
    shape: replayParams.shape,
  });
  const compute = (v: ReplayValues) => {
    if (engine) {
      const outcome = engine.computeReplay(v, data);
      return outcome.ok ? { ok: true as const, value: engine.showReplay(outcome.value) } : outcome;
    }
    if (first && sameSettings(v, start)) return { ok: true as const, value: first.result };
    return { ok: false as const, errors: { [LOADING]: waiting } };
  };
  const inputs = useMemo(() => ({ data, engine, engineFailed }), [data, engine, engineFailed]);
  const w = useWidget(replayParams, start, compute, { syncUrl, data: inputs, ready: engine !== null });
  const r = w.result;
  const id = (k: string) => `${idPrefix}-${k}`;
  const bind = binder(w, idPrefix);
  const last = r.candles.length - 1;
  const [cursor, setCursor] = useState(last);
  const [playing, setPlaying] = useState(false);
  const [reduced, setReduced] = useState(false);
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;

  // Another shipped window, or the random-path generator, is fetched when chosen.
  const scenario = w.values.scenario;
  useEffect(() => {
    if (scenario === 'random') {
      if (!random) void loadRandom().then((generate) => setRandom({ generate }));
    } else if (scenario !== 'csv' && !windows[scenario]) {
      void loadWindow(scenario).then((win) => setWindows((loaded) => ({ ...loaded, [win.id]: win })));
    }
  }, [scenario, random, windows]);

  // A new path or entry shows the whole replay again; the model's first answer (it loads at the reader's first
  // interaction) repeats the server's for the same settings, and leaves the player where it is.
  const outcomeKey = `${r.candles.length}|${sentence(r)}`;
  const lastIndex = r.candles.length - 1;
  useEffect(() => {
    setPlaying(false);
    setCursor(lastIndex);
  }, [outcomeKey, lastIndex]);

  useEffect(() => {
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(mq.matches);
    const onChange = () => setReduced(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => {
      const next = cursorRef.current + 1;
      if (next >= last) setPlaying(false);
      setCursor(Math.min(next, last));
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [playing, last]);

  const clamp = (i: number) => Math.max(r.entryIndex, Math.min(last, i));
  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (reduced) {
      // No animation: jump straight to where the position ended (or to the last candle).
      setCursor(r.end ? r.end.index : last);
      return;
    }
    if (cursor >= last) setCursor(r.entryIndex);
    setPlaying(true);
  };
  const step = (delta: number) => {
    setPlaying(false);
    setCursor((c) => clamp(c + delta));
  };
  const jump = (to: number) => {
    setPlaying(false);
    setCursor(clamp(to));
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const onButton = (e.target as HTMLElement).tagName === 'BUTTON';
    if (e.key === ' ' && !onButton) {
      e.preventDefault();
      play();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      step(1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      step(-1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      jump(r.entryIndex);
    } else if (e.key === 'End') {
      e.preventDefault();
      jump(last);
    }
  };

  const onCsvText = (text: string) => {
    if (text.trim() === '') {
      setCsv({ text, parsed: null, error: null });
      return;
    }
    setCsv((c) => ({ ...c, text }));
    // The parser is loaded only when someone brings their own candles.
    void import('./csv.ts').then(({ parseCandles, CSV_FIELD }) => {
      const parsed = parseCandles(text);
      setCsv((c) =>
        c.text === text
          ? {
              text,
              parsed: parsed.ok ? parsed.value : null,
              error: parsed.ok ? null : (parsed.errors[CSV_FIELD] ?? null),
            }
          : c,
      );
    });
  };
  const onFile = (e: TargetedEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setCsv({ text: '', parsed: null, error: 'Line 1: the file is over 2 MB; keep it to 5,000 candles.' });
      return;
    }
    // Read in the page only: nothing is uploaded anywhere.
    const reader = new FileReader();
    reader.onload = () => onCsvText(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => setCsv({ text: '', parsed: null, error: 'Line 1: the file could not be read.' });
    reader.readAsText(file);
  };

  const shownCursor = Math.max(r.entryIndex, Math.min(cursor, last));
  // The chart's spec is built by a module loaded after hydration: it is not needed for the first paint.
  const [charts, setCharts] = useState<typeof import('./chart.ts') | null>(null);
  useEffect(() => {
    import('./chart.ts').then((m) => setCharts(m)).catch(() => setCharts(null));
  }, []);
  const chart = useMemo(() => (charts ? charts.chartFor(r, shownCursor) : null), [charts, r, shownCursor]);
  const atCursor = r.candles[shownCursor];
  const equityNow = r.equity[shownCursor] ?? r.balance;
  const ended = r.end !== null && shownCursor >= r.end.index;
  const csvError = (w.values.scenario === 'csv' ? csv.error : null) ?? w.errors['csv'];
  const shownWindow = r.window && w.values.scenario === r.scenario ? r.window : null;

  // Figures the embed layout folds under the main ones.
  const secondary = (
    <>
      <Figure label="Stop (on the last price)" value={price(r.stop)} testId="stop" />
      <Figure label="Take-profit (on the last price)" value={price(r.takeProfit)} testId="take-profit" />
      <Figure
        label={r.side === 'long' ? 'Lowest after entry' : 'Highest after entry'}
        value={extremesText(r)}
        testId="extremes"
      />
    </>
  );
  // The results: after the fields, or before them in the embed layout (the key result in the first screen).
  const results = (
    <div class={`ll-results${w.stale ? ' ll-stale' : ''}`} aria-busy={w.stale ? 'true' : undefined}>
      <LiveSummary stale={w.stale} text={sentence(r)} />
      <dl class="ll-figures">
        <Figure label="Entry price" value={price(r.entryPrice)} testId="entry-price" />
        <Figure label="Liquidation price (on the mark price)" value={price(r.liquidation)} testId="liquidation" />
        {!compact && secondary}
        <Figure
          label="Outcome"
          value={outcomeText(r)}
          testId="outcome"
          keyResult
          tone={r.end?.kind !== 'takeProfit' && r.end !== null ? 'bad' : undefined}
        />
        <Figure
          label="Profit or loss"
          value={usdt(r.finalPnl, true)}
          testId="final-pnl"
          tone={r.loss ? 'bad' : undefined}
        />
      </dl>
      {compact && (
        <More compact summary="Stop, take-profit and the furthest price after entry">
          <dl class="ll-figures">{secondary}</dl>
        </More>
      )}
      <More compact={compact} summary="Play it candle by candle, with the price chart">
        <div
          class="ll-replay-player"
          role="group"
          aria-label="Replay controls: Space plays or pauses, arrow keys step, Home and End jump"
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="player"
        >
          <div class="ll-replay-buttons">
            <button type="button" onClick={() => jump(r.entryIndex)}>
              To entry
            </button>
            <button type="button" onClick={() => step(-1)}>
              Step back
            </button>
            <button type="button" onClick={play} aria-pressed={playing}>
              {playing ? 'Pause' : 'Play'}
            </button>
            <button type="button" onClick={() => step(1)}>
              Step forward
            </button>
            <button type="button" onClick={() => jump(last)}>
              To end
            </button>
          </div>
          <p class="ll-replay-now" data-testid="cursor" aria-live={playing ? 'off' : 'polite'}>
            Candle {shownCursor + 1} of {r.candles.length} ({atCursor.time}): close {price(atCursor.close)}
            {r.hasMark && atCursor.markClose !== undefined ? ` (mark ${price(atCursor.markClose)})` : ''}, equity{' '}
            {usdt(equityNow)}
            {ended && r.end ? ` · ${END_WORDS[r.end.kind].toLowerCase()} on candle ${r.end.index + 1}` : ''}.
          </p>
          {reduced && <p class="ll-hint">Your system asks for less motion, so Play jumps straight to the outcome.</p>}
        </div>

        {chart ? (
          <LazyChart id={id('chart')} summary={chart.summary} spec={chart.spec} table={chart.table} height={300} />
        ) : (
          <p class="ll-chart-wait">The price chart loads with the page’s scripts.</p>
        )}
      </More>
    </div>
  );

  return (
    <div class={`ll-widget ll-widget-wide${compact ? ' ll-compact' : ''}`} data-widget="replay">
      {first && (
        <script
          type="application/json"
          {...{ [BLOCK_ATTRIBUTE]: blockKey }}
          dangerouslySetInnerHTML={{ __html: first.windowText }}
        />
      )}
      {first && (
        <script
          type="application/json"
          {...{ [RESULT_ATTRIBUTE]: blockKey }}
          dangerouslySetInnerHTML={{ __html: first.resultText }}
        />
      )}
      <Notes notes={w.notes} />
      <div class="ll-widget-grid">
        {compact && results}
        <form class="ll-fields" onSubmit={(e) => e.preventDefault()} aria-label="Replay settings">
          <div class="ll-field ll-replay-span">
            <label for={id('scenario')}>Price path</label>
            <select
              id={id('scenario')}
              name={id('scenario')}
              value={w.values.scenario}
              onChange={(e) => w.set('scenario', e.currentTarget.value)}
            >
              {SCENARIO_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {w.errors[LOADING] && (
              <p class={engineFailed ? 'll-error' : 'll-hint'} role="status">
                {w.errors[LOADING]}
              </p>
            )}
            {shownWindow && (
              <p class="ll-hint" data-testid="scenario-story">
                {shownWindow.story}
                {shownWindow.sources.map((source) => (
                  <>
                    {' '}
                    Source:{' '}
                    <a key={source.url} href={source.url} rel="noopener noreferrer">
                      {source.name}
                    </a>
                    .
                  </>
                ))}
              </p>
            )}
            {shownWindow && (
              <p class="ll-hint" data-testid="scenario-source">
                Hourly candles of Binance’s BTCUSDT perpetual, its last (traded) price and its mark price. Data:{' '}
                <a href={DATA_CREDIT.url} rel="noopener noreferrer">
                  {DATA_CREDIT.name}
                </a>{' '}
                (Binance market data,{' '}
                <a href={DATA_CREDIT.licenceUrl} rel="noopener noreferrer">
                  {DATA_CREDIT.licence}
                </a>
                ). Liquidation is checked on the mark price, as exchanges do; your stop and take-profit trigger on the
                last price.
              </p>
            )}
            {!w.errors[LOADING] && !r.hasMark && w.values.scenario === r.scenario && (
              <p class="ll-hint" data-testid="one-price">
                {r.scenario === 'csv'
                  ? 'Your candles have no mark price, so their one price stands in for both the last and the mark price.'
                  : 'A random path has one price, used as both the last and the mark price.'}
              </p>
            )}
          </div>
          {w.values.scenario === 'random' && (
            <>
              <NumberField {...bind('seed')} label="Random seed" hint="The same seed gives the same path." />
              <NumberField {...bind('vol')} label="Volatility" unit="% a year" />
            </>
          )}
          {w.values.scenario === 'csv' && (
            <div class={`ll-field ll-replay-span${csvError ? ' ll-field-invalid' : ''}`}>
              <label for={id('csv')}>Your candles (CSV)</label>
              <textarea
                id={id('csv')}
                rows={6}
                spellcheck={false}
                value={csv.text}
                placeholder={'time,open,high,low,close\n2024-01-01 00:00,42000,42800,41500,42500'}
                aria-invalid={csvError ? 'true' : undefined}
                aria-describedby={`${id('csv')}-hint${csvError ? ` ${id('csv')}-error` : ''}`}
                onInput={(e) => onCsvText(e.currentTarget.value)}
              />
              <label class="ll-replay-file" for={id('file')}>
                Or choose a CSV file
              </label>
              <input id={id('file')} type="file" accept=".csv,text/csv,text/plain" onChange={onFile} />
              <p class="ll-hint" id={`${id('csv')}-hint`}>
                One candle per line: time, open, high, low, close (a header line is allowed), up to 5,000 lines. Add
                mark open, mark high, mark low and mark close to replay liquidation on the mark price; without them your
                one price stands in for both. Your candles stay in this page: nothing is uploaded, and they are not put
                in the link (too big), so a shared link opens without them.
              </p>
              {csvError && (
                <p class="ll-error" id={`${id('csv')}-error`} data-testid="csv-error">
                  {csvError}
                </p>
              )}
            </div>
          )}
          <NumberField
            {...bind('entry')}
            label="Entry candle"
            hint={`You open at this candle’s close: ${atEntry(r)}.`}
            slider={{ min: 1, max: Math.max(1, r.candles.length - 1), step: 1 }}
          />
          <SideField name={id('side')} value={w.values.side} onChange={(v) => w.set('side', v)} />
          <LeverageField {...bind('leverage')} max={100} />
          <NumberField {...bind('margin')} label="Margin" unit="USDT" />
          <More compact={compact} summary="Margin mode, stop, take-profit and maintenance rate">
            <ChoiceField
              name={id('mode')}
              legend="Margin mode"
              value={w.values.mode as 'isolated' | 'cross'}
              options={[
                { value: 'isolated', label: 'Isolated' },
                { value: 'cross', label: 'Cross' },
              ]}
              onChange={(v) => w.set('mode', v)}
            />
            {w.values.mode === 'cross' && (
              <NumberField
                {...bind('extra')}
                label="Extra wallet balance"
                unit="USDT"
                hint="Cross margin uses this too before liquidating, and loses it too."
              />
            )}
            <NumberField {...bind('stop')} label="Stop loss" unit="% from entry" hint="Leave empty for no stop." />
            <NumberField {...bind('tp')} label="Take-profit" unit="% from entry" hint="Leave empty for no target." />
            <MaintenanceRateField {...bind('mmr')} />
          </More>
        </form>
        {!compact && results}
      </div>
      {compact && <FullToolLink tool="replay" query={serializeParams(replayParams, w.values)} />}
    </div>
  );
}

function atEntry(r: ReplayShown): string {
  const c = r.candles[r.entryIndex];
  return c ? `${c.time}, ${price(c.close)}` : 'none';
}

const TRIGGER_WORDS = { last: 'on the last price', mark: 'on the mark price' } as const;

function outcomeText(r: ReplayShown): string {
  if (!r.end) return 'Still open at the last candle';
  const c = r.candles[r.end.index];
  const trigger = r.hasMark ? `, ${TRIGGER_WORDS[r.end.trigger]}` : '';
  return `${END_WORDS[r.end.kind]} on candle ${r.end.index + 1} (${c.time}) at ${price(r.end.price)}${trigger}${r.end.ambiguous ? ', assuming the worse level came first' : ''}`;
}

/** The furthest the price went against a long (lowest) or a short (highest) after entry, last and mark side by side. */
function extremesText(r: ReplayShown): string {
  const { lastLow, lastHigh, markLow, markHigh } = r.extremes;
  const [last, mark] = r.side === 'long' ? [lastLow, markLow] : [lastHigh, markHigh];
  return r.hasMark ? `last ${price(last)} · mark ${price(mark)}` : price(last);
}

function sentence(r: ReplayShown): string {
  const lead = `A ${formatMultiple(r.leverage)} ${r.mode} ${r.side} opened at ${price(r.entryPrice)}`;
  if (!r.end) {
    return `${lead} is still open at the last candle, ${usdt(r.finalPnl, true)}.`;
  }
  const c = r.candles[r.end.index];
  const what =
    r.end.kind === 'liquidation'
      ? `was liquidated on ${c.time} when the ${r.hasMark ? 'mark ' : ''}price touched ${price(r.end.price)} (${formatPercent(r.end.move, { signed: true })}), losing ${usdt(r.balance)}`
      : r.end.kind === 'stop'
        ? `was stopped out on ${c.time} at ${price(r.end.price)}, ${usdt(r.finalPnl, true)}`
        : `took profit on ${c.time} at ${price(r.end.price)}, ${usdt(r.finalPnl, true)}`;
  return `${lead} ${what}.`;
}
