/**
 * Which closing orders fill on a price path, where and when: stop-market and stop-limit orders triggered by the last
 * or the mark price, take-profit-market orders, and the liquidation they race against. Candles are read by
 * {@link readCandle} and the position and its liquidation come from {@link replayTrade}, so this module only adds the
 * orders' own rules.
 *
 * Sources: Binance, "What Is Stop Order" (a stop-limit places a limit order once its stop price is reached; a
 * stop-market places a market order, which may fill worse than the last price seen; the trigger may be the last or
 * the mark price), https://www.binance.com/en/support/faq/what-is-stop-order-360036351051 ; Binance, "How to Place
 * Stop-Loss and Take-Profit Orders on Binance Futures",
 * https://www.binance.com/en/support/faq/how-to-place-stop-loss-and-take-profit-orders-on-binance-futures-360040016512 ;
 * Binance API, New Algo Order (types STOP, STOP_MARKET, TAKE_PROFIT_MARKET; `workingType` MARK_PRICE or
 * CONTRACT_PRICE, default CONTRACT_PRICE; `reduceOnly`),
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/New-Algo-Order ; Bybit,
 * "Liquidation Process (USDT Contract)" (liquidation on the mark price),
 * https://help.bybit.com/hc/en-us/articles/900000167723-Liquidation-Process-USDT-Contract-
 */
import { Decimal, type Numeric, ONE } from './decimal.ts';
import { CalcInputError, REQUIRED } from './errors.ts';
import { pnlOf } from './pnl.ts';
import { type Bar, type Candle, readCandle, replayTrade } from './replay.ts';
import { type Side, ensure, nonNegative, parseOption, parseSide, positive, requireInput } from './validate.ts';

/** A closing order: a stop-loss as a market or a limit order, or a take-profit as a market order. */
export type CloseOrderType = 'stop-market' | 'stop-limit' | 'take-profit-market';

/** The price an order's trigger watches: the last traded price or the mark price. */
export type TriggerSource = 'last' | 'mark';

/** A closing (reduce-only) order on an open position. */
export interface CloseOrder {
  type: CloseOrderType;
  /** The stop or take-profit price that triggers the order. */
  triggerPrice: Numeric;
  /** Stop-limit only: the worst price the triggered limit order accepts (at or below the trigger for a long's stop). */
  limitPrice?: Numeric;
  /** Default `'last'` (Binance's CONTRACT_PRICE default). */
  triggerBy?: TriggerSource;
}

/** `filled`; `not-triggered` (the price never reached the trigger); `not-filled` (triggered, but the limit never traded). */
export type FillStatus = 'filled' | 'not-triggered' | 'not-filled';

/** What happened to one closing order; indices count from the first candle given. */
export interface CloseOrderFill {
  status: FillStatus;
  /** The candle whose (watched) price reached the trigger, or null. */
  triggerIndex: number | null;
  /** True when that candle already opened beyond the trigger: a gap, triggered at the open. */
  gapped: boolean;
  /** The watched price's open of the trigger candle when it gapped, else the trigger price; null when not triggered. */
  triggeredAt: Decimal | null;
  fillIndex: number | null;
  fillPrice: Decimal | null;
  /**
   * How much worse than the trigger price the fill was, in price units: `trigger − fill` for a sell (closing a long),
   * `fill − trigger` for a buy (closing a short). Negative when the fill was better. Null when not filled.
   */
  slippage: Decimal | null;
  /**
   * Stop-limit only: the trigger candle also traded beyond the limit price (through both levels within one candle, or
   * a gap past both). The candle cannot show whether the order filled on the way, so it is counted as skipped, and
   * fills only if the last price later comes back to the limit.
   */
  skipped: boolean;
  /** The last price's most adverse point in the trigger candle (its low for a long's sell); null when not triggered. */
  extreme: Decimal | null;
}

/** The order's side of the book: closing a long sells, closing a short buys. */
const closesBySelling = (side: Side) => side === 'long';

/**
 * Walks the candles and reports whether, where and when one reduce-only closing order fills. `side` is the position's
 * side; the order closes it (a long's orders sell).
 *
 * Rules, for a long (a short mirrors them):
 * - **Trigger.** A stop triggers at the first candle whose watched price (last or mark) reaches the trigger: its open
 *   at or below it (a gap) or its low at or below it. A take-profit triggers on the high (or open) at or above it.
 * - **Stop-market and take-profit-market** fill at once, as market orders: at the last price's open when the candle
 *   gapped, else at the trigger price, held inside the candle's last-price range `[low, high]` (a mark-price trigger
 *   can fire while the last price is elsewhere). `slippage = trigger − fill`.
 * - **Stop-limit** places a sell limit order at `limit ≤ trigger`. If the trigger candle's last low stays at or above
 *   the limit, it fills where it was triggered (the open when gapped, else the trigger price, in `[low, high]`), never
 *   below the limit. If the trigger candle traded below the limit too, the order is taken as **skipped** (the price
 *   ran through both levels faster than one candle can show, as in a gap) and rests at the limit: it fills at the
 *   limit only when the last price comes back to it, at that candle's close (`close ≥ limit`) or on the high of a later
 *   candle. If it never does, the status is `not-filled`.
 * Sources: see the module comment (Binance "What Is Stop Order": a stop-limit's limit order may not fill; the market
 * order of a stop-market may fill worse than the trigger in fast markets).
 * @throws CalcInputError for a missing or unknown type or trigger source, a non-positive price, a stop-limit without
 *   a limit price or with one on the wrong side of its trigger (`limitPrice`), and an invalid candle.
 * @example fillCloseOrder({ side: 'long', order: { type: 'stop-market', triggerPrice: 95 },
 *   candles: [{ time: 1, open: 100, high: 101, low: 94, close: 96 }] }).fillPrice // 95
 */
export function fillCloseOrder(input: { side: Side; order: CloseOrder; candles: readonly Candle[] }): CloseOrderFill {
  requireInput(input);
  const side = parseSide(input.side);
  if (input.order === null || typeof input.order !== 'object') {
    throw new CalcInputError('order', REQUIRED, 'Describe the order: its type and trigger price.');
  }
  const type = parseOption(input.order.type, 'type', ['stop-market', 'stop-limit', 'take-profit-market'] as const);
  const source = parseOption(input.order.triggerBy, 'triggerBy', ['last', 'mark'] as const, 'last');
  const trigger = positive(input.order.triggerPrice, 'triggerPrice');
  const sell = closesBySelling(side);
  let limit: Decimal | null = null;
  if (type === 'stop-limit') {
    if (input.order.limitPrice === undefined || input.order.limitPrice === null) {
      throw new CalcInputError('limitPrice', REQUIRED, 'A stop-limit order needs a limit price.');
    }
    limit = positive(input.order.limitPrice, 'limitPrice');
    ensure(
      sell ? limit.lte(trigger) : limit.gte(trigger),
      'limitPrice',
      sell
        ? 'For a long, the stop-limit’s limit price must be at or below its trigger price.'
        : 'For a short, the stop-limit’s limit price must be at or above its trigger price.',
    );
  }
  if (!Array.isArray(input.candles)) {
    throw new CalcInputError('candles', REQUIRED, 'The order needs a list of candles.');
  }
  const candles: readonly Candle[] = input.candles;
  const bars = candles.map((c, i) => readCandle(c, i));
  // A stop waits for the price to move against the position; a take-profit for it to move in its favour.
  const stop = type !== 'take-profit-market';
  // `down`: the order triggers on a falling price (a long's stop, a short's take-profit).
  const down = stop === sell;
  const t = trigger.toNumber();
  const none: CloseOrderFill = {
    status: 'not-triggered',
    triggerIndex: null,
    gapped: false,
    triggeredAt: null,
    fillIndex: null,
    fillPrice: null,
    slippage: null,
    skipped: false,
    extreme: null,
  };
  const slip = (fill: Decimal) => (sell ? trigger.minus(fill) : fill.minus(trigger));
  for (let i = 0; i < bars.length; i++) {
    const bar: Bar = bars[i];
    const w =
      source === 'mark'
        ? { open: bar.markOpen, high: bar.markHigh, low: bar.markLow }
        : { open: bar.open, high: bar.high, low: bar.low };
    const gapped = down ? w.open <= t : w.open >= t;
    const reached = gapped || (down ? w.low <= t : w.high >= t);
    if (!reached) continue;
    const triggeredAt = gapped ? new Decimal(w.open) : trigger;
    // Where the last price stood when the order went in: its open on a gap, else the trigger held within the candle.
    const placedAt = gapped ? new Decimal(bar.open) : Decimal.min(Decimal.max(trigger, bar.low), bar.high);
    const extreme = new Decimal(sell ? bar.low : bar.high);
    const base = { triggerIndex: i, gapped, triggeredAt, extreme };
    if (limit === null) {
      return { ...base, status: 'filled', fillIndex: i, fillPrice: placedAt, slippage: slip(placedAt), skipped: false };
    }
    // A stop-limit: filled where it went in unless the candle also traded beyond the limit.
    const beyondLimit = sell ? extreme.lt(limit) : extreme.gt(limit);
    if (!beyondLimit) {
      return { ...base, status: 'filled', fillIndex: i, fillPrice: placedAt, slippage: slip(placedAt), skipped: false };
    }
    // Skipped on the way: it rests at the limit until the last price trades back to it.
    const l = limit.toNumber();
    const backBy = (j: number) => {
      const b: Bar = bars[j];
      if (j === i) return sell ? b.close >= l : b.close <= l;
      return sell ? b.high >= l : b.low <= l;
    };
    for (let j = i; j < bars.length; j++) {
      if (backBy(j)) {
        return { ...base, status: 'filled', fillIndex: j, fillPrice: limit, slippage: slip(limit), skipped: true };
      }
    }
    return { ...base, status: 'not-filled', fillIndex: null, fillPrice: null, slippage: null, skipped: true };
  }
  return none;
}

/** Input of {@link orderFills}: the position as in {@link replayTrade}, and the orders as distances from entry. */
export interface OrderFillsInput {
  side: Side;
  candles: readonly Candle[];
  /** 0-based index of the candle at whose (last-price) close the position opens; at least one candle must follow. */
  entryIndex: number;
  /** Initial margin in quote currency (USDT), isolated. */
  margin: Numeric;
  leverage: Numeric;
  /** Maintenance margin rate as a fraction (0.005 = 0.5 %). */
  maintenanceMarginRate: Numeric;
  /** Stop distance from entry, a fraction (0.03 = 3 % against the position); one trigger for all three stops. */
  stopDistance: Numeric;
  /** The stop-limit's limit beyond its trigger, as a fraction of the trigger (0.005 = 0.5 %); 0 puts it at the trigger. */
  limitOffset: Numeric;
  /** Take-profit distance from entry, a fraction (0.05 = 5 % in the position's favour). */
  takeProfitDistance: Numeric;
}

/** Which of the lesson's orders a result row is. */
export type OrderRowId = 'stop-last' | 'stop-mark' | 'stop-limit' | 'take-profit';

/** One order's outcome on the whole candle list (indices count from the first candle of the list). */
export interface OrderRow extends CloseOrderFill {
  id: OrderRowId;
  order: { type: CloseOrderType; triggerBy: TriggerSource; triggerPrice: Decimal; limitPrice: Decimal | null };
  /** Realised PnL if this order alone closes the whole position: `s × q × (fill − entry)`; null when not filled. */
  pnl: Decimal | null;
  /**
   * Whether the fill comes while the position is still open: before the liquidation's candle, or in the same candle
   * when the order is a stop nearer to entry than the liquidation price and the liquidation did not come at the open.
   * A take-profit sharing the liquidation's candle is counted after it (pessimistic, as {@link replay}). False when
   * not filled.
   */
  beforeLiquidation: boolean;
}

/** Result of {@link orderFills}. */
export interface OrderFillsResult {
  entryPrice: Decimal;
  quantity: Decimal;
  notional: Decimal;
  liquidationPrice: Decimal | null;
  /** The liquidation on the mark price with no other order in place, or null. */
  liquidation: { index: number; price: Decimal; gapped: boolean; pnl: Decimal } | null;
  stopPrice: Decimal;
  limitPrice: Decimal;
  takeProfitPrice: Decimal;
  /** Stop-market on the last price, stop-market on the mark price, stop-limit on the last price, take-profit. */
  rows: OrderRow[];
  /** Lowest and highest last and mark prices after the entry, as {@link replayTrade} gives them (plain numbers). */
  extremes: { lastLow: number; lastHigh: number; markLow: number; markHigh: number };
}

/**
 * The lesson's four orders on one position, each on its own as if it were the only order, beside the liquidation.
 * The position, its liquidation price (isolated, maintenance on the notional at liquidation) and the liquidation
 * candle come from {@link replayTrade}, checked on the mark price. Stop trigger `entry × (1 − d)` for a long,
 * `entry × (1 + d)` for a short; stop-limit limit `stop × (1 − o)` for a long, `stop × (1 + o)` for a short;
 * take-profit `entry × (1 + t)` for a long, `entry × (1 − t)` for a short; fills from {@link fillCloseOrder} on the
 * candles after the entry. Realised PnL of a fill `s × q × (fill − entry)` (fees left out); a liquidation loses the
 * whole margin. Orders are reduce-only: one filling after the liquidation does nothing (`beforeLiquidation: false`).
 * Sources: as {@link fillCloseOrder} and {@link replayTrade}.
 * @throws CalcInputError as {@link replayTrade}, and for a stop distance of 100 % or more on a long
 *   (`stopDistance`), a take-profit of 100 % or more on a short (`takeProfitDistance`), a negative limit offset or
 *   one of 100 % or more on a long (`limitOffset`). A stop beyond the liquidation price is allowed: it never protects.
 * @example orderFills({ side: 'long', entryIndex: 0, margin: 1000, leverage: 10, maintenanceMarginRate: 0.005,
 *   stopDistance: 0.05, limitOffset: 0.01, takeProfitDistance: 0.1, candles }).rows[0].fillPrice
 */
export function orderFills(input: OrderFillsInput): OrderFillsResult {
  requireInput(input);
  const side = parseSide(input.side);
  const long = side === 'long';
  const stopD = positive(input.stopDistance, 'stopDistance');
  if (long) ensure(stopD.lt(ONE), 'stopDistance', 'The stop must be less than 100% below the entry price.');
  const tpD = positive(input.takeProfitDistance, 'takeProfitDistance');
  if (!long) ensure(tpD.lt(ONE), 'takeProfitDistance', 'The take-profit must be less than 100% below the entry price.');
  const offset = nonNegative(input.limitOffset, 'limitOffset');
  if (long) ensure(offset.lt(ONE), 'limitOffset', 'The limit must be less than 100% below the stop price.');
  const trade = replayTrade({
    side,
    candles: input.candles,
    entryIndex: input.entryIndex,
    margin: input.margin,
    leverage: input.leverage,
    maintenanceMarginRate: input.maintenanceMarginRate,
  });
  const { entryPrice, quantity } = trade;
  const stopPrice = entryPrice.times(long ? ONE.minus(stopD) : ONE.plus(stopD));
  const limitPrice = stopPrice.times(long ? ONE.minus(offset) : ONE.plus(offset));
  const takeProfitPrice = entryPrice.times(long ? ONE.plus(tpD) : ONE.minus(tpD));
  const after = input.candles.slice(input.entryIndex + 1);
  const first = input.entryIndex + 1;
  const liqEnd = trade.end && trade.end.outcome === 'liquidation' ? trade.end : null;
  const liquidation = liqEnd
    ? {
        index: liqEnd.candleIndex,
        price: liqEnd.price,
        gapped: trade.liquidationPrice !== null && !liqEnd.price.eq(trade.liquidationPrice),
        pnl: trade.balance.neg(),
      }
    : null;
  const specs: { id: OrderRowId; order: Required<Omit<CloseOrder, 'limitPrice'>> & { limitPrice?: Decimal } }[] = [
    { id: 'stop-last', order: { type: 'stop-market', triggerPrice: stopPrice, triggerBy: 'last' } },
    { id: 'stop-mark', order: { type: 'stop-market', triggerPrice: stopPrice, triggerBy: 'mark' } },
    { id: 'stop-limit', order: { type: 'stop-limit', triggerPrice: stopPrice, limitPrice, triggerBy: 'last' } },
    { id: 'take-profit', order: { type: 'take-profit-market', triggerPrice: takeProfitPrice, triggerBy: 'last' } },
  ];
  const nearer = (price: Decimal, than: Decimal) => (long ? price.gt(than) : price.lt(than));
  const rows = specs.map(({ id, order }): OrderRow => {
    const fill = fillCloseOrder({ side, order, candles: after });
    const shift = (i: number | null) => (i === null ? null : i + first);
    const fillIndex = shift(fill.fillIndex);
    let beforeLiquidation = fill.status === 'filled';
    if (beforeLiquidation && liquidation && fillIndex !== null) {
      if (fillIndex > liquidation.index) beforeLiquidation = false;
      else if (fillIndex === liquidation.index) {
        beforeLiquidation =
          order.type !== 'take-profit-market' &&
          !liquidation.gapped &&
          trade.liquidationPrice !== null &&
          nearer(order.triggerPrice as Decimal, trade.liquidationPrice);
      }
    }
    return {
      ...fill,
      id,
      triggerIndex: shift(fill.triggerIndex),
      fillIndex,
      order: {
        type: order.type,
        triggerBy: order.triggerBy,
        triggerPrice: order.triggerPrice as Decimal,
        limitPrice: order.limitPrice ?? null,
      },
      pnl: fill.fillPrice ? pnlOf(side, 'linear', quantity, entryPrice, fill.fillPrice) : null,
      beforeLiquidation,
    };
  });
  return {
    entryPrice,
    quantity,
    notional: trade.notional,
    liquidationPrice: trade.liquidationPrice,
    liquidation,
    stopPrice,
    limitPrice,
    takeProfitPrice,
    rows,
    extremes: trade.extremes,
  };
}
