/**
 * Replays a position over OHLC candles and reports the first stop, take-profit or liquidation touched (wicks count).
 * A candle may carry the mark price beside the last (traded) price: liquidation is checked on the mark price, stops and
 * take-profits on the last price, as on Binance Futures.
 */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import { liquidationPrice } from './liquidationPrice.ts';
import { pnlOf } from './pnl.ts';
import { positionFromMargin } from './size.ts';
import { type Side, ensure, nonNegative, parseOption, parseSide, positive, requireInput } from './validate.ts';

/**
 * One candle; `time` is passed through (epoch ms or an ISO string). `open`, `high`, `low` and `close` are the last
 * (traded) price. `markOpen`, `markHigh`, `markLow` and `markClose` are the mark price over the same period: give all
 * four or none; without them the mark price is taken to be the last price.
 */
export interface Candle {
  time: number | string;
  open: Numeric;
  high: Numeric;
  low: Numeric;
  close: Numeric;
  markOpen?: Numeric;
  markHigh?: Numeric;
  markLow?: Numeric;
  markClose?: Numeric;
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

/** Which price touched the level: the last (traded) price for stops and take-profits, the mark price for liquidation. */
export type ReplayTrigger = 'last' | 'mark';

/** Result of {@link replay}; prices are plain numbers (simulation). */
export interface ReplayResult {
  outcome: ReplayOutcome;
  /** Index of the candle that touched the level, or null. */
  candleIndex: number | null;
  time: number | string | null;
  /** The level touched, or the open (of the price that decides) when the candle gapped through it; null when nothing was touched. */
  price: number | null;
  /** The price series that touched the level; null when nothing was touched. */
  trigger: ReplayTrigger | null;
  /** True when one candle's range held both an adverse level and the take-profit, so the order inside it is unknown. */
  ambiguous: boolean;
}

interface Level {
  kind: Exclude<ReplayOutcome, 'none'>;
  price: number;
}

/** A validated candle as plain numbers; `mark*` equal the last price when the candle has no mark price. */
export interface Bar {
  open: number;
  high: number;
  low: number;
  close: number;
  markOpen: number;
  markHigh: number;
  markLow: number;
  markClose: number;
}

const MARK_FIELDS = ['markOpen', 'markHigh', 'markLow', 'markClose'] as const;

/** Validates candle `i` and reads it as numbers (shared with orders.ts). */
export function readCandle(candle: Candle | null | undefined, i: number): Bar {
  const path = (field: string) => `candles[${i}].${field}`;
  if (candle === null || typeof candle !== 'object')
    throw new CalcInputError(`candles[${i}]`, REQUIRED, `Candle ${i + 1} is missing.`);
  const open = positive(candle.open, path('open')).toNumber();
  const high = positive(candle.high, path('high')).toNumber();
  const low = positive(candle.low, path('low')).toNumber();
  const close = positive(candle.close, path('close')).toNumber();
  const inside = (o: number, h: number, l: number, c: number) => l <= h && o <= h && o >= l && c <= h && c >= l;
  if (!inside(open, high, low, close)) {
    throw new CalcInputError(
      `candles[${i}]`,
      INCONSISTENT,
      `Candle ${i + 1} is not valid: open and close must lie between low and high.`,
    );
  }
  const given = MARK_FIELDS.filter((f) => candle[f] !== undefined && candle[f] !== null);
  if (given.length === 0) {
    return { open, high, low, close, markOpen: open, markHigh: high, markLow: low, markClose: close };
  }
  const missing = MARK_FIELDS.find((f) => !given.includes(f));
  if (missing) {
    throw new CalcInputError(
      path(missing),
      REQUIRED,
      `Candle ${i + 1} has only part of a mark-price candle: give its mark open, high, low and close, or none of them.`,
    );
  }
  const markOpen = positive(candle.markOpen, path('markOpen')).toNumber();
  const markHigh = positive(candle.markHigh, path('markHigh')).toNumber();
  const markLow = positive(candle.markLow, path('markLow')).toNumber();
  const markClose = positive(candle.markClose, path('markClose')).toNumber();
  if (!inside(markOpen, markHigh, markLow, markClose)) {
    throw new CalcInputError(
      `candles[${i}]`,
      INCONSISTENT,
      `Candle ${i + 1} is not valid: the mark open and close must lie between the mark low and high.`,
    );
  }
  return { open, high, low, close, markOpen, markHigh, markLow, markClose };
}

/**
 * Walks the candles in order; a level counts as touched when it lies within the candle's range (wicks count: nothing
 * waits for the close). **Liquidation is checked on the mark price** (`markLow`/`markHigh`, or the last price when the
 * candle carries no mark price); **stops and take-profits trigger on the last price** (`low`/`high`), Binance's default
 * trigger for stop orders. Within one candle: a gap through a level at the open fills at that price's open (the mark
 * open for liquidation); adverse levels are reached in price order from entry (for a long, the higher of stop and
 * liquidation first, whichever price series each one watches); when the take-profit and an adverse level are both
 * touched inside one candle the adverse one is assumed first (pessimistic) and `ambiguous` is set.
 * Sources: Binance, "Binance uses Mark Price as a trigger for liquidation and to measure unrealized profit and loss …
 * the Last Price might deviate dramatically and significantly from the Mark Price during extreme price movements",
 * https://www.binance.com/en/support/faq/360040016512 ; "Mark Price in USDⓈ-Margined Futures",
 * https://www.binance.com/en/support/faq/360033525071 ; stop orders' `workingType` ("stopPrice triggered by:
 * MARK_PRICE, CONTRACT_PRICE. Default CONTRACT_PRICE", the last price),
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api ; candle semantics as in
 * TradingView's position tool, https://in.tradingview.com/support/solutions/43000517002
 * @throws CalcInputError for levels on the wrong side of entry, or a candle with low > high, a non-positive price,
 *   open/close outside [low, high] (for the last or the mark price), or only some of the four mark prices.
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
  const level = (value: Numeric | undefined, field: string) =>
    value === undefined || value === null ? null : positive(value, field).toNumber();
  const stop = level(position.stopPrice, 'stopPrice');
  const liquidation = level(position.liquidationPrice, 'liquidationPrice');
  const takeProfit = level(position.takeProfitPrice, 'takeProfitPrice');
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

  const triggerOf = (kind: Level['kind']): ReplayTrigger => (kind === 'liquidation' ? 'mark' : 'last');
  for (let i = 0; i < input.candles.length; i++) {
    const candle = input.candles[i] as Candle;
    const bar = readCandle(candle, i);
    // The range each level is watched on: mark for liquidation, last for stop and take-profit.
    const range = (kind: Level['kind']) =>
      kind === 'liquidation'
        ? { open: bar.markOpen, high: bar.markHigh, low: bar.markLow }
        : { open: bar.open, high: bar.high, low: bar.low };
    const hit = (kind: Level['kind'], price: number, ambiguous = false): ReplayResult => ({
      outcome: kind,
      candleIndex: i,
      time: candle.time ?? null,
      price,
      trigger: triggerOf(kind),
      ambiguous,
    });
    // Gaps: the candle opens beyond a level.
    for (const a of adverse) {
      const { open } = range(a.kind);
      if (long ? open <= a.price : open >= a.price) return hit(a.kind, open);
    }
    if (takeProfit !== null && (long ? bar.open >= takeProfit : bar.open <= takeProfit))
      return hit('takeProfit', bar.open);
    const adverseHit = adverse.find((a) => {
      const r = range(a.kind);
      return long ? r.low <= a.price : r.high >= a.price;
    });
    const profitHit = takeProfit !== null && (long ? bar.high >= takeProfit : bar.low <= takeProfit);
    if (adverseHit) return hit(adverseHit.kind, adverseHit.price, profitHit);
    if (profitHit) return hit('takeProfit', takeProfit);
  }
  return { outcome: 'none', candleIndex: null, time: null, price: null, trigger: null, ambiguous: false };
}

/** Input of {@link replayTrade}. */
export interface ReplayTradeInput {
  side: Side;
  candles: readonly Candle[];
  /** 0-based index of the candle at whose (last-price) close the position opens; at least one candle must follow. */
  entryIndex: number;
  /** Initial margin in quote currency (USDT). */
  margin: Numeric;
  leverage: Numeric;
  /** Maintenance margin rate as a fraction (0.005 = 0.5 %). */
  maintenanceMarginRate: Numeric;
  /** Default `'isolated'`. */
  marginMode?: 'isolated' | 'cross';
  /** Cross only: wallet balance beyond the margin that also backs the position (and is lost with it). Default 0. */
  extraBalance?: Numeric;
  /** Stop-loss distance from entry as a fraction (0.05 = 5 % against the position); omit for no stop. */
  stopDistance?: Numeric;
  /** Take-profit distance from entry as a fraction (0.2 = 20 % in the position's favour); omit for no target. */
  takeProfitDistance?: Numeric;
}

/** How a replayed trade ended. */
export interface ReplayTradeEnd {
  outcome: Exclude<ReplayOutcome, 'none'>;
  /** 0-based index of the candle in the whole list. */
  candleIndex: number;
  time: number | string;
  /** The level touched, or the open the candle gapped to. */
  price: Decimal;
  trigger: ReplayTrigger;
  ambiguous: boolean;
  /** `price / entry − 1`: the price move from entry to the end, as a fraction (−0.0955 = 9.55 % lower). */
  move: Decimal;
}

/** Result of {@link replayTrade}. */
export interface ReplayTradeResult {
  entryPrice: Decimal;
  quantity: Decimal;
  notional: Decimal;
  /** What the position can lose: the margin (isolated) or margin + extra balance (cross). */
  balance: Decimal;
  liquidationPrice: Decimal | null;
  stopPrice: Decimal | null;
  takeProfitPrice: Decimal | null;
  end: ReplayTradeEnd | null;
  /**
   * Equity at each candle's close, valued at the mark close as exchanges value open positions: null before the entry,
   * frozen once the trade has ended (0 after a liquidation).
   */
  equity: (Decimal | null)[];
  /** Realised result at the end, or the unrealised one at the last candle's mark close when nothing was touched. */
  pnl: Decimal;
  /** Lowest and highest last and mark prices over every candle after the entry (plain numbers, for display). */
  extremes: { lastLow: number; lastHigh: number; markLow: number; markHigh: number };
}

/**
 * Replays a USDT-margined (linear) position opened at the close of candle `entryIndex` over the candles that follow.
 * Quantity `q = margin × leverage / entry` ({@link positionFromMargin}); liquidation price from {@link liquidationPrice}
 * with the margin (isolated) or `margin + extraBalance` as wallet balance (cross); stop `entry × (1 − d)` for a long,
 * `entry × (1 + d)` for a short; take-profit `entry × (1 + t)` for a long, `entry × (1 − t)` for a short; then
 * {@link replay}, so liquidation is checked on the mark price and stops and take-profits on the last price.
 * Equity at a close is `balance + s × q × (markClose − entry)`; when stopped or at the target, `pnl = s × q × (exit − entry)`;
 * when liquidated the whole balance is lost, `pnl = −balance` (the venue keeps what is left of the margin).
 * Sources: as {@link replay}; PnL as {@link pnlOf} (Binance Futures calculator); unrealised PnL on the mark price,
 * https://www.binance.com/en/support/faq/360033525071
 * @throws CalcInputError for no candles after the entry (`entryIndex`), a stop of 100 % or more below a long's entry or a
 *   take-profit of 100 % or more below a short's (`stopDistance`, `takeProfitDistance`), a negative extra balance, an
 *   invalid candle, and anything {@link positionFromMargin} or {@link liquidationPrice} refuses.
 * @example replayTrade({ side: 'long', entryIndex: 0, margin: 1000, leverage: 10, maintenanceMarginRate: 0.005,
 *   candles: [{ time: 1, open: 100, high: 100, low: 100, close: 100 }, { time: 2, open: 100, high: 100, low: 90, close: 92 }] }).end?.outcome // 'liquidation'
 */
export function replayTrade(input: ReplayTradeInput): ReplayTradeResult {
  requireInput(input);
  const side = parseSide(input.side);
  const long = side === 'long';
  const candles: readonly Candle[] = input.candles;
  // Array.isArray narrows a readonly array to any[], so the typed name above is kept for the rest.
  if (!Array.isArray(input.candles))
    throw new CalcInputError('candles', REQUIRED, 'The replay needs a list of candles.');
  const entryIndex = input.entryIndex;
  if (!Number.isInteger(entryIndex) || entryIndex < 0 || entryIndex > candles.length - 2) {
    throw new CalcInputError(
      'entryIndex',
      OUT_OF_RANGE,
      candles.length < 2
        ? 'The path needs at least two candles: one to open at and one to replay.'
        : `Choose an entry candle from 1 to ${candles.length - 1}: at least one candle must follow the entry.`,
    );
  }
  const bars = candles.map((c, i) => readCandle(c, i));
  const entryPrice = positive(candles[entryIndex]?.close, `candles[${entryIndex}].close`);
  const { quantity, notional } = positionFromMargin({
    margin: input.margin,
    leverage: input.leverage,
    price: entryPrice,
  });
  const margin = positive(input.margin, 'margin');
  const mode = parseOption(input.marginMode, 'marginMode', ['isolated', 'cross'] as const, 'isolated');
  const base = { side, quantity, entryPrice, maintenanceMarginRate: input.maintenanceMarginRate } as const;
  let balance = margin;
  let liq;
  if (mode === 'cross') {
    balance = margin.plus(nonNegative(input.extraBalance, 'extraBalance', ZERO));
    liq = liquidationPrice({ ...base, marginMode: 'cross', walletBalance: balance, leverage: input.leverage });
  } else {
    liq = liquidationPrice({ ...base, marginMode: 'isolated', leverage: input.leverage });
  }
  const distance = (value: Numeric | undefined, field: string, below: boolean, words: string): Decimal | null => {
    if (value === undefined || value === null) return null;
    const d = positive(value, field);
    if (below) ensure(d.lt(ONE), field, `The ${words} must be less than 100% below the entry price.`);
    return d;
  };
  const stopD = distance(input.stopDistance, 'stopDistance', long, 'stop loss');
  const tpD = distance(input.takeProfitDistance, 'takeProfitDistance', !long, 'take-profit');
  const stopPrice = stopD === null ? null : entryPrice.times(long ? ONE.minus(stopD) : ONE.plus(stopD));
  const takeProfitPrice = tpD === null ? null : entryPrice.times(long ? ONE.plus(tpD) : ONE.minus(tpD));

  const outcome = replay({
    position: {
      side,
      entryPrice,
      ...(stopPrice ? { stopPrice } : {}),
      ...(takeProfitPrice ? { takeProfitPrice } : {}),
      ...(liq.price ? { liquidationPrice: liq.price } : {}),
    },
    candles: candles.slice(entryIndex + 1),
  });
  let end: ReplayTradeEnd | null = null;
  if (outcome.outcome !== 'none' && outcome.candleIndex !== null && outcome.price !== null && outcome.trigger) {
    const index = entryIndex + 1 + outcome.candleIndex;
    // The level itself as the exact Decimal it was set at; a gap's open as read from the candle.
    const price =
      outcome.outcome === 'stop' && stopPrice && outcome.price === stopPrice.toNumber()
        ? stopPrice
        : outcome.outcome === 'takeProfit' && takeProfitPrice && outcome.price === takeProfitPrice.toNumber()
          ? takeProfitPrice
          : outcome.outcome === 'liquidation' && liq.price && outcome.price === liq.price.toNumber()
            ? liq.price
            : new Decimal(outcome.price);
    end = {
      outcome: outcome.outcome,
      candleIndex: index,
      time: candles[index].time,
      price,
      trigger: outcome.trigger,
      ambiguous: outcome.ambiguous,
      move: price.div(entryPrice).minus(ONE),
    };
  }

  const pnlAt = (price: Decimal) => pnlOf(side, 'linear', quantity, entryPrice, price);
  const endPnl = end ? (end.outcome === 'liquidation' ? balance.neg() : pnlAt(end.price)) : null;
  const endEquity = endPnl === null ? null : balance.plus(endPnl);
  const equity = bars.map((bar, i) => {
    if (i < entryIndex) return null;
    if (end && endEquity && i >= end.candleIndex) return endEquity;
    return balance.plus(pnlAt(new Decimal(bar.markClose)));
  });
  const lastBar = bars[bars.length - 1];
  const extremes = { lastLow: Infinity, lastHigh: -Infinity, markLow: Infinity, markHigh: -Infinity };
  for (const b of bars.slice(entryIndex + 1)) {
    extremes.lastLow = Math.min(extremes.lastLow, b.low);
    extremes.lastHigh = Math.max(extremes.lastHigh, b.high);
    extremes.markLow = Math.min(extremes.markLow, b.markLow);
    extremes.markHigh = Math.max(extremes.markHigh, b.markHigh);
  }
  return {
    entryPrice,
    quantity,
    notional,
    balance,
    liquidationPrice: liq.price,
    stopPrice,
    takeProfitPrice,
    end,
    equity,
    pnl: endPnl ?? pnlAt(new Decimal(lastBar.markClose)),
    extremes,
  };
}
