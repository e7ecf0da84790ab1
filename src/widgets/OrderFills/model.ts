/**
 * Order fills on a real price path: reads the form's strings, takes the chosen window's candles (already loaded), and
 * hands the position and its orders to src/calc's `orderFills` (stops on the last or the mark price, a stop-limit that
 * may be skipped, a take-profit, and the liquidation on the mark price). No arithmetic here: this file only parses and
 * shapes, and words each outcome (words.ts).
 */
import { CalcInputError, orderFills } from '../../calc/index.ts';
import type { Decimal, OrderFillsResult, OrderRowId, Outcome } from '../../calc/index.ts';
import { readNumber, readPercent } from '../../input/number.ts';
import { collectErrors } from '../../input/outcome.ts';
import type { ParsedCandle } from '../Replay/csv.ts';
import type { MarketWindow } from '../Replay/parseWindow.ts';
import type { OrderFillsValues } from './params.ts';
import { liquidationSentence, rowSentence, type RowWords } from './words.ts';

import { LOADING } from './params.ts';

export { LOADING };

/** Shipped windows loaded so far, by id. */
export type OrderFillsData = Readonly<Record<string, MarketWindow>>;

/** One order as the view lists it. */
export interface OrderView extends RowWords {
  id: OrderRowId;
  /** Short name for the table ("Stop-market, last price"). */
  name: string;
  status: 'filled' | 'not-triggered' | 'not-filled';
  /** 1-based candle numbers and their times, or null. */
  triggerCandle: number | null;
  triggerTime: string | null;
  fillCandle: number | null;
  fillTime: string | null;
  fillPrice: string | null;
  slippage: string | null;
  pnl: string | null;
  /** Whether this order, on its own, closes the position before the liquidation. */
  closes: boolean;
}

/**
 * The result as the view shows it. Every amount is its exact decimal string (`toFixed()`), so the result travels as
 * JSON: the server writes the first one into the page and the widget's first render needs no calculation code.
 */
export interface OrderFillsModelResult {
  windowId: string;
  /** How many candles the window has (the entry must leave one after it). */
  candleCount: number;
  side: 'long' | 'short';
  /** 1-based number of the entry candle, and its time. */
  entryCandle: number;
  entryTime: string;
  entryPrice: string;
  leverage: string;
  margin: string;
  quantity: string;
  notional: string;
  stopPrice: string;
  limitPrice: string;
  takeProfitPrice: string;
  liquidationPrice: string | null;
  liquidation: { candle: number; time: string; price: string; gapped: boolean; pnl: string } | null;
  liquidationText: string;
  orders: OrderView[];
}

const FIELD: Record<string, keyof OrderFillsValues> = {
  margin: 'margin',
  leverage: 'leverage',
  maintenanceMarginRate: 'mmr',
  stopDistance: 'stop',
  limitOffset: 'limit',
  takeProfitDistance: 'tp',
  entryIndex: 'entry',
  side: 'side',
};
const fieldFor = (f: string): string => FIELD[f] ?? (f.startsWith('candles') ? 'window' : f);

const NAMES: Record<OrderRowId, string> = {
  'stop-last': 'Stop-market, last price',
  'stop-mark': 'Stop-market, mark price',
  'stop-limit': 'Stop-limit, last price',
  'take-profit': 'Take-profit (market), last price',
};

/** Computes which orders fill for the form's values and the windows loaded so far. */
export function computeOrderFills(v: OrderFillsValues, data: OrderFillsData): Outcome<OrderFillsModelResult> {
  const window = data[v.window];
  if (!window) return { ok: false, errors: { [LOADING]: 'Loading the price path…' } };
  return collectErrors(() => {
    const candles = window.candles;
    const side = v.side === 'short' ? 'short' : 'long';
    const long = side === 'long';
    if (candles.length < 2) {
      throw new CalcInputError('window', 'out_of_range', 'This price path has too few candles.');
    }
    const entry = readNumber(v.entry, 'entry', {
      label: 'entry candle',
      min: 1,
      max: candles.length - 1,
      integer: true,
    }).toNumber();
    const leverage = readNumber(v.leverage, 'leverage', { label: 'leverage', min: 1, max: 125 });
    const margin = readNumber(v.margin, 'margin', { label: 'margin', min: 0, minOpen: true, unit: 'USDT' });
    const stopDistance = readPercent(v.stop, 'stop', {
      label: 'stop distance',
      min: 0,
      minOpen: true,
      max: long ? 99 : 1000,
    });
    const limitOffset = readPercent(v.limit, 'limit', { label: 'limit offset', min: 0, max: long ? 50 : 100 });
    const takeProfitDistance = readPercent(v.tp, 'tp', {
      label: 'take-profit distance',
      min: 0,
      minOpen: true,
      max: long ? 1000 : 99,
    });
    const maintenanceMarginRate = readPercent(v.mmr, 'mmr', {
      label: 'maintenance margin rate',
      min: 0,
      minOpen: true,
      max: 50,
    });
    const r = orderFills({
      side,
      candles,
      entryIndex: entry - 1,
      margin,
      leverage,
      maintenanceMarginRate,
      stopDistance,
      limitOffset,
      takeProfitDistance,
    });
    return shape(r, { window, side, entry, leverage, margin });
  }, fieldFor);
}

/** The calc result, with candle numbers, times and the sentences the view shows. */
function shape(
  r: OrderFillsResult,
  ctx: { window: MarketWindow; side: 'long' | 'short'; entry: number; leverage: Decimal; margin: Decimal },
): OrderFillsModelResult {
  const candles = ctx.window.candles;
  const text = (d: Decimal) => d.toFixed();
  const orNull = (d: Decimal | null) => (d === null ? null : d.toFixed());
  const at = (i: number | null): ParsedCandle | null => (i === null ? null : (candles[i] ?? null));
  const number = (i: number | null) => (i === null ? null : i + 1);
  const liquidation = r.liquidation
    ? {
        candle: r.liquidation.index + 1,
        time: at(r.liquidation.index)?.time ?? '',
        price: text(r.liquidation.price),
        gapped: r.liquidation.gapped,
        pnl: text(r.liquidation.pnl),
      }
    : null;
  const orders = r.rows.map((row): OrderView => {
    const trigger = at(row.triggerIndex);
    const words = rowSentence({
      row,
      side: ctx.side,
      triggerCandle: trigger,
      fillCandle: at(row.fillIndex),
      liquidation: r.liquidation
        ? { candle: r.liquidation.index + 1, time: at(r.liquidation.index)?.time ?? '', price: r.liquidation.price }
        : null,
      extremes: r.extremes,
    });
    return {
      ...words,
      id: row.id,
      name: NAMES[row.id],
      status: row.status,
      triggerCandle: number(row.triggerIndex),
      triggerTime: trigger?.time ?? null,
      fillCandle: number(row.fillIndex),
      fillTime: at(row.fillIndex)?.time ?? null,
      fillPrice: orNull(row.fillPrice),
      slippage: orNull(row.slippage),
      pnl: orNull(row.pnl),
      closes: row.beforeLiquidation,
    };
  });
  return {
    windowId: ctx.window.id,
    candleCount: candles.length,
    side: ctx.side,
    entryCandle: ctx.entry,
    entryTime: candles[ctx.entry - 1]?.time ?? '',
    entryPrice: text(r.entryPrice),
    leverage: text(ctx.leverage),
    margin: text(ctx.margin),
    quantity: text(r.quantity),
    notional: text(r.notional),
    stopPrice: text(r.stopPrice),
    limitPrice: text(r.limitPrice),
    takeProfitPrice: text(r.takeProfitPrice),
    liquidationPrice: orNull(r.liquidationPrice),
    liquidation,
    liquidationText: liquidationSentence({
      side: ctx.side,
      price: r.liquidationPrice,
      liquidation: r.liquidation
        ? {
            candle: r.liquidation.index + 1,
            time: at(r.liquidation.index)?.time ?? '',
            price: r.liquidation.price,
            gapped: r.liquidation.gapped,
          }
        : null,
      margin: ctx.margin,
      extremes: r.extremes,
    }),
    orders,
  };
}
