/**
 * The practice arena (/practice/): pick a crash window, start some hours before the move and trade it hour by hour
 * (or 15 minutes at a time where a 15-minute file exists) with a paper account, holding a long, a short or both. The first view (window, story, missions, terms) is rendered on the server and needs no
 * calculation code; Start loads the window's candles, the model and calc (src/calc/arena.ts), and the chart.
 * The view only renders what model.ts returns.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { ChoiceField } from '../shared/ChoiceField.tsx';
import { LazyChart } from '../shared/LazyChart.tsx';
import { DATA_CREDIT } from '../Replay/menu.ts';
import { ARENA_WINDOWS } from './missions.ts';
import { decodeActions, encodeActions, type RawAction, type Side } from './share.ts';
import type { ArenaBar, QuarterBar } from './data.ts';
import type { ArenaShown, DebriefShown, MissionShown, TicketInput } from './model.ts';
import './arena.css';

type Model = typeof import('./model.ts');
type Charts = typeof import('./chart.ts');

export interface ArenaWindowInfo {
  id: string;
  title: string;
  story: string;
  sources: { name: string; url: string }[];
}

export interface PracticeArenaProps {
  windows: ArenaWindowInfo[];
}

const SPEEDS = [1, 2, 4, 8] as const;
const STOP_KINDS = new Set(['stop', 'takeProfit', 'liquidation', 'close', 'open']);
const EMPTY_TICKET: TicketInput = {
  side: 'long',
  mode: 'isolated',
  margin: '1000',
  leverage: '10',
  stop: '',
  stopTrigger: 'last',
  tp: '',
  tpTrigger: 'last',
};

type OrdersInput = Pick<TicketInput, 'stop' | 'stopTrigger' | 'tp' | 'tpTrigger'>;
const NO_ORDERS: OrdersInput = { stop: '', stopTrigger: 'last', tp: '', tpTrigger: 'last' };

interface Loaded {
  model: Model;
  charts: Charts;
  bars: ArenaBar[];
  startStep: number;
}

const isTyping = (el: EventTarget | null) => {
  const tag = (el as HTMLElement | null)?.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
};

export default function PracticeArena({ windows }: PracticeArenaProps) {
  const [windowId, setWindowId] = useState(windows[0]?.id ?? '');
  const [shared, setShared] = useState<RawAction[] | null>(null);
  const [note, setNote] = useState('');
  const [phase, setPhase] = useState<'intro' | 'loading' | 'playing' | 'failed'>('intro');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [actions, setActions] = useState<RawAction[]>([]);
  const [replaying, setReplaying] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(2);
  const [ticket, setTicket] = useState<TicketInput>(EMPTY_TICKET);
  const [orders, setOrders] = useState<OrdersInput>(NO_ORDERS);
  const [amount, setAmount] = useState('100');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [spot, setSpot] = useState(false);
  const [quarters, setQuarters] = useState<QuarterBar[] | null>(null);
  /** Play at 15-minute steps (only for a window with a 15-minute file). */
  const [fine, setFine] = useState(false);
  /** With a long and a short open: the one the manage controls act on. */
  const [manageSide, setManageSide] = useState<Side>('long');
  const [saved, setSaved] = useState('');
  const [copied, setCopied] = useState('');
  const root = useRef<HTMLDivElement>(null);

  // A shared link: ?w=<window>&a=<actions>.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const w = params.get('w');
    if (w !== null) {
      if (windows.some((x) => x.id === w)) setWindowId(w);
      else setNote('The window in this link is not one the arena has, so the first window is shown.');
    }
    if (params.get('s') === '15') setFine(true);
    const a = params.get('a');
    if (a !== null) {
      const decoded = decodeActions(a);
      if (decoded && decoded.length > 0 && windows.some((x) => x.id === w)) setShared(decoded);
      else setNote('The run in this link could not be read, so a fresh run starts.');
    }
  }, [windows]);

  const info = windows.find((w) => w.id === windowId) ?? windows[0];
  const spec = ARENA_WINDOWS[info.id];
  const quarterly = fine && spec.quarters === true;
  const unit = quarterly ? '15 minutes' : 'hour';

  const chooseWindow = (id: string) => {
    setWindowId(id);
    setShared(null);
    history.replaceState(null, '', `?w=${encodeURIComponent(id)}`);
  };
  const chooseStep = (quarter: boolean) => {
    setFine(quarter);
    setShared(null);
    history.replaceState(null, '', `?w=${encodeURIComponent(info.id)}${quarter ? '&s=15' : ''}`);
  };

  const start = async (replay: boolean) => {
    setPhase('loading');
    try {
      const [model, charts, data] = await Promise.all([
        import('./model.ts'),
        import('./chart.ts'),
        import('./data.ts'),
      ]);
      const hourly = await data.loadArenaWindow(info.id);
      const bars = quarterly ? model.quarterBars(hourly, await data.loadQuarters(info.id)) : hourly;
      const startStep = Math.max(0, model.stepAt(bars, spec.start));
      let acts: RawAction[] = [];
      let at = startStep;
      if (replay && shared) {
        const check = model.checkRun(bars, startStep, shared);
        if (check.ok) {
          acts = shared;
          at = bars.length - 1;
        } else {
          setNote(
            `The run in this link could not be replayed (${check.errors['actions'] ?? 'invalid'}), so a fresh run starts.`,
          );
        }
      }
      setLoaded({ model, charts, bars, startStep });
      setActions(acts);
      setReplaying(acts.length > 0);
      setCursor(at);
      setErrors({});
      setSaved('');
      setPhase('playing');
      if (data.hasQuarters(info.id) && !quarterly) void data.loadQuarters(info.id).then(setQuarters);
      else setQuarters(null);
    } catch {
      setPhase('failed');
    }
  };

  const shown: ArenaShown | null = useMemo(
    () => (loaded ? loaded.model.showArena(loaded.bars, loaded.startStep, actions, cursor) : null),
    [loaded, actions, cursor],
  );
  const finished = shown?.finished ?? false;
  const missions: MissionShown[] | null = useMemo(
    () =>
      loaded && finished ? loaded.model.showMissions(loaded.bars, loaded.startStep, actions, spec.missions) : null,
    [loaded, finished, actions, spec],
  );
  const debrief: DebriefShown | null = useMemo(
    () => (loaded && finished ? loaded.model.showDebrief(loaded.bars, loaded.startStep, actions) : null),
    [loaded, finished, actions],
  );
  const chart = useMemo(
    () => (loaded && shown ? loaded.charts.arenaChart(loaded.bars, shown, spot) : null),
    [loaded, shown, spot],
  );
  const shareUrl = useMemo(() => {
    if (!finished || typeof location === 'undefined') return '';
    const q = new URLSearchParams({ w: info.id, ...(quarterly ? { s: '15' } : {}), a: encodeActions(actions) });
    return `${location.origin}${location.pathname}?${q.toString()}`;
  }, [finished, actions, info.id, quarterly]);

  // Best results are kept once per finished run (not for someone else's shared run).
  useEffect(() => {
    if (!missions || replaying || actions.length === 0) return;
    void import('../../progress/browser.ts').then(({ progress }) => {
      for (const m of missions) progress.recordArenaRun(m.id, m.passed, m.score);
      setSaved('Your results are saved in this browser’s progress (see the Progress page to export them).');
    });
  }, [missions, replaying, actions.length]);

  // Play: one step per tick; pauses at the end and at every fill, stop and liquidation.
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;
  const lastStep = shown?.last ?? 0;
  useEffect(() => {
    if (!playing || lastStep === 0) return undefined;
    const timer = setInterval(() => {
      setCursor(Math.min(cursorRef.current + 1, lastStep));
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed, lastStep]);
  useEffect(() => {
    if (!shown || !playing) return;
    if (shown.finished || shown.log.some((l) => l.step === shown.cursor && STOP_KINDS.has(l.kind))) setPlaying(false);
  }, [shown, playing]);

  const step = () => {
    setPlaying(false);
    if (shown && !shown.finished) setCursor(shown.cursor + 1);
  };
  const toEnd = () => {
    setPlaying(false);
    if (shown) setCursor(shown.last);
  };
  const faster = (d: 1 | -1) =>
    setSpeed((s) => SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, SPEEDS.indexOf(s) + d))] ?? s);

  /** Adds an action at the next step's open and moves time on by that step, so the fill shows at once. */
  const act = (
    outcome: { ok: true; value: RawAction } | { ok: false; errors: Record<string, string> },
    form: 'ticket' | 'orders' = 'ticket',
  ) => {
    if (!outcome.ok) {
      const prefix = form === 'orders' ? 'new-' : '';
      setErrors(Object.fromEntries(Object.entries(outcome.errors).map(([k, v]) => [prefix + k, v])));
      return;
    }
    setErrors({});
    setPlaying(false);
    setActions((list) => [...list, outcome.value]);
    setCursor((c) => c + 1);
  };
  const nextStep = (shown?.cursor ?? 0) + 1;

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (phase !== 'playing' || isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    const onButton = (e.target as HTMLElement).tagName === 'BUTTON';
    const k = e.key.toLowerCase();
    if (k === 'n' || e.key === 'ArrowRight') {
      e.preventDefault();
      step();
    } else if (k === 'p' || (e.key === ' ' && !onButton)) {
      e.preventDefault();
      if (!finished) setPlaying((p) => !p);
    } else if (e.key === '+' || e.key === '=') {
      faster(1);
    } else if (e.key === '-') {
      faster(-1);
    } else if (k === 'e') {
      toEnd();
    }
  };

  const quarterRows =
    quarters && shown
      ? quarters.filter(
          (q) =>
            q.time >= (loaded?.bars[shown.cursor]?.time ?? 0) &&
            q.time < (loaded?.bars[shown.cursor + 1]?.time ?? Infinity),
        )
      : [];
  const trading = phase === 'playing' && shown && !finished && !replaying;
  const open = shown?.positions ?? [];
  // With two positions open the manage controls name one; with one, actions need no side (and links stay short).
  const managed = open.length > 1 ? (open.find((p) => p.side === manageSide) ?? open[0]) : open[0];
  const sideOf = open.length > 1 ? managed?.side : undefined;
  const fieldId = (k: string) => `arena-${k}`;
  const err = (k: string) =>
    errors[k] ? (
      <p class="ll-error" id={`${fieldId(k)}-error`} data-testid={`error-${k}`}>
        {errors[k]}
      </p>
    ) : null;
  // The order ticket and the "change orders" form can show together (one position open, room for a second), so the
  // second form has its own fields, ids and errors (keys prefixed "new-").
  const numberInput = (k: keyof TicketInput, label: string, hint?: string, form: 'ticket' | 'orders' = 'ticket') => {
    const key = form === 'ticket' ? k : `new-${k}`;
    const value = form === 'ticket' ? ticket[k] : orders[k as keyof OrdersInput];
    return (
      <div class={`ll-field${errors[key] ? ' ll-field-invalid' : ''}`}>
        <label for={fieldId(key)}>{label}</label>
        <input
          id={fieldId(key)}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          aria-invalid={errors[key] ? 'true' : undefined}
          aria-describedby={errors[key] ? `${fieldId(key)}-error` : hint ? `${fieldId(key)}-hint` : undefined}
          onInput={(e) => {
            const v = e.currentTarget.value;
            if (form === 'ticket') setTicket((t) => ({ ...t, [k]: v }));
            else setOrders((t) => ({ ...t, [k]: v }));
          }}
        />
        {hint && !errors[key] && (
          <p class="ll-hint" id={`${fieldId(key)}-hint`}>
            {hint}
          </p>
        )}
        {err(key)}
      </div>
    );
  };
  const triggerSelect = (k: 'stopTrigger' | 'tpTrigger', label: string, form: 'ticket' | 'orders' = 'ticket') => (
    <div class="ll-field">
      <label for={fieldId(form === 'ticket' ? k : `new-${k}`)}>{label}</label>
      <select
        id={fieldId(form === 'ticket' ? k : `new-${k}`)}
        value={form === 'ticket' ? ticket[k] : orders[k]}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (form === 'ticket') setTicket((t) => ({ ...t, [k]: v }));
          else setOrders((t) => ({ ...t, [k]: v }));
        }}
      >
        <option value="last">Last price</option>
        <option value="mark">Mark price</option>
      </select>
    </div>
  );

  return (
    <div class="ll-widget ll-widget-wide ll-arena" data-widget="practice-arena" ref={root} onKeyDown={onKeyDown}>
      {note && (
        <p class="ll-notes" role="status" data-testid="arena-note">
          {note}
        </p>
      )}
      <div class="ll-field">
        <label for={fieldId('window')}>Crash window</label>
        <select
          id={fieldId('window')}
          value={info.id}
          disabled={phase === 'playing' || phase === 'loading'}
          onChange={(e) => chooseWindow(e.currentTarget.value)}
        >
          {windows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.title}
            </option>
          ))}
        </select>
      </div>
      <p data-testid="arena-story">
        {info.story}
        {info.sources.map((s) => (
          <span key={s.url}>
            {' '}
            Source:{' '}
            <a href={s.url} rel="noopener noreferrer">
              {s.name}
            </a>
            .
          </span>
        ))}
      </p>
      {spec.note && <p class="ll-hint ll-arena-note">{spec.note}</p>}
      <h3>Missions</h3>
      <ul class="ll-arena-missions" data-testid="arena-missions">
        {spec.missions.map((m) => {
          const done = missions?.find((x) => x.id === m.id);
          return (
            <li key={m.id} data-mission={m.id}>
              {m.text}
              {done && (
                <strong class={done.passed ? 'll-arena-pass' : 'll-arena-fail'} data-testid="mission-result">
                  {' '}
                  {done.result}
                </strong>
              )}
            </li>
          );
        })}
      </ul>

      {phase !== 'playing' && (
        <div class="ll-arena-start">
          {spec.quarters && (
            <ChoiceField
              name="arena-step"
              legend="Play it"
              value={quarterly ? 'quarter' : 'hour'}
              options={[
                { value: 'hour', label: 'An hour at a time' },
                { value: 'quarter', label: '15 minutes at a time' },
              ]}
              onChange={(v) => chooseStep(v === 'quarter')}
            />
          )}
          {quarterly && (
            <p class="ll-hint" data-testid="arena-quarter-note">
              At 15-minute steps the last price comes from Binance’s 15-minute candles. Binance’s archive has the mark
              price only by the hour, so each hour’s mark candle is shared out among its quarters: its high and low are
              placed in the quarter where the last price made its own, and no quarter goes outside the hour’s range.
              Spot prices are not in the 15-minute file.
            </p>
          )}
          <p class="ll-hint">
            You start with a paper account of 10,000 USDT at {spec.start.replace('T', ' ').replace('Z', ' UTC')}. Orders
            fill at the next step’s open with 0.05 % slippage against you and Binance’s 0.05 % taker fee; stop-loss and
            take-profit orders are stop-market orders that fill at their trigger (or at the open if the step opens
            beyond it), with the same slippage and fee. Funding is charged at 0.01 % every 8 hours (00:00, 08:00, 16:00
            UTC) on the mark price: a stated rate, not the rate of those days. Liquidation is checked on the mark price
            with Binance BTCUSDT’s maintenance-margin tiers (table of 18 March 2021); you lose the isolated margin, or
            in cross mode the whole account. You may hold a long and a short at once (hedge mode), both isolated or both
            cross: in cross they share one wallet and one liquidation price.
          </p>
          <p class="ll-hint">
            Keyboard: N or → plays the next step, P or Space plays and pauses, + and − change the speed, E skips to the
            end.
          </p>
          {shared ? (
            <button type="button" class="button-primary" onClick={() => void start(true)} data-testid="arena-start">
              Replay the shared run
            </button>
          ) : (
            <button type="button" class="button-primary" onClick={() => void start(false)} data-testid="arena-start">
              Start
            </button>
          )}
          {phase === 'loading' && <p role="status">Loading the window and the calculator…</p>}
          {phase === 'failed' && (
            <p class="ll-error" role="alert">
              The arena did not load. Check your connection and reload the page.
            </p>
          )}
        </div>
      )}

      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="arena-live">
        {shown?.announce ?? ''}
      </p>

      {phase === 'playing' && shown && loaded && (
        <div class="ll-arena-play">
          <div class="ll-arena-now" data-testid="arena-now">
            <h3>
              {shown.time}{' '}
              <span class="ll-hint">
                ({shown.stepLabel === 'hour' ? 'hour' : 'step'} {shown.cursor - shown.startStep + 1} of{' '}
                {shown.last - shown.startStep + 1}
                {shown.stepLabel === 'hour' ? '' : ', 15 minutes each'})
              </span>
            </h3>
            <dl class="ll-figures">
              <div>
                <dt>Last price</dt>
                <dd data-testid="last-price">{shown.lastPrice}</dd>
              </div>
              <div>
                <dt>Mark price</dt>
                <dd data-testid="mark-price">{shown.markPrice}</dd>
              </div>
              {shown.spotPrice !== null && (
                <div>
                  <dt>Spot</dt>
                  <dd>{shown.spotPrice}</dd>
                </div>
              )}
              <div>
                <dt>Equity</dt>
                <dd data-testid="equity">
                  {shown.equity} ({shown.fraction})
                </dd>
              </div>
              <div>
                <dt>Free balance</dt>
                <dd>{shown.cash}</dd>
              </div>
            </dl>
            {shown.positions.length === 0 && <p class="ll-hint">No open position.</p>}
            {shown.sharedLiquidation && (
              <p class="ll-hint" data-testid="arena-shared">
                Your long and short are both cross: they share one wallet, so they have one liquidation price and would
                be liquidated together.
              </p>
            )}
            {shown.positions.map((p) => (
              <dl
                class="ll-figures"
                key={p.side}
                data-testid="arena-position"
                data-side={p.side}
                aria-label={shown.positions.length > 1 ? `Your ${p.side}` : 'Your position'}
              >
                <div>
                  <dt>Position</dt>
                  <dd>{p.summary}</dd>
                </div>
                <div>
                  <dt>Entry</dt>
                  <dd>{p.entry}</dd>
                </div>
                <div>
                  <dt>Liquidation (mark)</dt>
                  <dd data-testid="liquidation">{p.liquidation}</dd>
                </div>
                <div>
                  <dt>Bankruptcy</dt>
                  <dd>{p.bankruptcy}</dd>
                </div>
                <div>
                  <dt>Stop-loss</dt>
                  <dd>{p.stop}</dd>
                </div>
                <div>
                  <dt>Take-profit</dt>
                  <dd>{p.takeProfit}</dd>
                </div>
                <div>
                  <dt>Margin</dt>
                  <dd>{p.margin}</dd>
                </div>
                <div>
                  <dt>Unrealised PnL (mark)</dt>
                  <dd>{p.upnl}</dd>
                </div>
              </dl>
            ))}
          </div>

          <div class="ll-replay-player" role="group" aria-label="Time controls" data-testid="arena-player">
            <div class="ll-replay-buttons">
              <button type="button" onClick={step} disabled={finished}>
                Next {shown.stepLabel === 'hour' ? 'hour' : '15 minutes'}
              </button>
              <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing} disabled={finished}>
                {playing ? 'Pause' : 'Play'}
              </button>
              <label class="ll-arena-speed">
                Speed{' '}
                <select
                  value={String(speed)}
                  onChange={(e) => setSpeed(Number(e.currentTarget.value) as (typeof SPEEDS)[number])}
                >
                  {SPEEDS.map((s) => (
                    <option key={s} value={String(s)}>
                      {s} {shown.stepLabel === 'hour' ? 'h' : 'steps'}/s
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={toEnd} disabled={finished}>
                Skip to the end
              </button>
              <button
                type="button"
                onClick={() => {
                  setPlaying(false);
                  setPhase('intro');
                  setLoaded(null);
                  setActions([]);
                  setShared(null);
                  setReplaying(false);
                }}
              >
                New run
              </button>
            </div>
          </div>

          {trading && shown.positions.length < 2 && (
            <form
              class="ll-fields ll-arena-ticket"
              aria-label="Order ticket"
              onSubmit={(e) => {
                e.preventDefault();
                act(loaded.model.readTicket(ticket, nextStep));
              }}
            >
              {shown.positions.length === 1 && (
                <p class="ll-hint" data-testid="arena-second">
                  You hold a {shown.positions[0].side}. You may also open a{' '}
                  {shown.positions[0].side === 'long' ? 'short' : 'long'} (
                  {shown.positions[0].isolated ? 'isolated' : 'cross'}, like the first).
                </p>
              )}
              <ChoiceField
                name="arena-side"
                legend="Side"
                value={ticket.side as 'long' | 'short'}
                options={[
                  { value: 'long', label: 'Long' },
                  { value: 'short', label: 'Short' },
                ]}
                onChange={(v) => setTicket((t) => ({ ...t, side: v }))}
              />
              <ChoiceField
                name="arena-mode"
                legend="Margin mode"
                value={ticket.mode as 'isolated' | 'cross'}
                options={[
                  { value: 'isolated', label: 'Isolated' },
                  { value: 'cross', label: 'Cross' },
                ]}
                onChange={(v) => setTicket((t) => ({ ...t, mode: v }))}
              />
              {numberInput('margin', 'Margin (USDT)')}
              {numberInput('leverage', 'Leverage (x)', 'From 1 to 125; large positions allow less.')}
              {numberInput('stop', 'Stop-loss price (optional)')}
              {triggerSelect('stopTrigger', 'Stop triggers on')}
              {numberInput('tp', 'Take-profit price (optional)')}
              {triggerSelect('tpTrigger', 'Take-profit triggers on')}
              <button type="submit" class="button-primary">
                Place order (fills at the next {unit === 'hour' ? 'hour' : 'step'}’s open)
              </button>
            </form>
          )}
          {trading && managed && (
            <div class="ll-arena-manage">
              {open.length > 1 && (
                <ChoiceField
                  name="arena-manage"
                  legend="Manage which position"
                  value={managed.side}
                  options={[
                    { value: 'long', label: 'The long' },
                    { value: 'short', label: 'The short' },
                  ]}
                  onChange={(v) => setManageSide(v)}
                />
              )}
              <button
                type="button"
                class="button-primary"
                onClick={() =>
                  act({
                    ok: true,
                    value: sideOf ? { step: nextStep, type: 'close', side: sideOf } : { step: nextStep, type: 'close' },
                  })
                }
              >
                Close the {open.length > 1 ? managed.side : 'position'} at the next open
              </button>
              {managed.isolated && (
                <div class={`ll-field${errors['amount'] ? ' ll-field-invalid' : ''}`}>
                  <label for={fieldId('amount')}>Margin to add or remove (USDT)</label>
                  <input
                    id={fieldId('amount')}
                    type="text"
                    inputMode="decimal"
                    value={amount}
                    aria-invalid={errors['amount'] ? 'true' : undefined}
                    aria-describedby={errors['amount'] ? `${fieldId('amount')}-error` : undefined}
                    onInput={(e) => setAmount(e.currentTarget.value)}
                  />
                  {err('amount')}
                  <div class="ll-replay-buttons">
                    <button
                      type="button"
                      onClick={() => act(loaded.model.readMarginChange('addMargin', amount, nextStep, sideOf))}
                    >
                      Add margin
                    </button>
                    <button
                      type="button"
                      onClick={() => act(loaded.model.readMarginChange('removeMargin', amount, nextStep, sideOf))}
                    >
                      Remove margin
                    </button>
                  </div>
                </div>
              )}
              <form
                class="ll-fields"
                aria-label={
                  open.length > 1
                    ? `Change the ${managed.side}’s stop-loss and take-profit`
                    : 'Change stop-loss and take-profit'
                }
                onSubmit={(e) => {
                  e.preventDefault();
                  act(loaded.model.readOrders(orders, nextStep, sideOf), 'orders');
                }}
              >
                {numberInput('stop', 'New stop-loss price (empty: none)', undefined, 'orders')}
                {triggerSelect('stopTrigger', 'New stop triggers on', 'orders')}
                {numberInput('tp', 'New take-profit price (empty: none)', undefined, 'orders')}
                {triggerSelect('tpTrigger', 'New take-profit triggers on', 'orders')}
                <button type="submit">Update orders at the next open</button>
              </form>
            </div>
          )}

          {chart && (
            <>
              <label class="ll-arena-spot">
                <input type="checkbox" checked={spot} onChange={(e) => setSpot(e.currentTarget.checked)} /> Show the
                spot price too
              </label>
              <LazyChart id="arena-chart" summary={chart.summary} spec={chart.spec} table={chart.table} height={320} />
            </>
          )}
          {quarterRows.length > 0 && (
            <details class="ll-arena-quarters">
              <summary>This hour in 15-minute candles (last price)</summary>
              <table>
                <caption>15-minute candles of Binance’s BTCUSDT perpetual within {shown.time}</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Open</th>
                    <th scope="col">High</th>
                    <th scope="col">Low</th>
                    <th scope="col">Close</th>
                  </tr>
                </thead>
                <tbody>
                  {quarterRows.map((q) => (
                    <tr key={q.time}>
                      <th scope="row">{q.label}</th>
                      <td>{q.open.toLocaleString('en-US')}</td>
                      <td>{q.high.toLocaleString('en-US')}</td>
                      <td>{q.low.toLocaleString('en-US')}</td>
                      <td>{q.close.toLocaleString('en-US')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}

          <h3>What happened</h3>
          {shown.log.length === 0 ? (
            <p class="ll-hint">Nothing yet: place an order, or play the hours forward.</p>
          ) : (
            <ol class="ll-arena-log" data-testid="arena-log" aria-label="Event log">
              {shown.log.map((l, i) => (
                <li key={i} data-kind={l.kind}>
                  <strong>{l.time}</strong> {l.text}
                </li>
              ))}
            </ol>
          )}

          {finished && (
            <section class="ll-arena-debrief" data-testid="arena-debrief" aria-labelledby="arena-debrief-title">
              <h3 id="arena-debrief-title" tabIndex={-1}>
                Debrief
              </h3>
              {debrief ? (
                <>
                  <p>{debrief.trade}</p>
                  <div class="ll-arena-table">
                    <table>
                      <caption>The same trade, replayed by the calculator</caption>
                      <thead>
                        <tr>
                          <th scope="col">Trade</th>
                          <th scope="col">How it ended</th>
                          <th scope="col">Final account</th>
                          <th scope="col">Change</th>
                          <th scope="col">Lesson</th>
                        </tr>
                      </thead>
                      <tbody>
                        {debrief.rows.map((r) => (
                          <tr key={r.label}>
                            <th scope="row">{r.label}</th>
                            <td>{r.outcome}</td>
                            <td>{r.equity}</td>
                            <td class={r.loss ? 'll-arena-fail' : undefined}>{r.change}</td>
                            <td>
                              <a href={r.lesson.href}>{r.lesson.title}</a>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <p data-testid="arena-highest">{debrief.highest}</p>
                </>
              ) : (
                <p>You did not open a position, so there is no trade to compare. Start a new run and try one.</p>
              )}
              {saved && <p class="ll-hint">{saved}</p>}
              <div class="ll-field">
                <label for={fieldId('share')}>Link to this run (replays it exactly)</label>
                <input id={fieldId('share')} type="text" readOnly value={shareUrl} data-testid="arena-share" />
                <button
                  type="button"
                  onClick={() =>
                    void navigator.clipboard?.writeText(shareUrl).then(
                      () => setCopied('Link copied.'),
                      () => setCopied('Copy the link from the box above.'),
                    )
                  }
                >
                  Copy the link
                </button>
                {copied && <p role="status">{copied}</p>}
              </div>
            </section>
          )}
        </div>
      )}
      <p class="ll-hint">
        Hourly candles of Binance’s BTCUSDT perpetual (last and mark price) and spot. Data:{' '}
        <a href={DATA_CREDIT.url} rel="noopener noreferrer">
          {DATA_CREDIT.name}
        </a>{' '}
        (Binance market data,{' '}
        <a href={DATA_CREDIT.licenceUrl} rel="noopener noreferrer">
          {DATA_CREDIT.licence}
        </a>
        ). A practice account: educational, not financial advice.
      </p>
    </div>
  );
}
