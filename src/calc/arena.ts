/**
 * The practice arena's engine: one pure, deterministic function from a window of hourly candles (last price and mark
 * price) and the reader's actions to a timeline of events and account states, plus the debrief that replays the same
 * trade at other leverages and stops, and the mission checks. One USDT-margined (linear) position at a time, as in
 * Binance's one-way mode.
 *
 * The rules, each stated where it is applied:
 * - An action placed at step `i` executes at the open of candle `i` (the reader has seen candle `i − 1` close).
 * - Market orders fill at the candle's open (last price) moved by the slippage against the trader; a stop-market or
 *   take-profit-market fills at its trigger price, or at the open when the candle opens beyond the trigger, moved by
 *   the slippage against the trader. Taker fee on every fill's notional.
 * - Funding at each 00:00, 08:00 and 16:00 UTC candle open, at one stated rate, on the notional at the mark open, for a
 *   position opened before that candle; isolated funding is settled against the position's margin.
 * - Liquidation on the mark price, with the venue's tiered maintenance margin, at the {@link liquidationPrice}; the
 *   isolated margin (isolated) or the whole wallet (cross) is lost, never more.
 * Sources: Binance USDⓈ-M, "Binance uses Mark Price as a trigger for liquidation",
 * https://www.binance.com/en/support/faq/360040016512 ; funding "every 8 hours at 00:00, 08:00 and 16:00 UTC … only if
 * you hold a position at the funding timestamp", https://www.binance.com/en/support/faq/360033525031 ; stop orders'
 * `workingType` MARK_PRICE or CONTRACT_PRICE, https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api ;
 * liquidation and maintenance tiers, https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93
 */
import { Decimal, type Numeric, ONE, ZERO } from './decimal.ts';
import { CalcInputError, INCONSISTENT, OUT_OF_RANGE, REQUIRED } from './errors.ts';
import { fundingPayment } from './funding.ts';
import { hedgedCrossLiquidation } from './hedge.ts';
import { tradingFee } from './fees.ts';
import { liquidationPrice } from './liquidationPrice.ts';
import { pnlOf } from './pnl.ts';
import { positionFromMargin } from './size.ts';
import { tierFor, type TierInput } from './tiers.ts';
import { BINANCE_BTCUSDT } from './venues.ts';
import { type Side, ensure, feeRate, inRange, parseOption, parseSide, positive, requireInput } from './validate.ts';

/** One hourly candle: `time` in epoch milliseconds (UTC), last (traded) prices and the mark price over the same hour. */
export interface ArenaCandle {
  time: number;
  open: Numeric;
  high: Numeric;
  low: Numeric;
  close: Numeric;
  markOpen: Numeric;
  markHigh: Numeric;
  markLow: Numeric;
  markClose: Numeric;
}

/** Which price triggers a stop or take-profit: the last (traded) price or the mark price. */
export type ArenaTrigger = 'last' | 'mark';

/** A stop-market or take-profit-market order. */
export interface ArenaOrder {
  price: Numeric;
  trigger: ArenaTrigger;
}

/** A reader's action, executed at the open of candle `step`. */
export type ArenaAction =
  | {
      step: number;
      type: 'open';
      side: Side;
      /** Margin put up, USDT. */
      margin: Numeric;
      leverage: Numeric;
      mode: 'isolated' | 'cross';
      stopLoss?: ArenaOrder | null;
      takeProfit?: ArenaOrder | null;
    }
  /**
   * The actions below act on the open position of `side`; without a side, on the only open position (with a long and
   * a short open, the side is required).
   */
  | { step: number; type: 'close'; side?: Side }
  | { step: number; type: 'addMargin'; amount: Numeric; side?: Side }
  | { step: number; type: 'removeMargin'; amount: Numeric; side?: Side }
  | { step: number; type: 'setOrders'; stopLoss: ArenaOrder | null; takeProfit: ArenaOrder | null; side?: Side };

/** The account's and venue's terms. */
export interface ArenaSettings {
  /** Paper account, USDT. */
  startingBalance: Numeric;
  /** Taker fee rate on each fill's notional (0.0005 = 0.05 %). */
  takerFeeRate: Numeric;
  /** Slippage as a fraction of the price, always against the trader (0.0005 = 0.05 %). */
  slippage: Numeric;
  /** Funding rate per 8-hour interval (positive: longs pay shorts). */
  fundingRate: Numeric;
  /** Maintenance-margin tiers (as {@link liquidationPrice}); each tier's `maxLeverage` caps the leverage. */
  tiers: readonly TierInput[];
}

/**
 * The arena's stated terms: a 10,000 USDT paper account; Binance USDⓈ-M's regular taker fee, 0.05 % (Binance futures
 * fee schedule, https://www.binance.com/en/fee/futureFee); 0.05 % slippage against the trader on every fill (our
 * assumption: real slippage in a crash can be far worse); funding at 0.01 % per 8 hours, Binance's rate when the
 * premium is zero (interest 0.03 % a day over three intervals, https://www.binance.com/en/support/faq/360033525031),
 * not the historical rates of those days; Binance BTCUSDT's maintenance tiers ({@link BINANCE_BTCUSDT}, as of 2021-03-18).
 */
export const ARENA_DEFAULTS: ArenaSettings = {
  startingBalance: '10000',
  takerFeeRate: '0.0005',
  slippage: '0.0005',
  fundingRate: '0.0001',
  tiers: BINANCE_BTCUSDT.tiers ?? [],
};

/** The open position at a step. */
export interface ArenaPosition {
  side: Side;
  mode: 'isolated' | 'cross';
  leverage: Decimal;
  quantity: Decimal;
  entryPrice: Decimal;
  /** Isolated margin (after funding and margin changes); null in cross mode, where the wallet backs the position. */
  margin: Decimal | null;
  /** In cross mode with a long and a short open, the one price both share ({@link hedgedCrossLiquidation}). */
  liquidationPrice: Decimal | null;
  /** `'down'` when a fall to the liquidation price liquidates (a long, or a net-long cross book), `'up'` for a rise. */
  liquidationDirection: 'down' | 'up' | null;
  bankruptcyPrice: Decimal | null;
  stopLoss: { price: Decimal; trigger: ArenaTrigger } | null;
  takeProfit: { price: Decimal; trigger: ArenaTrigger } | null;
  /** The step whose open filled it. */
  openedAt: number;
  /** At the mark close of the state it is part of (`s × q × (markClose − entry)`); 0 while a candle is played. */
  unrealisedPnl: Decimal;
}

/** What happened, in order. Prices, amounts and balances are Decimals. */
export type ArenaEvent =
  | {
      step: number;
      kind: 'open';
      side: Side;
      mode: 'isolated' | 'cross';
      leverage: Decimal;
      margin: Decimal;
      price: Decimal;
      quantity: Decimal;
      fee: Decimal;
      liquidationPrice: Decimal | null;
      bankruptcyPrice: Decimal | null;
    }
  | {
      step: number;
      kind: 'close' | 'stop' | 'takeProfit';
      side: Side;
      price: Decimal;
      trigger: ArenaTrigger | null;
      gapped: boolean;
      ambiguous: boolean;
      pnl: Decimal;
      fee: Decimal;
      balanceAfter: Decimal;
    }
  | {
      step: number;
      kind: 'liquidation';
      side: Side;
      leverage: Decimal;
      price: Decimal;
      gapped: boolean;
      lost: Decimal;
      balanceAfter: Decimal;
      lastExtreme: { price: Decimal; step: number };
      /** Cross positions liquidated with this one at the same price (they share one wallet and one liquidation). */
      also: { side: Side; leverage: Decimal }[];
    }
  | { step: number; kind: 'funding'; side: Side; rate: Decimal; markPrice: Decimal; amount: Decimal }
  | {
      step: number;
      kind: 'addMargin' | 'removeMargin';
      side: Side;
      amount: Decimal;
      liquidationPrice: Decimal | null;
    }
  | { step: number; kind: 'setOrders'; side: Side; stopLoss: Decimal | null; takeProfit: Decimal | null }
  | {
      step: number;
      kind: 'nearMiss';
      side: Side;
      level: 'liquidation' | 'stop';
      price: Decimal;
      watchedBy: ArenaTrigger;
      lastExtreme: Decimal;
      markExtreme: Decimal;
    }
  | { step: number; kind: 'rejected'; action: ArenaAction['type']; reason: string };

/** The account at one step's close. */
export interface ArenaState {
  step: number;
  /** Wallet balance not assigned to an isolated position: realised PnL, fees and funding included. */
  cash: Decimal;
  /** The open positions (at most one long and one short, all isolated or all cross), in the order they opened. */
  positions: ArenaPosition[];
  /** Of all open positions, at the mark close. */
  unrealisedPnl: Decimal;
  /** `cash + isolated margins + unrealised PnL`, valued at the mark close. */
  equity: Decimal;
  /** `equity / startingBalance`. */
  fraction: Decimal;
}

/** Result of {@link runArena}. */
export interface ArenaRun {
  startStep: number;
  startingBalance: Decimal;
  /** One state per candle from `startStep` to the last. */
  states: ArenaState[];
  events: ArenaEvent[];
  finalEquity: Decimal;
  /** `finalEquity / startingBalance`. */
  finalFraction: Decimal;
  /** Lowest equity at any close. */
  lowestEquity: Decimal;
  liquidations: number;
}

/** Validated candle, as Decimals. */
interface Bar {
  time: number;
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
  markOpen: Decimal;
  markHigh: Decimal;
  markLow: Decimal;
  markClose: Decimal;
}

const HOUR_MS = 3_600_000;
const FUNDING_MS = 8 * HOUR_MS;
/** Longest window the arena replays. */
export const ARENA_MAX_CANDLES = 2000;
/** Most actions one run may hold. */
export const ARENA_MAX_ACTIONS = 500;

function readBars(input: readonly ArenaCandle[], field = 'candles', least = 2): Bar[] {
  // Array.isArray narrows a readonly array to any[], so the typed name is kept for the rest.
  const candles: readonly ArenaCandle[] = input;
  if (!Array.isArray(input) || candles.length < least) {
    throw new CalcInputError(
      field,
      REQUIRED,
      `The arena needs at least ${least === 2 ? 'two candles' : 'one candle'}.`,
    );
  }
  ensure(candles.length <= ARENA_MAX_CANDLES, 'candles', `The arena replays at most ${ARENA_MAX_CANDLES} candles.`);
  let previous = -Infinity;
  return candles.map((c, i) => {
    const path = (f: string) => `${field}[${i}].${f}`;
    if (c === null || typeof c !== 'object')
      throw new CalcInputError(`${field}[${i}]`, REQUIRED, `Candle ${i + 1} is missing.`);
    if (typeof c.time !== 'number' || !Number.isFinite(c.time) || c.time <= previous) {
      throw new CalcInputError(
        path('time'),
        INCONSISTENT,
        `Candle ${i + 1} has no time, or is not after the one before.`,
      );
    }
    previous = c.time;
    const b: Bar = {
      time: c.time,
      open: positive(c.open, path('open')),
      high: positive(c.high, path('high')),
      low: positive(c.low, path('low')),
      close: positive(c.close, path('close')),
      markOpen: positive(c.markOpen, path('markOpen')),
      markHigh: positive(c.markHigh, path('markHigh')),
      markLow: positive(c.markLow, path('markLow')),
      markClose: positive(c.markClose, path('markClose')),
    };
    const inside = (o: Decimal, h: Decimal, l: Decimal, cl: Decimal) =>
      l.lte(h) && o.lte(h) && o.gte(l) && cl.lte(h) && cl.gte(l);
    ensure(
      inside(b.open, b.high, b.low, b.close) && inside(b.markOpen, b.markHigh, b.markLow, b.markClose),
      `${field}[${i}]`,
      `Candle ${i + 1} is not valid: open and close must lie between low and high.`,
    );
    return b;
  });
}

function readOrder(
  order: ArenaOrder | null | undefined,
  field: string,
): { price: Decimal; trigger: ArenaTrigger } | null {
  if (order === undefined || order === null) return null;
  if (typeof order !== 'object') throw new CalcInputError(field, INCONSISTENT, 'An order needs a price and a trigger.');
  return {
    price: positive(order.price, `${field}.price`),
    trigger: parseOption(order.trigger, `${field}.trigger`, ['last', 'mark'] as const, 'last'),
  };
}

/** A validated action (amounts as Decimals). */
type ReadAction =
  | {
      step: number;
      type: 'open';
      side: Side;
      margin: Decimal;
      leverage: Decimal;
      mode: 'isolated' | 'cross';
      stopLoss: ReturnType<typeof readOrder>;
      takeProfit: ReturnType<typeof readOrder>;
    }
  | { step: number; type: 'close'; side: Side | null }
  | { step: number; type: 'addMargin' | 'removeMargin'; amount: Decimal; side: Side | null }
  | {
      step: number;
      type: 'setOrders';
      stopLoss: ReturnType<typeof readOrder>;
      takeProfit: ReturnType<typeof readOrder>;
      side: Side | null;
    };

const optionalSide = (side: unknown, field: string): Side | null =>
  side === undefined || side === null ? null : parseSide(side, field);

function readActions(input: readonly ArenaAction[], startStep: number, last: number): ReadAction[] {
  const actions: readonly ArenaAction[] = input;
  if (!Array.isArray(input)) throw new CalcInputError('actions', REQUIRED, 'The actions must be a list.');
  ensure(actions.length <= ARENA_MAX_ACTIONS, 'actions', `A run holds at most ${ARENA_MAX_ACTIONS} actions.`);
  let previous = startStep;
  return actions.map((a, i): ReadAction => {
    const path = (f: string) => `actions[${i}].${f}`;
    if (a === null || typeof a !== 'object')
      throw new CalcInputError(`actions[${i}]`, REQUIRED, `Action ${i + 1} is missing.`);
    const step = a.step;
    if (!Number.isInteger(step) || step < previous || step > last) {
      throw new CalcInputError(
        path('step'),
        OUT_OF_RANGE,
        `Action ${i + 1} must come at a step from ${previous} to ${last}, in order.`,
      );
    }
    previous = step;
    switch (a.type) {
      case 'open':
        return {
          step,
          type: 'open',
          side: parseSide(a.side, path('side')),
          margin: positive(a.margin, path('margin')),
          leverage: inRange(a.leverage, path('leverage'), 1, 1000),
          mode: parseOption(a.mode, path('mode'), ['isolated', 'cross'] as const),
          stopLoss: readOrder(a.stopLoss, path('stopLoss')),
          takeProfit: readOrder(a.takeProfit, path('takeProfit')),
        };
      case 'close':
        return { step, type: 'close', side: optionalSide(a.side, path('side')) };
      case 'addMargin':
      case 'removeMargin':
        return {
          step,
          type: a.type,
          amount: positive(a.amount, path('amount')),
          side: optionalSide(a.side, path('side')),
        };
      case 'setOrders':
        return {
          step,
          type: 'setOrders',
          stopLoss: readOrder(a.stopLoss, path('stopLoss')),
          takeProfit: readOrder(a.takeProfit, path('takeProfit')),
          side: optionalSide(a.side, path('side')),
        };
      default:
        throw new CalcInputError(path('type'), OUT_OF_RANGE, `Action ${i + 1} is not one the arena knows.`);
    }
  });
}

/** The stop is on the losing side of `price` and the take-profit on the winning side. */
function ordersFit(
  side: Side,
  price: Decimal,
  stop: { price: Decimal } | null,
  tp: { price: Decimal } | null,
): string | null {
  const long = side === 'long';
  if (stop && (long ? stop.price.gte(price) : stop.price.lte(price))) {
    return long ? 'a long’s stop-loss must be below the price' : 'a short’s stop-loss must be above the price';
  }
  if (tp && (long ? tp.price.lte(price) : tp.price.gte(price))) {
    return long ? 'a long’s take-profit must be above the price' : 'a short’s take-profit must be below the price';
  }
  return null;
}

/**
 * Plays the reader's actions over the candles from `startStep` and returns the timeline. Deterministic: the same
 * input always gives the same output. The account holds at most one long and one short at once (Binance's hedge
 * mode), both isolated or both cross (the venue sets the margin mode per contract). Per candle, in this order:
 * 1. funding at 00:00/08:00/16:00 UTC opens: `payment = −s × q × markOpen × F` ({@link fundingPayment}), for each
 *    position opened before this candle; isolated: `margin += payment`, cross: `cash += payment`;
 * 2. the actions of this step, at the open: open fills at `open × (1 ± slippage)` (+ buying, − selling), with
 *    `q = margin × L / fill` ({@link positionFromMargin}), fee `q × fill × takerFee` ({@link tradingFee}); refused when
 *    `L` is above the tier's max leverage ({@link tierFor}), when the available balance (cross: cash + unrealised PnL
 *    − the other position's initial margin) does not cover margin + fee, when a position of that side is open or the
 *    other one has the other margin mode, or when a stop/take-profit is on the wrong side of the fill; close fills at
 *    the open the same way; add margin moves cash into an isolated margin; remove margin is allowed while
 *    `margin − amount ≥ q × markOpen / L − min(0, uPnL)`;
 * 3. inside the candle: a level the candle opens beyond fills at once (liquidation at the mark open, stop and
 *    take-profit at the last open); otherwise the adverse levels touched (liquidation on the mark low/high, each stop
 *    on its trigger price) are taken one at a time, the one nearest the open first (for levels on the same side, the
 *    one nearest entry), then the levels are worked out again for what is left; a take-profit fills only when no
 *    adverse level of its position was touched (when both were, the adverse one is assumed first: pessimistic,
 *    `ambiguous`). A stop fills at its trigger moved by the slippage.
 * Closing: `cash += margin + s × q × (exit − entry) − fee` (isolated, floored at 0: the isolated margin is the most
 * that can be lost) or `cash += s × q × (exit − entry) − fee` (cross, floored at 0). Liquidation on the mark price,
 * with tiered maintenance: isolated at the position's {@link liquidationPrice}, which loses its margin; cross at the
 * one price the cross positions share ({@link liquidationPrice} for one, {@link hedgedCrossLiquidation} for a long and
 * a short), which loses the whole wallet and closes every cross position at once.
 * Equity at each close `cash + Σ margin + Σ s × q × (markClose − entry)`.
 * Sources: see the module comment (Binance USDⓈ-M mark price, funding times, stop `workingType`, liquidation formula);
 * hedge mode, one long and one short per contract, https://www.binance.com/en/support/faq/360041513552
 * @throws CalcInputError for invalid candles, settings or actions (`actions[i].step` out of order or range, an unknown
 *   type, a non-positive amount); an action the account cannot carry out is not an error but a `rejected` event.
 * @example runArena({ candles, startStep: 0, actions: [{ step: 1, type: 'open', side: 'long', margin: 1000, leverage: 10, mode: 'isolated' }], settings }).events[0].kind // 'open'
 */
export function runArena(input: {
  candles: readonly ArenaCandle[];
  startStep: number;
  actions: readonly ArenaAction[];
  settings: ArenaSettings;
}): ArenaRun {
  requireInput(input);
  const bars = readBars(input.candles);
  const last = bars.length - 1;
  const startStep = input.startStep;
  if (!Number.isInteger(startStep) || startStep < 0 || startStep >= last) {
    throw new CalcInputError('startStep', OUT_OF_RANGE, `The start must be a candle from 0 to ${last - 1}.`);
  }
  const s = input.settings;
  if (s === null || typeof s !== 'object')
    throw new CalcInputError('settings', REQUIRED, 'The arena needs its settings.');
  const startingBalance = positive(s.startingBalance, 'startingBalance');
  const fee = feeRate(s.takerFeeRate, 'takerFeeRate');
  const slip = inRange(s.slippage, 'slippage', 0, 0.1);
  const rate = inRange(s.fundingRate, 'fundingRate', -0.1, 0.1);
  const tiers = s.tiers;
  tierFor(0, tiers); // validates the table
  const actions = readActions(input.actions, startStep, last);

  let cash = startingBalance;
  /** Open positions, in the order they opened (at most one per side, all of one margin mode). */
  let open: ArenaPosition[] = [];
  const events: ArenaEvent[] = [];
  const states: ArenaState[] = [];
  let liquidations = 0;
  let next = 0;

  const buy = (price: Decimal) => price.times(ONE.plus(slip));
  const sell = (price: Decimal) => price.times(ONE.minus(slip));
  /** Fill for closing: a long sells, a short buys. */
  const exitFill = (p: ArenaPosition, price: Decimal) => (p.side === 'long' ? sell(price) : buy(price));
  const cross = () => open.filter((p) => p.mode === 'cross');

  /** Works out every open position's liquidation and bankruptcy prices again. Throws when one is already past. */
  const refresh = () => {
    for (const p of open) {
      if (p.mode !== 'isolated') continue;
      const r = liquidationPrice({
        side: p.side,
        quantity: p.quantity,
        entryPrice: p.entryPrice,
        tiers,
        marginMode: 'isolated',
        margin: p.margin as Decimal,
      });
      p.liquidationPrice = r.price;
      p.bankruptcyPrice = r.bankruptcyPrice;
      p.liquidationDirection = r.price ? (p.side === 'long' ? 'down' : 'up') : null;
    }
    const group = cross();
    if (group.length === 1) {
      const p = group[0];
      const r = liquidationPrice({
        side: p.side,
        quantity: p.quantity,
        entryPrice: p.entryPrice,
        tiers,
        marginMode: 'cross',
        walletBalance: cash,
      });
      p.liquidationPrice = r.price;
      p.bankruptcyPrice = r.bankruptcyPrice;
      p.liquidationDirection = r.price ? (p.side === 'long' ? 'down' : 'up') : null;
    } else if (group.length > 1) {
      const r = hedgedCrossLiquidation({ walletBalance: cash, positions: group, tiers });
      for (const p of group) {
        p.liquidationPrice = r.price;
        p.bankruptcyPrice = r.bankruptcyPrice;
        p.liquidationDirection = r.direction;
      }
    }
  };
  /** The cross book must not already be past its liquidation price at `mark` (hedgedCrossLiquidation does not refuse). */
  const safeAt = (mark: Decimal) =>
    open.every(
      (p) =>
        !p.liquidationPrice ||
        (p.liquidationDirection === 'down' ? mark.gt(p.liquidationPrice) : mark.lt(p.liquidationPrice)),
    );

  const settle = (
    p: ArenaPosition,
    step: number,
    kind: 'close' | 'stop' | 'takeProfit',
    price: Decimal,
    trigger: ArenaTrigger | null,
    gapped: boolean,
    ambiguous: boolean,
  ) => {
    const exit = exitFill(p, price);
    const closeFee = tradingFee({ quantity: p.quantity, price: exit, feeRate: fee });
    const pnl = pnlOf(p.side, 'linear', p.quantity, p.entryPrice, exit);
    const back = (p.margin ?? ZERO).plus(pnl).minus(closeFee);
    cash = p.mode === 'isolated' ? cash.plus(Decimal.max(ZERO, back)) : Decimal.max(ZERO, cash.plus(back));
    events.push({
      step,
      kind,
      side: p.side,
      price: exit,
      trigger,
      gapped,
      ambiguous,
      pnl,
      fee: closeFee,
      balanceAfter: cash,
    });
    open = open.filter((x) => x !== p);
  };

  /** Liquidates `p` (isolated) or every cross position with it (they share the wallet and the price). */
  const liquidate = (p: ArenaPosition, step: number, price: Decimal, gapped: boolean) => {
    const gone = p.mode === 'isolated' ? [p] : cross();
    const lost = p.mode === 'isolated' ? (p.margin as Decimal) : cash;
    if (p.mode === 'cross') cash = ZERO;
    liquidations++;
    // The most adverse last price from this candle to the end of the window: how far the wick went after.
    const down = p.liquidationDirection !== 'up';
    let extreme = { price: down ? bars[step].low : bars[step].high, step };
    for (let j = step + 1; j <= last; j++) {
      const v = down ? bars[j].low : bars[j].high;
      if (down ? v.lt(extreme.price) : v.gt(extreme.price)) extreme = { price: v, step: j };
    }
    events.push({
      step,
      kind: 'liquidation',
      side: p.side,
      leverage: p.leverage,
      price,
      gapped,
      lost,
      balanceAfter: cash,
      lastExtreme: extreme,
      also: gone.filter((x) => x !== p).map((x) => ({ side: x.side, leverage: x.leverage })),
    });
    open = open.filter((x) => !gone.includes(x));
  };
  /** After a change to the wallet or a margin: new levels, or a liquidation at `price` when one is already past. */
  const refreshOrLiquidate = (step: number, price: Decimal) => {
    for (;;) {
      try {
        refresh();
        if (safeAt(price)) return;
      } catch {
        // a position at or below its maintenance requirement: liquidated below
      }
      const p =
        open.find(
          (x) =>
            !x.liquidationPrice ||
            (x.liquidationDirection === 'down' ? price.lte(x.liquidationPrice) : price.gte(x.liquidationPrice)),
        ) ?? open[0];
      if (!p) return;
      liquidate(p, step, price, true);
    }
  };

  const reject = (step: number, action: ArenaAction['type'], reason: string) =>
    events.push({ step, kind: 'rejected', action, reason });

  /** The open position an action names, or the only one; a reason when there is none to act on. */
  const target = (side: Side | null): ArenaPosition | string => {
    if (open.length === 0) return 'You have no open position.';
    if (side === null) {
      return open.length === 1 ? open[0] : 'You hold a long and a short: say which position this is for.';
    }
    return open.find((p) => p.side === side) ?? `You have no open ${side}.`;
  };

  for (let i = startStep; i <= last; i++) {
    const bar = bars[i];
    // 1. Funding at the 8-hour boundaries, for each position held over the funding time.
    if (bar.time % FUNDING_MS === 0 && !rate.isZero()) {
      const paid = open.filter((p) => p.openedAt < i);
      for (const p of paid) {
        const amount = fundingPayment({
          side: p.side,
          quantity: p.quantity,
          markPrice: bar.markOpen,
          fundingRate: rate,
        });
        if (p.mode === 'isolated') p.margin = (p.margin as Decimal).plus(amount);
        else cash = cash.plus(amount);
        events.push({ step: i, kind: 'funding', side: p.side, rate, markPrice: bar.markOpen, amount });
      }
      if (paid.length > 0) {
        for (const p of paid) {
          if (p.mode === 'isolated' && open.includes(p) && (p.margin as Decimal).lte(0)) {
            liquidate(p, i, bar.markOpen, true);
          }
        }
        refreshOrLiquidate(i, bar.markOpen);
      }
    }
    // 2. The reader's actions at the open.
    while (next < actions.length && actions[next].step === i) {
      const a = actions[next++];
      if (i === last && a.type === 'open') {
        reject(i, a.type, 'The window is over: there is no candle left to trade.');
        continue;
      }
      if (a.type === 'open') {
        if (open.some((p) => p.side === a.side)) {
          reject(
            i,
            'open',
            `You already hold a ${a.side}: the arena holds one long and one short at most. Close it first, or add margin to it.`,
          );
          continue;
        }
        const other = open[0];
        if (other && other.mode !== a.mode) {
          reject(
            i,
            'open',
            `Your ${other.side} is ${other.mode}: the venue sets one margin mode for the contract, so this position must be ${other.mode} too.`,
          );
          continue;
        }
        const price = a.side === 'long' ? buy(bar.open) : sell(bar.open);
        const { quantity, notional } = positionFromMargin({
          margin: a.margin,
          leverage: a.leverage,
          price,
          maxLeverage: 1000,
        });
        const openFee = tradingFee({ quantity, price, feeRate: fee });
        let tierMax: Decimal | undefined;
        try {
          tierMax = tierFor(notional, tiers).maxLeverage;
        } catch {
          reject(i, 'open', 'The position is larger than the venue’s largest tier allows.');
          continue;
        }
        if (tierMax && a.leverage.gt(tierMax)) {
          reject(i, 'open', `At this size the venue allows at most ${tierMax.toString()}x.`);
          continue;
        }
        // Cross: the wallet with the other position's unrealised PnL, less its initial margin, must cover this one.
        let available = cash;
        for (const p of cross()) {
          available = available
            .plus(pnlOf(p.side, 'linear', p.quantity, p.entryPrice, bar.markOpen))
            .minus(p.quantity.times(p.entryPrice).div(p.leverage));
        }
        const needed = a.mode === 'isolated' ? a.margin.plus(openFee) : notional.div(a.leverage).plus(openFee);
        if (needed.gt(available)) {
          reject(
            i,
            'open',
            `Not enough balance: this needs ${needed.toFixed(2)} USDT (margin and fee), you have ${Decimal.max(ZERO, available).toFixed(2)}.`,
          );
          continue;
        }
        const misfit = ordersFit(a.side, price, a.stopLoss, a.takeProfit);
        if (misfit) {
          reject(i, 'open', `Order refused: ${misfit} (${price.toFixed(2)}).`);
          continue;
        }
        const p: ArenaPosition = {
          side: a.side,
          mode: a.mode,
          leverage: a.leverage,
          quantity,
          entryPrice: price,
          margin: a.mode === 'isolated' ? a.margin : null,
          liquidationPrice: null,
          liquidationDirection: null,
          bankruptcyPrice: null,
          stopLoss: a.stopLoss,
          takeProfit: a.takeProfit,
          openedAt: i,
          unrealisedPnl: ZERO,
        };
        const before = { cash, open };
        cash = cash.minus(openFee);
        if (a.mode === 'isolated') cash = cash.minus(a.margin);
        open = [...open, p];
        let refusal: string | null = null;
        try {
          refresh();
          if (!safeAt(bar.markOpen)) refusal = 'The account would be liquidated as soon as this position opened.';
        } catch (e) {
          refusal = e instanceof CalcInputError ? e.message : 'The position cannot be opened.';
        }
        if (refusal) {
          // At or below the maintenance requirement at entry: refused, the account as before.
          cash = before.cash;
          open = before.open;
          refresh();
          reject(i, 'open', refusal);
          continue;
        }
        events.push({
          step: i,
          kind: 'open',
          side: p.side,
          mode: p.mode,
          leverage: p.leverage,
          margin: a.margin,
          price,
          quantity,
          fee: openFee,
          liquidationPrice: p.liquidationPrice,
          bankruptcyPrice: p.bankruptcyPrice,
        });
        continue;
      }
      const found = target(a.side);
      if (typeof found === 'string') {
        reject(i, a.type, found);
        continue;
      }
      const p = found;
      if (a.type === 'close') {
        settle(p, i, 'close', bar.open, null, false, false);
        refreshOrLiquidate(i, bar.markOpen);
      } else if (a.type === 'setOrders') {
        const misfit = ordersFit(p.side, bar.open, a.stopLoss, a.takeProfit);
        if (misfit) {
          reject(i, a.type, `Order refused: ${misfit} (${bar.open.toFixed(2)}).`);
          continue;
        }
        p.stopLoss = a.stopLoss;
        p.takeProfit = a.takeProfit;
        events.push({
          step: i,
          kind: 'setOrders',
          side: p.side,
          stopLoss: a.stopLoss?.price ?? null,
          takeProfit: a.takeProfit?.price ?? null,
        });
      } else {
        if (p.mode === 'cross') {
          reject(i, a.type, 'In cross mode the whole wallet is the margin: there is no margin to add or remove.');
          continue;
        }
        const margin = p.margin as Decimal;
        if (a.type === 'addMargin') {
          if (a.amount.gt(cash)) {
            reject(i, a.type, `Not enough balance: you have ${cash.toFixed(2)} USDT free.`);
            continue;
          }
          p.margin = margin.plus(a.amount);
          cash = cash.minus(a.amount);
        } else {
          const upnl = pnlOf(p.side, 'linear', p.quantity, p.entryPrice, bar.markOpen);
          const keep = p.quantity.times(bar.markOpen).div(p.leverage).minus(Decimal.min(ZERO, upnl));
          const removable = Decimal.max(ZERO, margin.minus(keep));
          if (a.amount.gt(removable)) {
            reject(i, a.type, `You can remove at most ${removable.toFixed(2)} USDT now.`);
            continue;
          }
          p.margin = margin.minus(a.amount);
          cash = cash.plus(a.amount);
        }
        refresh();
        events.push({ step: i, kind: a.type, side: p.side, amount: a.amount, liquidationPrice: p.liquidationPrice });
      }
    }
    // 3. Inside the candle.
    const seriesOf = (t: ArenaTrigger) =>
      t === 'mark'
        ? { open: bar.markOpen, high: bar.markHigh, low: bar.markLow }
        : { open: bar.open, high: bar.high, low: bar.low };
    /** Past `level` going `way` ('down': at or below it). */
    const past = (x: Decimal, level: Decimal, way: 'down' | 'up') => (way === 'down' ? x.lte(level) : x.gte(level));
    const adverse = (p: ArenaPosition): 'down' | 'up' => (p.side === 'long' ? 'down' : 'up');
    const favour = (p: ArenaPosition): 'down' | 'up' => (p.side === 'long' ? 'up' : 'down');
    const reach = (t: ArenaTrigger, way: 'down' | 'up') => (way === 'down' ? seriesOf(t).low : seriesOf(t).high);
    // Gaps at the open, liquidations first (a fresh position's orders were checked against its fill).
    for (let guard = 0; guard < 8 && open.length > 0; guard++) {
      const liq = open.find(
        (p) => p.liquidationPrice && past(bar.markOpen, p.liquidationPrice, p.liquidationDirection ?? adverse(p)),
      );
      if (liq) {
        liquidate(liq, i, bar.markOpen, true);
        refreshOrLiquidate(i, bar.markOpen);
        continue;
      }
      const stopped = open.find(
        (p) => p.stopLoss && past(seriesOf(p.stopLoss.trigger).open, p.stopLoss.price, adverse(p)),
      );
      if (stopped && stopped.stopLoss) {
        settle(stopped, i, 'stop', bar.open, stopped.stopLoss.trigger, true, false);
        refreshOrLiquidate(i, bar.markOpen);
        continue;
      }
      const took = open.find(
        (p) => p.takeProfit && past(seriesOf(p.takeProfit.trigger).open, p.takeProfit.price, favour(p)),
      );
      if (took && took.takeProfit) {
        settle(took, i, 'takeProfit', bar.open, took.takeProfit.trigger, true, false);
        refreshOrLiquidate(i, bar.markOpen);
        continue;
      }
      break;
    }
    // Near misses: a level the other price series crossed but the one watching it did not.
    const groupLiquidation = new Set<string>();
    for (const p of open) {
      const liq = p.liquidationPrice;
      const way = p.liquidationDirection ?? adverse(p);
      const key = p.mode === 'cross' ? 'cross' : p.side;
      if (
        liq &&
        !groupLiquidation.has(key) &&
        !past(reach('mark', way), liq, way) &&
        past(reach('last', way), liq, way)
      ) {
        groupLiquidation.add(key);
        events.push({
          step: i,
          kind: 'nearMiss',
          side: p.side,
          level: 'liquidation',
          price: liq,
          watchedBy: 'mark',
          lastExtreme: reach('last', way),
          markExtreme: reach('mark', way),
        });
      }
      const stop = p.stopLoss;
      if (stop && !past(reach(stop.trigger, adverse(p)), stop.price, adverse(p))) {
        const other: ArenaTrigger = stop.trigger === 'mark' ? 'last' : 'mark';
        if (past(reach(other, adverse(p)), stop.price, adverse(p))) {
          events.push({
            step: i,
            kind: 'nearMiss',
            side: p.side,
            level: 'stop',
            price: stop.price,
            watchedBy: stop.trigger,
            lastExtreme: reach('last', adverse(p)),
            markExtreme: reach('mark', adverse(p)),
          });
        }
      }
    }
    // Adverse levels touched inside the candle, one at a time; the levels are worked out again after each.
    for (let guard = 0; guard < 8 && open.length > 0; guard++) {
      type Hit = { p: ArenaPosition; kind: 'liquidation' | 'stop'; level: Decimal; way: 'down' | 'up' };
      const hits: Hit[] = [];
      for (const p of open) {
        const way = p.liquidationDirection ?? adverse(p);
        if (p.liquidationPrice && past(reach('mark', way), p.liquidationPrice, way)) {
          hits.push({ p, kind: 'liquidation', level: p.liquidationPrice, way });
        }
        const stop = p.stopLoss;
        if (stop && past(reach(stop.trigger, adverse(p)), stop.price, adverse(p))) {
          hits.push({ p, kind: 'stop', level: stop.price, way: adverse(p) });
        }
      }
      if (hits.length === 0) break;
      // On one side, the level nearest the open (nearest entry) comes first; between the two sides, the nearer one.
      const first = (way: 'down' | 'up') =>
        hits
          .filter((h) => h.way === way)
          .reduce<Hit | null>((best, h) => {
            if (!best) return h;
            const better = way === 'down' ? h.level.gt(best.level) : h.level.lt(best.level);
            // A tie between a stop and a liquidation at one price: the stop (nearest-entry rule, as for one position).
            const tieStop = h.level.eq(best.level) && h.kind === 'stop' && best.kind === 'liquidation';
            return better || tieStop ? h : best;
          }, null);
      const down = first('down');
      const up = first('up');
      const hit =
        down && up
          ? bar.open.minus(down.level).abs().lte(up.level.minus(bar.open).abs())
            ? down
            : up
          : ((down ?? up) as Hit);
      if (hit.kind === 'liquidation') {
        liquidate(hit.p, i, hit.level, false);
      } else {
        const tp = hit.p.takeProfit;
        const tpTouched = tp !== null && past(reach(tp.trigger, favour(hit.p)), tp.price, favour(hit.p));
        settle(hit.p, i, 'stop', hit.level, (hit.p.stopLoss as { trigger: ArenaTrigger }).trigger, false, tpTouched);
      }
      refreshOrLiquidate(i, hit.level);
    }
    // Take-profits, for positions no adverse level reached.
    for (let guard = 0; guard < 4 && open.length > 0; guard++) {
      const took = open.find(
        (p) => p.takeProfit && past(reach(p.takeProfit.trigger, favour(p)), p.takeProfit.price, favour(p)),
      );
      if (!took || !took.takeProfit) break;
      settle(took, i, 'takeProfit', took.takeProfit.price, took.takeProfit.trigger, false, false);
      refreshOrLiquidate(i, took.takeProfit.price);
    }
    // 4. The state at the close, valued at the mark close.
    let upnl = ZERO;
    let isolatedValue = ZERO;
    const shown: ArenaPosition[] = [];
    for (const p of open) {
      const u = pnlOf(p.side, 'linear', p.quantity, p.entryPrice, bar.markClose);
      upnl = upnl.plus(u);
      if (p.mode === 'isolated') isolatedValue = isolatedValue.plus(Decimal.max(ZERO, (p.margin as Decimal).plus(u)));
      shown.push({ ...p, unrealisedPnl: u });
    }
    const isolated = open.length > 0 && open[0].mode === 'isolated';
    const shownEquity = isolated ? cash.plus(isolatedValue) : Decimal.max(ZERO, cash.plus(upnl));
    states.push({
      step: i,
      cash,
      positions: shown,
      unrealisedPnl: upnl,
      equity: shownEquity,
      fraction: shownEquity.div(startingBalance),
    });
  }
  const finalEquity = states[states.length - 1].equity;
  const lowestEquity = states.reduce((m, st) => Decimal.min(m, st.equity), startingBalance);
  return {
    startStep,
    startingBalance,
    states,
    events,
    finalEquity,
    finalFraction: finalEquity.div(startingBalance),
    lowestEquity,
    liquidations,
  };
}

/** One replay of the reader's trade with something changed, in the debrief. */
export interface ArenaVariant {
  kind: 'asPlayed' | 'leverage' | 'stopBefore' | 'stopAfter' | 'highestSurvivor';
  leverage: Decimal;
  stopLoss: Decimal | null;
  liquidationPrice: Decimal | null;
  /** How the trade ended: by liquidation, stop, take-profit, the reader's close, or still open at the window's end. */
  outcome: 'liquidation' | 'stop' | 'takeProfit' | 'close' | 'open' | 'refused';
  finalEquity: Decimal;
  /** `finalEquity − startingBalance`. */
  change: Decimal;
}

/** Result of {@link arenaDebrief}; null `trade` when the reader opened nothing. */
export interface ArenaDebrief {
  trade: {
    step: number;
    side: Side;
    mode: 'isolated' | 'cross';
    margin: Decimal;
    leverage: Decimal;
    closeStep: number | null;
  } | null;
  variants: ArenaVariant[];
  /** The highest whole leverage at which the same trade is not liquidated (rounded toward safety), or null if none. */
  highestSurvivingLeverage: Decimal | null;
}

/** How the run's first trade ended (with two positions, the first one opened: its `side`). */
function outcomeOf(run: ArenaRun, side?: Side): ArenaVariant['outcome'] {
  const ends = (e: ArenaEvent) =>
    side === undefined ||
    (e.kind === 'liquidation' && (e.side === side || e.also.some((x) => x.side === side))) ||
    ((e.kind === 'stop' || e.kind === 'takeProfit' || e.kind === 'close') && e.side === side);
  const end = run.events.find(
    (e) =>
      (['liquidation', 'stop', 'takeProfit', 'close'].includes(e.kind) && ends(e)) ||
      (e.kind === 'rejected' && e.action === 'open' && side === undefined),
  );
  if (!end) return 'open';
  if (end.kind === 'rejected') return 'refused';
  return end.kind as ArenaVariant['outcome'];
}

/**
 * The debrief: the reader's first trade (same entry step, side, margin and mode, closed where the reader closed it or
 * held to the window's end) replayed by {@link runArena} at 1x, 3x and 10x with no stop; at the reader's leverage (10x
 * if the reader used 1x) with a mark-price stop halfway from entry to the liquidation price (`E + (P_liq − E) / 2`:
 * the stop fires first) and one a quarter of that distance beyond it (`P_liq + (P_liq − E) / 4`: liquidation comes
 * first, so the stop never fires); and at the highest whole leverage from 1 to `maxLeverage` (default 125) that is not
 * liquidated, found by bisection (survival is monotone: more leverage at the same margin only moves liquidation closer)
 * and so rounded toward safety.
 * Sources: as {@link runArena}; rounding toward safety as {@link roundDown} (IEEE 754-2019 §4.3.2).
 * @throws CalcInputError as {@link runArena}.
 */
export function arenaDebrief(input: {
  candles: readonly ArenaCandle[];
  startStep: number;
  actions: readonly ArenaAction[];
  settings: ArenaSettings;
  maxLeverage?: number;
}): ArenaDebrief {
  requireInput(input);
  const played = runArena(input);
  const opened = played.events.find((e) => e.kind === 'open');
  const base = { candles: input.candles, startStep: input.startStep, settings: input.settings };
  if (!opened || opened.kind !== 'open') return { trade: null, variants: [], highestSurvivingLeverage: null };
  // The reader's own close of that first position, if it ended that way.
  const firstEnd = played.events.find(
    (e) =>
      e.step >= opened.step &&
      ((e.kind === 'liquidation' && (e.side === opened.side || e.also.some((x) => x.side === opened.side))) ||
        ((e.kind === 'close' || e.kind === 'stop' || e.kind === 'takeProfit') && e.side === opened.side)),
  );
  const closeStep = firstEnd && firstEnd.kind === 'close' ? firstEnd.step : null;
  const trade = {
    step: opened.step,
    side: opened.side,
    mode: opened.mode,
    margin: opened.margin,
    leverage: opened.leverage,
    closeStep,
  };
  const run = (leverage: Numeric, stopLoss: Decimal | null) =>
    runArena({
      ...base,
      actions: [
        {
          step: trade.step,
          type: 'open',
          side: trade.side,
          margin: trade.margin,
          leverage,
          mode: trade.mode,
          stopLoss: stopLoss ? { price: stopLoss, trigger: 'mark' } : null,
        },
        ...(closeStep !== null ? [{ step: closeStep, type: 'close' as const }] : []),
      ],
    });
  const variant = (kind: ArenaVariant['kind'], leverage: Decimal, stopLoss: Decimal | null): ArenaVariant => {
    const r = run(leverage, stopLoss);
    const open = r.events.find((e) => e.kind === 'open');
    return {
      kind,
      leverage,
      stopLoss,
      liquidationPrice: open && open.kind === 'open' ? open.liquidationPrice : null,
      outcome: outcomeOf(r),
      finalEquity: r.finalEquity,
      change: r.finalEquity.minus(r.startingBalance),
    };
  };
  const variants: ArenaVariant[] = [variant('asPlayed', trade.leverage, null)];
  variants[0].finalEquity = played.finalEquity;
  variants[0].change = played.finalEquity.minus(played.startingBalance);
  variants[0].outcome = outcomeOf(played, trade.side);
  for (const l of [1, 3, 10]) variants.push(variant('leverage', new Decimal(l), null));
  const stopLeverage = trade.leverage.gt(1) ? trade.leverage : new Decimal(10);
  const probe = variant('leverage', stopLeverage, null);
  const liq = probe.liquidationPrice;
  const entry = opened.price;
  if (liq) {
    const gap = liq.minus(entry);
    variants.push(variant('stopBefore', stopLeverage, entry.plus(gap.div(2))));
    variants.push(variant('stopAfter', stopLeverage, liq.plus(gap.div(4))));
  }
  const max = input.maxLeverage ?? 125;
  ensure(
    Number.isInteger(max) && max >= 1 && max <= 1000,
    'maxLeverage',
    'The maximum leverage must be a whole number from 1 to 1000.',
  );
  const survives = (l: number) => {
    const o = outcomeOf(run(l, null));
    return o !== 'liquidation' && o !== 'refused';
  };
  let highest: number | null = null;
  if (survives(1)) {
    let lo = 1;
    let hi = max;
    if (survives(hi)) lo = hi;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (survives(mid)) lo = mid;
      else hi = mid;
    }
    highest = lo;
    variants.push(variant('highestSurvivor', new Decimal(lo), null));
  }
  return { trade, variants, highestSurvivingLeverage: highest === null ? null : new Decimal(highest) };
}

/** A mission: the conditions a run must meet. Steps are candle indices. */
export interface ArenaMission {
  /** Finish with at least this fraction of the starting balance (0.8 = 80 %). */
  minFraction?: Numeric;
  /** Hold a position (of `side`, if given) at the close of every step from `fromStep` to `toStep`. */
  hold?: { side?: Side; fromStep: number; toStep: number };
  /** No liquidation in the whole run. */
  noLiquidation?: boolean;
}

/**
 * Checks a run against a mission: `finalEquity ≥ minFraction × startingBalance`, the hold (a position of the side at
 * every close in the range), no liquidation. `fraction` is `finalEquity / startingBalance`, the score kept as a best.
 * @throws CalcInputError for a `minFraction` outside 0…10 or hold steps out of order.
 */
export function arenaMission(
  run: ArenaRun,
  mission: ArenaMission,
): { passed: boolean; fraction: Decimal; checks: { minFraction: boolean; hold: boolean; noLiquidation: boolean } } {
  requireInput(mission);
  const checks = { minFraction: true, hold: true, noLiquidation: true };
  if (mission.minFraction !== undefined) {
    checks.minFraction = run.finalFraction.gte(inRange(mission.minFraction, 'minFraction', 0, 10));
  }
  if (mission.hold) {
    const { fromStep, toStep, side } = mission.hold;
    ensure(
      Number.isInteger(fromStep) && Number.isInteger(toStep) && fromStep <= toStep,
      'hold',
      'The hold needs a start step before its end step.',
    );
    const inRangeStates = run.states.filter((st) => st.step >= fromStep && st.step <= toStep);
    checks.hold =
      inRangeStates.length === toStep - fromStep + 1 &&
      inRangeStates.every((st) => st.positions.some((p) => side === undefined || p.side === side));
  }
  if (mission.noLiquidation) checks.noLiquidation = run.liquidations === 0;
  return { passed: checks.minFraction && checks.hold && checks.noLiquidation, fraction: run.finalFraction, checks };
}

/** A candle of last (traded) prices only, as the 15-minute file gives it; `time` in epoch milliseconds (UTC). */
export interface LastPriceCandle {
  time: number;
  open: Numeric;
  high: Numeric;
  low: Numeric;
  close: Numeric;
}

/**
 * Arena candles at a finer step (15 minutes) from a window's hourly candles (last and mark price) and its finer
 * last-price candles. The finer file has no mark price, so each hour's mark candle is shared out among its parts
 * without inventing a price outside it: with `clamp(x) = min(max(x, markLow), markHigh)`, part k of the hour opens at
 * the hour's mark open (k = 0) or where part k − 1 closed; closes at `clamp(close_k)` (the last part: at the hour's
 * mark close); the part in which the last price made the hour's high gets the hour's mark high and the part in which
 * it made the low gets the mark low (the mark price follows the index, and the index the traded price, so the
 * extremes are placed when the traded price made them); every other high and low is `clamp` of the last price's,
 * widened to hold that part's open and close. So the parts of each hour put back together give exactly the hour's
 * mark candle (open, high, low, close): a liquidation is never made easier or harder than the hourly data allows,
 * only placed within the hour. Source of the mark price's construction (a median of the index with the traded price):
 * Binance, "Mark Price and Price Index", https://www.binance.com/en/support/faq/360033525071
 * @throws CalcInputError when a finer candle falls in no hour of `hourly`, the finer candles are out of order, or a
 *   candle is not valid (as {@link runArena}).
 * @example fineArenaCandles({ hourly: [hour], fine: quarters }).length // 4 for one hour of four quarters
 */
export function fineArenaCandles(input: {
  hourly: readonly ArenaCandle[];
  fine: readonly LastPriceCandle[];
}): ArenaCandle[] {
  requireInput(input);
  const hours = readBars(input.hourly, 'hourly');
  const fine: readonly LastPriceCandle[] = input.fine;
  if (!Array.isArray(input.fine)) throw new CalcInputError('fine', REQUIRED, 'Give the finer candles.');
  // The finer candles as bars whose mark fields are placeholders (their own last prices), validated like any candle.
  const parts = readBars(
    fine.map((c) =>
      c === null || typeof c !== 'object'
        ? c
        : { ...c, markOpen: c.open, markHigh: c.high, markLow: c.low, markClose: c.close },
    ),
    'fine',
    1,
  );
  const byHour = new Map<number, Bar[]>();
  parts.forEach((b, i) => {
    const hour = Math.floor(b.time / HOUR_MS) * HOUR_MS;
    if (!hours.some((h) => h.time === hour)) {
      throw new CalcInputError(
        `fine[${i}].time`,
        INCONSISTENT,
        `Finer candle ${i + 1} falls in no hour of the window.`,
      );
    }
    byHour.set(hour, [...(byHour.get(hour) ?? []), b]);
  });
  const out: ArenaCandle[] = [];
  for (const h of hours) {
    const group = byHour.get(h.time);
    if (!group) continue;
    const clamp = (x: Decimal) => Decimal.min(Decimal.max(x, h.markLow), h.markHigh);
    const top = group.reduce((m, b) => Decimal.max(m, b.high), group[0].high);
    const bottom = group.reduce((m, b) => Decimal.min(m, b.low), group[0].low);
    const hiPart = group.findIndex((b) => b.high.eq(top));
    const loPart = group.findIndex((b) => b.low.eq(bottom));
    let open = h.markOpen;
    group.forEach((b, k) => {
      const close = k === group.length - 1 ? h.markClose : clamp(b.close);
      const high = k === hiPart ? h.markHigh : Decimal.max(clamp(b.high), open, close);
      const low = k === loPart ? h.markLow : Decimal.min(clamp(b.low), open, close);
      out.push({
        time: b.time,
        open: b.open,
        high: b.high,
        low: b.low,
        close: b.close,
        markOpen: open,
        markHigh: high,
        markLow: low,
        markClose: close,
      });
      open = close;
    });
  }
  return out;
}
