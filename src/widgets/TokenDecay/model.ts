/**
 * The leveraged-token simulator: a token rebalanced to a constant leverage against the same leverage taken once as a
 * fixed long, over a synthetic choppy path (up x %, down x %, one step a day) or a shipped crash window (hourly closes,
 * the token rebalancing every 24 hours). Parses the reader's strings, calls calc, and shapes the result for the view.
 */
import {
  alternatingPath,
  leveragedTokenPath,
  MAX_TOKEN_LEVERAGE,
  tokenVersusFixed,
  type Decimal as DecimalT,
} from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ModelOutcome } from '../shared/useWidget.ts';
import { MAX_DAYS, type PathId, type TokenDecayValues } from './params.ts';

/** Start value of both the token and the position, so values read as percent of the start. */
const START = 100;
/** The synthetic path's first price: any positive price gives the same returns. */
const CHOPPY_START = 100;
/** Hourly candles: one rebalance a day. */
const HOURS_PER_REBALANCE = 24;
export { MAX_DAYS } from './params.ts';

/** A shipped window's closing prices, as loaded (the replay widget's loader gives the candles). */
export interface LoadedWindow {
  title: string;
  /** Hourly closing prices of the perpetual's last price, oldest first. */
  closes: readonly number[];
}

/** What the model reads besides the values: the windows loaded so far, by id. */
export type TokenDecayData = Readonly<Record<string, LoadedWindow>>;

/** One step of the path, for the chart and its table. */
export interface DecayPoint {
  /** Days (synthetic path) or hours (a window) since the start. */
  t: number;
  /** The underlying rebased to 100 at the start. */
  price: number;
  token: number;
  fixed: number;
}

export interface TokenDecayReady {
  kind: 'ready';
  path: PathId;
  /** 'day' for the synthetic path, 'hour' for a window. */
  step: 'day' | 'hour';
  title: string;
  leverage: DecimalT;
  /** The synthetic path's daily move, as a fraction; null for a window. */
  move: DecimalT | null;
  steps: number;
  rebalances: number;
  tokenEnd: DecimalT;
  fixedEnd: DecimalT;
  underlyingMove: DecimalT;
  leveragedMove: DecimalT;
  tokenReturn: DecimalT;
  fixedReturn: DecimalT;
  gap: DecimalT;
  /** Step at which the fixed position is liquidated, and its liquidation price rebased to 100; or null. */
  liquidatedAt: number | null;
  liquidationLevel: DecimalT | null;
  /** Step at which the token is worth nothing, or null. */
  wipedOutAt: number | null;
  points: DecayPoint[];
}

/** A window the browser is still fetching. */
export interface TokenDecayLoading {
  kind: 'loading';
  path: PathId;
  title: string;
}

export type TokenDecayResult = TokenDecayReady | TokenDecayLoading;

const FIELD: Record<string, keyof TokenDecayValues> = {
  leverage: 'leverage',
  move: 'move',
  steps: 'days',
  maintenanceMarginRate: 'mmr',
};

export function computeTokenDecay(v: TokenDecayValues, data: TokenDecayData = {}): ModelOutcome<TokenDecayResult> {
  return collectErrors(
    () => {
      const path = v.path as PathId;
      const leverage = readNumber(v.leverage, 'leverage', { label: 'leverage', min: 1, max: MAX_TOKEN_LEVERAGE });
      const mmr = readPercent(v.mmr, 'mmr', { label: 'maintenance margin rate', min: 0, max: 50 });
      let prices: readonly (number | DecimalT)[];
      let move: DecimalT | null = null;
      let title: string;
      if (path === 'choppy') {
        move = readPercent(v.move, 'move', { label: 'daily move', min: 0, minOpen: true, max: 99 });
        const days = readNumber(v.days, 'days', { label: 'number of days', min: 1, max: MAX_DAYS, integer: true });
        prices = alternatingPath({ startPrice: CHOPPY_START, move, steps: days.toNumber() });
        title = `Up ${v.move.trim()}%, down ${v.move.trim()}%, for ${days.toFixed()} ${days.eq(1) ? 'day' : 'days'}`;
      } else {
        const loaded = data[path];
        if (!loaded) return { kind: 'loading', path, title: 'the price window' } satisfies TokenDecayLoading;
        prices = loaded.closes;
        title = loaded.title;
      }
      const every = path === 'choppy' ? 1 : HOURS_PER_REBALANCE;
      const r = tokenVersusFixed({
        leverage,
        prices,
        rebalanceEvery: every,
        startValue: START,
        maintenanceMarginRate: mmr,
      });
      // The underlying rebased to 100: a 1x token is the underlying itself.
      const rebased = leveragedTokenPath({ leverage: 1, prices, startValue: START }).values;
      const liquidationLevel =
        r.fixed.liquidationPrice === null
          ? null
          : (leveragedTokenPath({ leverage: 1, prices: [prices[0], r.fixed.liquidationPrice], startValue: START })
              .values[1] ?? null);
      const points = r.token.values.map((token, i): DecayPoint => ({
        t: i,
        price: rebased[i].toNumber(),
        token: token.toNumber(),
        fixed: r.fixed.values[i].toNumber(),
      }));
      return {
        kind: 'ready',
        path,
        step: path === 'choppy' ? 'day' : 'hour',
        title,
        leverage,
        move,
        steps: prices.length - 1,
        rebalances: r.token.rebalances,
        tokenEnd: r.token.values[r.token.values.length - 1],
        fixedEnd: r.fixed.values[r.fixed.values.length - 1],
        underlyingMove: r.underlyingMove,
        leveragedMove: r.leveragedMove,
        tokenReturn: r.tokenReturn,
        fixedReturn: r.fixedReturn,
        gap: r.gap,
        liquidatedAt: r.fixed.liquidatedAt,
        liquidationLevel,
        wipedOutAt: r.token.wipedOutAt,
        points,
      } satisfies TokenDecayReady;
    },
    (f) => FIELD[f] ?? f,
  );
}

/** The closing prices of a window's candles, for {@link LoadedWindow}. */
export function closesOf(candles: readonly { close: number }[]): number[] {
  return candles.map((c) => c.close);
}
