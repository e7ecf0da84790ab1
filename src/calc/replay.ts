/** Replays a position over OHLC candles and reports the first stop, take-profit or liquidation touched (wicks count). */
import type { Numeric } from './decimal.ts';
import { CalcInputError, INCONSISTENT, REQUIRED } from './errors.ts';
import { type Side, ensure, parseSide, positive } from './validate.ts';

/** One candle; `time` is passed through (epoch ms or an ISO string). */
export interface Candle {
  time: number | string;
  open: Numeric;
  high: Numeric;
  low: Numeric;
  close: Numeric;
}

/** The position to replay: any of stop, take-profit and liquidation price may be omitted. */
export interface ReplayPosition {
  side: Side;
  entryPrice: Numeric;
  stopPrice?: Numeric;
  takeProfitPrice?: Numeric;
  liquidationPrice?: Numeric;
}

/** What ended the position first. */
export type ReplayOutcome = 'stop' | 'takeProfit' | 'liquidation' | 'none';

/** Result of {@link replay}; prices are plain numbers (simulation). */
export interface ReplayResult {
  outcome: ReplayOutcome;
  /** Index of the candle that touched the level, or null. */
  candleIndex: number | null;
  time: number | string | null;
  /** The level touched, or the open when the candle gapped through it; null when nothing was touched. */
  price: number | null;
  /** True when one candle's range held both an adverse level and the take-profit, so the order inside it is unknown. */
  ambiguous: boolean;
}

interface Level {
  kind: Exclude<ReplayOutcome, 'none'>;
  price: number;
}

/**
 * Walks the candles in order; a level counts as touched when it lies within the candle's [low, high] (wicks count, as
 * exchanges trigger on the mark price, not on closes). Within one candle: a gap through a level at the open fills at the
 * open; adverse levels are reached in price order from the open (for a long, the higher of stop and liquidation first);
 * when the take-profit and an adverse level are both inside one candle the adverse one is assumed first (pessimistic)
 * and `ambiguous` is set. Source: candle semantics as in TradingView's position tool,
 * https://in.tradingview.com/support/solutions/43000517002
 * @throws CalcInputError for levels on the wrong side of entry, or a candle with low > high, a non-positive price, or
 *   open/close outside [low, high].
 * @example replay({ position: { side: 'long', entryPrice: 100, stopPrice: 95 }, candles: [{ time: 1, open: 100, high: 101, low: 94, close: 96 }] }).outcome // 'stop'
 */
export function replay(input: { position: ReplayPosition; candles: readonly Candle[] }): ReplayResult {
  if (input === null || typeof input !== 'object' || input.position === null || typeof input.position !== 'object') {
    throw new CalcInputError('position', REQUIRED, 'The replay needs a position.');
  }
  const { position } = input;
  const side = parseSide(position.side);
  const entry = positive(position.entryPrice, 'entryPrice').toNumber();
  const adverse: Level[] = [];
  let takeProfit: number | null = null;
  const level = (value: Numeric | undefined, field: string) =>
    value === undefined || value === null ? null : positive(value, field).toNumber();
  const stop = level(position.stopPrice, 'stopPrice');
  const liquidation = level(position.liquidationPrice, 'liquidationPrice');
  takeProfit = level(position.takeProfitPrice, 'takeProfitPrice');
  const long = side === 'long';
  if (stop !== null) {
    ensure(
      long ? stop < entry : stop > entry,
      'stopPrice',
      long
        ? 'For a long, the stop must be below the entry price.'
        : 'For a short, the stop must be above the entry price.',
    );
    adverse.push({ kind: 'stop', price: stop });
  }
  if (liquidation !== null) {
    ensure(
      long ? liquidation < entry : liquidation > entry,
      'liquidationPrice',
      long
        ? 'For a long, the liquidation price must be below the entry price.'
        : 'For a short, the liquidation price must be above the entry price.',
    );
    adverse.push({ kind: 'liquidation', price: liquidation });
  }
  if (takeProfit !== null) {
    ensure(
      long ? takeProfit > entry : takeProfit < entry,
      'takeProfitPrice',
      long
        ? 'For a long, the take-profit must be above the entry price.'
        : 'For a short, the take-profit must be below the entry price.',
    );
  }
  // Order adverse levels by how soon a move against the position reaches them: nearest to entry first.
  adverse.sort((a, b) => (long ? b.price - a.price : a.price - b.price));
  if (!Array.isArray(input.candles))
    throw new CalcInputError('candles', REQUIRED, 'The replay needs a list of candles.');

  for (let i = 0; i < input.candles.length; i++) {
    const candle = input.candles[i];
    const path = (field: string) => `candles[${i}].${field}`;
    if (candle === null || typeof candle !== 'object')
      throw new CalcInputError(`candles[${i}]`, REQUIRED, `Candle ${i + 1} is missing.`);
    const open = positive(candle.open, path('open')).toNumber();
    const high = positive(candle.high, path('high')).toNumber();
    const low = positive(candle.low, path('low')).toNumber();
    const close = positive(candle.close, path('close')).toNumber();
    if (low > high || open > high || open < low || close > high || close < low) {
      throw new CalcInputError(
        `candles[${i}]`,
        INCONSISTENT,
        `Candle ${i + 1} is not valid: open and close must lie between low and high.`,
      );
    }
    const hit = (kind: Exclude<ReplayOutcome, 'none'>, price: number, ambiguous = false): ReplayResult => ({
      outcome: kind,
      candleIndex: i,
      time: candle.time ?? null,
      price,
      ambiguous,
    });
    // Gaps: the candle opens beyond a level.
    for (const a of adverse) if (long ? open <= a.price : open >= a.price) return hit(a.kind, open);
    if (takeProfit !== null && (long ? open >= takeProfit : open <= takeProfit)) return hit('takeProfit', open);
    const adverseHit = adverse.find((a) => (long ? low <= a.price : high >= a.price));
    const profitHit = takeProfit !== null && (long ? high >= takeProfit : low <= takeProfit);
    if (adverseHit) return hit(adverseHit.kind, adverseHit.price, profitHit);
    if (profitHit) return hit('takeProfit', takeProfit as number);
  }
  return { outcome: 'none', candleIndex: null, time: null, price: null, ambiguous: false };
}
