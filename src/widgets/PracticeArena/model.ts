/**
 * The practice arena's model, loaded when the reader presses Start: reads the order ticket's raw strings (with the
 * input module), runs calc's arena engine over the window (src/calc/arena.ts) and shapes the timeline, the missions
 * and the debrief into text for the view. No arithmetic here: every figure comes from calc.
 */
import {
  ARENA_DEFAULTS,
  arenaDebrief,
  arenaMission,
  fineArenaCandles,
  runArena,
  type ArenaAction,
  type ArenaCandle,
  type ArenaEvent,
  type ArenaOrder,
  type ArenaRun,
  type ArenaVariant,
  type Decimal,
  type FieldErrors,
  type Outcome,
} from '../../calc/index.ts';
import { readNumber } from '../../input/number.ts';
import { CalcInputError } from '../../calc/index.ts';
import { formatMoney, formatMultiple, formatPercent, formatPrice } from '../../format/numbers.ts';
import type { ArenaBar, QuarterBar } from './data.ts';
import type { MissionSpec } from './missions.ts';
import type { RawAction, RawExitOrders, Side, Trigger } from './share.ts';

export interface TicketInput {
  side: string;
  mode: string;
  margin: string;
  leverage: string;
  stop: string;
  stopTrigger: string;
  tp: string;
  tpTrigger: string;
}

const SHARE_NUMBER = /^\d{1,12}(?:\.\d{1,12})?$/;
const MAX_PRICE = 10_000_000;

/** Reads one number into the canonical text a shared link carries, or records the field's error. */
function field(
  errors: Record<string, string>,
  key: string,
  raw: string,
  rule: Parameters<typeof readNumber>[2],
  optional = false,
): string {
  if (optional && raw.trim() === '') return '';
  try {
    const text = readNumber(raw, key, rule).toFixed();
    if (!SHARE_NUMBER.test(text)) {
      errors[key] = `The ${rule.label} has too many digits: use at most 12 after the decimal point.`;
      return '';
    }
    return text;
  } catch (e) {
    if (e instanceof CalcInputError) {
      errors[key] = e.message;
      return '';
    }
    throw e;
  }
}

const trigger = (raw: string): Trigger => (raw === 'mark' ? 'mark' : 'last');

/** An amount of USDT: above zero, at most a billion (the margin of a new position, or margin added or removed). */
const usdtRule = (label: string) => ({ label, min: 0, minOpen: true, max: 1_000_000_000, unit: 'USDT' });

/** The exit orders of a ticket (empty price = none), as a shared link carries them; errors go into `errors`. */
function exitOrders(
  errors: Record<string, string>,
  t: Pick<TicketInput, 'stop' | 'stopTrigger' | 'tp' | 'tpTrigger'>,
): RawExitOrders {
  const price = (label: string) => ({ label, min: 0, minOpen: true, max: MAX_PRICE, unit: 'USDT' });
  return {
    stop: field(errors, 'stop', t.stop, price('stop-loss price'), true),
    stopTrigger: trigger(t.stopTrigger),
    tp: field(errors, 'tp', t.tp, price('take-profit price'), true),
    tpTrigger: trigger(t.tpTrigger),
  };
}

/** The order ticket as an open action at `step`, or an error per field. */
export function readTicket(t: TicketInput, step: number): Outcome<RawAction> {
  const errors: Record<string, string> = {};
  const margin = field(errors, 'margin', t.margin, usdtRule('margin'));
  const leverage = field(errors, 'leverage', t.leverage, { label: 'leverage', min: 1, max: 125, unit: 'x' });
  const orders = exitOrders(errors, t);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      step,
      type: 'open',
      side: t.side === 'short' ? 'short' : 'long',
      mode: t.mode === 'cross' ? 'cross' : 'isolated',
      margin,
      leverage,
      ...orders,
    },
  };
}

/** Add or remove margin at `step`, on the position of `side` (undefined: the only one). */
export function readMarginChange(
  kind: 'addMargin' | 'removeMargin',
  raw: string,
  step: number,
  side?: Side,
): Outcome<RawAction> {
  const errors: Record<string, string> = {};
  const amount = field(errors, 'amount', raw, usdtRule('amount'));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: side ? { step, type: kind, amount, side } : { step, type: kind, amount } };
}

/** New stop-loss and take-profit (empty = none) at `step`, for the position of `side` (undefined: the only one). */
export function readOrders(
  t: Pick<TicketInput, 'stop' | 'stopTrigger' | 'tp' | 'tpTrigger'>,
  step: number,
  side?: Side,
): Outcome<RawAction> {
  const errors: Record<string, string> = {};
  const orders = exitOrders(errors, t);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value: RawAction = { step, type: 'setOrders', ...orders };
  return { ok: true, value: side ? { ...value, side } : value };
}

const order = (price: string, t: Trigger): ArenaOrder | null => (price === '' ? null : { price, trigger: t });

/** The page's actions as the engine's. */
export function engineActions(actions: readonly RawAction[]): ArenaAction[] {
  return actions.map((a): ArenaAction => {
    switch (a.type) {
      case 'open':
        return {
          step: a.step,
          type: 'open',
          side: a.side,
          mode: a.mode,
          margin: a.margin,
          leverage: a.leverage,
          stopLoss: order(a.stop, a.stopTrigger),
          takeProfit: order(a.tp, a.tpTrigger),
        };
      case 'setOrders':
        return {
          step: a.step,
          type: 'setOrders',
          stopLoss: order(a.stop, a.stopTrigger),
          takeProfit: order(a.tp, a.tpTrigger),
          ...(a.side ? { side: a.side } : {}),
        };
      default:
        return a;
    }
  });
}

export const engineCandles = (bars: readonly ArenaBar[]): ArenaCandle[] =>
  bars.map((b) => ({
    time: b.time,
    open: b.open,
    high: b.high,
    low: b.low,
    close: b.close,
    markOpen: b.markOpen,
    markHigh: b.markHigh,
    markLow: b.markLow,
    markClose: b.markClose,
  }));

/** The candle whose open time is `iso` ("2021-07-26T01:00Z"), or -1. */
export function stepAt(bars: readonly ArenaBar[], iso: string): number {
  const t = Date.parse(iso);
  return bars.findIndex((b) => b.time === t);
}

const HOUR_MS = 3_600_000;
/** The last candle inside the hour that opens at `iso` (the hour's own candle at hourly steps, its last quarter at 15). */
export function lastStepOfHour(bars: readonly ArenaBar[], iso: string): number {
  const t = Date.parse(iso);
  let at = -1;
  bars.forEach((b, i) => {
    if (b.time >= t && b.time < t + HOUR_MS) at = i;
  });
  return at;
}

/**
 * The window at 15-minute steps: the 15-minute file's last prices, with each hour's mark price shared out among its
 * quarters by calc ({@link fineArenaCandles}); the spot price is not in the 15-minute file.
 */
export function quarterBars(hourly: readonly ArenaBar[], quarters: readonly QuarterBar[]): ArenaBar[] {
  const candles = fineArenaCandles({
    hourly: engineCandles(hourly),
    fine: quarters.map((q) => ({ time: q.time, open: q.open, high: q.high, low: q.low, close: q.close })),
  });
  const labels = new Map(quarters.map((q) => [q.time, q.label]));
  return candles.map((c) => ({
    time: c.time,
    label: labels.get(c.time) ?? '',
    open: Number(c.open),
    high: Number(c.high),
    low: Number(c.low),
    close: Number(c.close),
    markOpen: Number(c.markOpen),
    markHigh: Number(c.markHigh),
    markLow: Number(c.markLow),
    markClose: Number(c.markClose),
    spotClose: null,
  }));
}

const usdt = (d: Decimal | string, signed = false) => formatMoney(d, { unit: 'USDT', signed });
const price = (d: Decimal | number | string) => formatPrice(d, { unit: '', digits: 2 }).trim();
const lev = (d: Decimal) => formatMultiple(d);
const TRIGGER = { last: 'last price', mark: 'mark price' } as const;

/** "an hour later", "45 minutes later", "16 hours later": the time from candle `a`'s open to candle `b`'s. */
function later(bars: readonly ArenaBar[], a: number, b: number): string {
  const minutes = Math.round(((bars[b]?.time ?? 0) - (bars[a]?.time ?? 0)) / 60_000);
  if (minutes <= 0)
    return bars.length > 1 && (bars[1]?.time ?? 0) - (bars[0]?.time ?? 0) < HOUR_MS
      ? 'within the same 15 minutes'
      : 'within the same hour';
  if (minutes % 60 !== 0) return `${minutes} minutes later`;
  return minutes === 60 ? 'an hour later' : `${minutes / 60} hours later`;
}

/** Plain-words sentence for one event. */
export function eventText(e: ArenaEvent, bars: readonly ArenaBar[]): string {
  switch (e.kind) {
    case 'open':
      return `You opened a ${lev(e.leverage)} ${e.mode} ${e.side} at ${price(e.price)} (${formatMoney(e.quantity, { unit: 'BTC' })}, margin ${usdt(e.margin)}, fee ${usdt(e.fee)}). Liquidation at ${e.liquidationPrice ? price(e.liquidationPrice) : 'none'} on the mark price; bankruptcy at ${e.bankruptcyPrice ? price(e.bankruptcyPrice) : 'none'}.`;
    case 'close':
      return `You closed your ${e.side} at ${price(e.price)}: ${usdt(e.pnl, true)} before the ${usdt(e.fee)} fee. Balance ${usdt(e.balanceAfter)}.`;
    case 'stop':
    case 'takeProfit': {
      const what = e.kind === 'stop' ? 'stop-loss' : 'take-profit';
      const how = e.gapped
        ? `the candle opened beyond it, so it filled at the open, ${price(e.price)}`
        : `it filled at ${price(e.price)}`;
      return `Your ${what} on the ${TRIGGER[e.trigger ?? 'last']} triggered: ${how}, ${usdt(e.pnl, true)} before the ${usdt(e.fee)} fee${e.ambiguous ? ' (the take-profit was touched in the same hour; the worse order is assumed)' : ''}. Balance ${usdt(e.balanceAfter)}.`;
    }
    case 'liquidation':
      return `Mark price ${price(e.price)}: your ${lev(e.leverage)} ${e.side}${e.also.map((x) => ` and your ${lev(x.leverage)} ${x.side}`).join('')} ${e.also.length > 0 ? 'were liquidated together (cross positions share one wallet and one liquidation price)' : 'was liquidated'}${e.gapped ? ' at the open' : ''}; you lost ${usdt(e.lost)}. The last price touched ${price(e.lastExtreme.price)} ${later(bars, e.step, e.lastExtreme.step)}${e.lastExtreme.step > e.step ? ` (${bars[e.lastExtreme.step]?.label ?? ''})` : ''}.`;
    case 'funding':
      return `Funding at ${formatPercent(e.rate, { digits: 4 })} on the mark price ${price(e.markPrice)}: on your ${e.side} you ${e.amount.isNegative() ? 'paid' : 'received'} ${usdt(e.amount.abs())}.`;
    case 'addMargin':
    case 'removeMargin':
      return `You ${e.kind === 'addMargin' ? 'added' : 'removed'} ${usdt(e.amount)} of margin ${e.kind === 'addMargin' ? 'to' : 'from'} your ${e.side}: liquidation now at ${e.liquidationPrice ? price(e.liquidationPrice) : 'none'}.`;
    case 'setOrders':
      return `New orders on your ${e.side}: stop-loss ${e.stopLoss ? price(e.stopLoss) : 'none'}, take-profit ${e.takeProfit ? price(e.takeProfit) : 'none'}.`;
    case 'nearMiss':
      return e.level === 'liquidation'
        ? `The last price reached ${price(e.lastExtreme)}, past your liquidation price ${price(e.price)}, but the mark price only reached ${price(e.markExtreme)}. Liquidation watches the mark price, so you survived.`
        : `Your stop-loss at ${price(e.price)} watches the ${TRIGGER[e.watchedBy]}, which reached only ${price(e.watchedBy === 'mark' ? e.markExtreme : e.lastExtreme)}; the ${e.watchedBy === 'mark' ? 'last' : 'mark'} price reached ${price(e.watchedBy === 'mark' ? e.lastExtreme : e.markExtreme)}, so a stop on it would have fired.`;
    case 'rejected':
      return `Order refused: ${e.reason}`;
  }
}

export interface LogLine {
  step: number;
  time: string;
  kind: ArenaEvent['kind'];
  text: string;
}

export interface PositionShown {
  side: Side;
  /** Isolated positions have a margin to add to or remove from. */
  isolated: boolean;
  summary: string;
  entry: string;
  liquidation: string;
  bankruptcy: string;
  stop: string;
  takeProfit: string;
  margin: string;
  upnl: string;
  /** Plain numbers for the chart's lines only. */
  lines: {
    entry: number;
    liquidation: number | null;
    bankruptcy: number | null;
    stop: number | null;
    takeProfit: number | null;
  };
}

export interface ArenaShown {
  /** What one step is: 'hour', or '15 minutes' when the window is played from its 15-minute file. */
  stepLabel: 'hour' | '15 minutes';
  cursor: number;
  startStep: number;
  last: number;
  time: string;
  lastPrice: string;
  markPrice: string;
  /** Null when the window is played at 15-minute steps: the 15-minute file has no spot price. */
  spotPrice: string | null;
  cash: string;
  equity: string;
  fraction: string;
  /** The open positions (a long, a short, or both), in the order they opened. */
  positions: PositionShown[];
  /** True when a long and a short are open in cross mode: they share one liquidation price. */
  sharedLiquidation: boolean;
  log: LogLine[];
  /** Fills, stops, liquidations and refusals in the hour just shown, for the live region. */
  announce: string;
  finished: boolean;
  liquidated: boolean;
  /** Equity at each shown close, for the chart table. */
  equityByStep: string[];
}

let cached: { key: string; run: ArenaRun } | null = null;

/** Runs the engine (once per set of actions). Throws CalcInputError for actions the engine refuses as input. */
export function runFor(bars: readonly ArenaBar[], startStep: number, actions: readonly RawAction[]): ArenaRun {
  const key = `${bars[0]?.time ?? 0}:${bars.length}:${startStep}:${JSON.stringify(actions)}`;
  if (cached?.key === key) return cached.run;
  const run = runArena({
    candles: engineCandles(bars),
    startStep,
    actions: engineActions(actions),
    settings: ARENA_DEFAULTS,
  });
  cached = { key, run };
  return run;
}

/** Checks a whole run (a shared link's) before the page takes it; the first problem in words. */
export function checkRun(bars: readonly ArenaBar[], startStep: number, actions: readonly RawAction[]): Outcome<true> {
  try {
    runFor(bars, startStep, actions);
    return { ok: true, value: true };
  } catch (e) {
    if (e instanceof CalcInputError) return { ok: false, errors: { actions: e.message } };
    throw e;
  }
}

const ANNOUNCED = new Set<ArenaEvent['kind']>([
  'open',
  'close',
  'stop',
  'takeProfit',
  'liquidation',
  'rejected',
  'nearMiss',
  'addMargin',
  'removeMargin',
  'setOrders',
]);

/** The timeline up to `cursor` (the candle whose close the reader has just seen). */
export function showArena(
  bars: readonly ArenaBar[],
  startStep: number,
  actions: readonly RawAction[],
  cursor: number,
): ArenaShown {
  const run = runFor(bars, startStep, actions);
  const last = bars.length - 1;
  const at = Math.max(startStep, Math.min(cursor, last));
  const state = run.states[at - startStep];
  const bar = bars[at];
  const log = run.events
    .filter((e) => e.step <= at)
    .map((e) => ({ step: e.step, time: bars[e.step]?.label ?? '', kind: e.kind, text: eventText(e, bars) }));
  const positions = state.positions.map((p): PositionShown => ({
    side: p.side,
    isolated: p.mode === 'isolated',
    summary: `${lev(p.leverage)} ${p.mode} ${p.side}, ${formatMoney(p.quantity, { unit: 'BTC' })}`,
    entry: price(p.entryPrice),
    liquidation: p.liquidationPrice ? price(p.liquidationPrice) : 'none',
    bankruptcy: p.bankruptcyPrice ? price(p.bankruptcyPrice) : 'none',
    stop: p.stopLoss ? `${price(p.stopLoss.price)} (${TRIGGER[p.stopLoss.trigger]})` : 'none',
    takeProfit: p.takeProfit ? `${price(p.takeProfit.price)} (${TRIGGER[p.takeProfit.trigger]})` : 'none',
    margin: p.margin ? usdt(p.margin) : 'the whole wallet (cross)',
    upnl: usdt(p.unrealisedPnl, true),
    lines: {
      entry: p.entryPrice.toNumber(),
      liquidation: p.liquidationPrice?.toNumber() ?? null,
      bankruptcy: p.bankruptcyPrice?.toNumber() ?? null,
      stop: p.stopLoss?.price.toNumber() ?? null,
      takeProfit: p.takeProfit?.price.toNumber() ?? null,
    },
  }));
  const now = log.filter((l) => l.step === at && ANNOUNCED.has(l.kind));
  return {
    stepLabel: bars.length > 1 && bars[1].time - bars[0].time < HOUR_MS ? '15 minutes' : 'hour',
    cursor: at,
    startStep,
    last,
    time: bar.label,
    lastPrice: price(bar.close),
    markPrice: price(bar.markClose),
    spotPrice: bar.spotClose === null ? null : price(bar.spotClose),
    cash: usdt(state.cash),
    equity: usdt(state.equity),
    fraction: formatPercent(state.fraction),
    positions,
    sharedLiquidation: state.positions.length > 1 && state.positions[0].mode === 'cross',
    log,
    announce: now.map((l) => `${l.time}: ${l.text}`).join(' '),
    finished: at === last,
    liquidated: run.events.some((e) => e.kind === 'liquidation' && e.step <= at),
    equityByStep: run.states.filter((s) => s.step <= at).map((s) => usdt(s.equity)),
  };
}

export interface MissionShown {
  id: string;
  text: string;
  passed: boolean;
  /** Final equity as a fraction of the start, 4 decimals, for the progress store. */
  score: number;
  result: string;
}

/** Each mission checked against the whole run. */
export function showMissions(
  bars: readonly ArenaBar[],
  startStep: number,
  actions: readonly RawAction[],
  specs: readonly MissionSpec[],
): MissionShown[] {
  const run = runFor(bars, startStep, actions);
  return specs.map((m) => {
    const hold = m.hold
      ? { side: m.hold.side, fromStep: stepAt(bars, m.hold.from), toStep: lastStepOfHour(bars, m.hold.to) }
      : undefined;
    const r = arenaMission(run, { minFraction: m.minFraction, hold, noLiquidation: m.noLiquidation });
    const failed = [
      !r.checks.hold ? 'you did not hold the position through those hours' : '',
      !r.checks.noLiquidation ? 'you were liquidated' : '',
      !r.checks.minFraction ? `you finished with ${formatPercent(r.fraction)} of your account` : '',
    ].filter(Boolean);
    return {
      id: m.id,
      text: m.text,
      passed: r.passed,
      score: Number(r.fraction.toFixed(4)),
      result: r.passed
        ? `Done: you finished with ${formatPercent(r.fraction)} of your account.`
        : `Not yet: ${failed.join('; ')}.`,
    };
  });
}

export interface DebriefRow {
  label: string;
  outcome: string;
  equity: string;
  change: string;
  loss: boolean;
  lesson: { href: string; title: string };
}

export interface DebriefShown {
  trade: string;
  rows: DebriefRow[];
  highest: string;
}

const LESSONS = {
  leverage: { href: '/lessons/what-leverage-is/', title: 'What leverage is' },
  stop: { href: '/lessons/risk-management/', title: 'Risk management' },
  liquidation: { href: '/lessons/liquidation/', title: 'Liquidation' },
  modes: { href: '/lessons/isolated-vs-cross/', title: 'Isolated vs cross' },
} as const;

const OUTCOME: Record<ArenaVariant['outcome'], string> = {
  liquidation: 'liquidated',
  stop: 'stopped out',
  takeProfit: 'took profit',
  close: 'closed by you',
  open: 'held to the end',
  refused: 'refused by the venue',
};

/** The debrief: the reader's first trade beside the same trade at other leverages and stops. Null with no trade. */
export function showDebrief(
  bars: readonly ArenaBar[],
  startStep: number,
  actions: readonly RawAction[],
): DebriefShown | null {
  const d = arenaDebrief({
    candles: engineCandles(bars),
    startStep,
    actions: engineActions(actions),
    settings: ARENA_DEFAULTS,
  });
  if (!d.trade) return null;
  const t = d.trade;
  const rows = d.variants.map((v): DebriefRow => {
    const label =
      v.kind === 'asPlayed'
        ? `What you did (${lev(v.leverage)})`
        : v.kind === 'leverage'
          ? `The same trade at ${lev(v.leverage)}, no stop`
          : v.kind === 'stopBefore'
            ? `${lev(v.leverage)} with a mark-price stop at ${v.stopLoss ? price(v.stopLoss) : ''}, before the liquidation price ${v.liquidationPrice ? price(v.liquidationPrice) : ''}`
            : v.kind === 'stopAfter'
              ? `${lev(v.leverage)} with a mark-price stop at ${v.stopLoss ? price(v.stopLoss) : ''}, beyond the liquidation price ${v.liquidationPrice ? price(v.liquidationPrice) : ''}`
              : `The highest leverage that survived: ${lev(v.leverage)}`;
    const lesson =
      v.kind === 'leverage' || v.kind === 'asPlayed'
        ? t.mode === 'cross' && v.kind === 'asPlayed'
          ? LESSONS.modes
          : LESSONS.leverage
        : v.kind === 'highestSurvivor'
          ? LESSONS.liquidation
          : LESSONS.stop;
    return {
      label,
      outcome: OUTCOME[v.outcome],
      equity: usdt(v.finalEquity),
      change: usdt(v.change, true),
      loss: v.change.isNegative(),
      lesson,
    };
  });
  return {
    trade: `Your first trade: a ${lev(t.leverage)} ${t.mode} ${t.side} with ${usdt(t.margin)} of margin, opened at ${bars[t.step]?.label ?? ''}${t.closeStep !== null ? ` and closed at ${bars[t.closeStep]?.label ?? ''}` : ''}. Each row replays it with one thing changed.`,
    rows,
    highest: d.highestSurvivingLeverage
      ? `With the same margin, ${lev(d.highestSurvivingLeverage)} is the highest whole leverage that would not have been liquidated in this window (rounded down, toward safety).`
      : 'Even at 1x this trade would not have survived the window.',
  };
}

/** Field errors a view can show, for the three forms. */
export type { FieldErrors };
