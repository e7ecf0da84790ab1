/**
 * Each order's outcome in words, from the calc result: no arithmetic here (comparisons and formatting only). A long's
 * orders sell into a falling price; a short's buy into a rising one, so "lowest" becomes "highest" and so on.
 */
import type { Decimal, OrderRow } from '../../calc/index.ts';
import { formatMoney, formatPrice } from '../../format/numbers.ts';
import type { ParsedCandle } from '../Replay/csv.ts';

const price = (d: Decimal | number) => formatPrice(d, { unit: 'USDT' });
const usdt = (d: Decimal) => formatMoney(d, { unit: 'USDT', signed: true });

/** The words of one order. */
export interface RowWords {
  /** "7,541.47 USDT", or "7,541.47 / 7,503.76 USDT" (trigger / limit) for a stop-limit. */
  levels: string;
  /** One or two sentences: what happened to the order and why. */
  sentence: string;
}

type Extremes = { lastLow: number; lastHigh: number; markLow: number; markHigh: number };

interface LiquidationWhen {
  candle: number;
  time: string;
  price: Decimal;
}

const LABEL = {
  'stop-last': 'Stop-market on the last price',
  'stop-mark': 'Stop-market on the mark price',
  'stop-limit': 'Stop-limit on the last price',
  'take-profit': 'Take-profit on the last price',
} as const;

/** Words for one order row. */
export function rowSentence(input: {
  row: OrderRow;
  side: 'long' | 'short';
  triggerCandle: ParsedCandle | null;
  fillCandle: ParsedCandle | null;
  liquidation: LiquidationWhen | null;
  extremes: Extremes;
}): RowWords {
  const { row, side, triggerCandle, liquidation, extremes } = input;
  const long = side === 'long';
  const stop = row.id !== 'take-profit';
  const trigger = row.order.triggerPrice;
  const levels = row.order.limitPrice
    ? `${formatPrice(trigger, { unit: '' }).trim()} / ${price(row.order.limitPrice)}`
    : price(trigger);
  const name = `${LABEL[row.id]} at ${levels}`;
  const candleName = (n: number | null, c: ParsedCandle | null) => (n === null || !c ? '' : `candle ${n} (${c.time})`);
  const triggerAt = candleName(row.triggerIndex === null ? null : row.triggerIndex + 1, triggerCandle);
  const fillAt = candleName(row.fillIndex === null ? null : row.fillIndex + 1, input.fillCandle);

  if (row.status === 'not-triggered') {
    const byMark = row.order.triggerBy === 'mark';
    // A long's stop and a short's take-profit wait for a fall; the others for a rise.
    const falls = stop === long;
    const extreme = falls
      ? byMark
        ? extremes.markLow
        : extremes.lastLow
      : byMark
        ? extremes.markHigh
        : extremes.lastHigh;
    const what = stop ? 'the stop' : 'the target';
    return {
      levels,
      sentence: `${name}: never triggered. The ${byMark ? 'mark' : 'last'} price’s ${falls ? 'lowest' : 'highest'} after entry was ${price(extreme)}, ${falls ? 'above' : 'below'} ${what}.`,
    };
  }

  const moved = long === stop ? 'fell' : 'rose';
  const open = triggerCandle ? price(triggerCandle.open) : '';
  const extreme = row.extreme ? price(row.extreme) : '';
  let how: string;
  if (row.id === 'stop-limit' && row.skipped) {
    const path = row.gapped
      ? `the price gapped past both levels: it opened at ${open} and went on to ${extreme}`
      : `the price ${moved} from ${open} to ${extreme} within the hour, through the trigger and the limit`;
    how =
      row.status === 'filled'
        ? `triggered on ${triggerAt}, where ${path}. The limit order waited and filled at ${price(row.order.limitPrice ?? trigger)} only when the price came back, on ${fillAt}`
        : `never filled. On ${triggerAt} ${path}, and it never came back to ${price(row.order.limitPrice ?? trigger)}. The position stayed open${liquidation ? ` and was liquidated on candle ${liquidation.candle} (${liquidation.time})` : ''}`;
  } else if (row.gapped && row.fillPrice) {
    how = `triggered on ${triggerAt}, which opened at ${open}, already past ${stop ? 'the stop' : 'the target'}; as a market order it filled at ${price(row.fillPrice)}`;
  } else if (row.fillPrice && !row.fillPrice.eq(trigger)) {
    how = `triggered on ${triggerAt} when the mark price reached it; the last price never traded there in that hour, so the market order filled at ${price(row.fillPrice)}`;
  } else {
    how = `triggered and filled at ${price(row.fillPrice ?? trigger)} on ${triggerAt}`;
  }
  let close = '';
  if (row.status === 'filled' && row.pnl) {
    close = row.beforeLiquidation
      ? ` Realised PnL ${usdt(row.pnl)}.`
      : liquidation
        ? ` Too late: the position was liquidated first, on candle ${liquidation.candle} (${liquidation.time}), and a reduce-only order has nothing left to close.`
        : '';
  }
  return { levels, sentence: `${name}: ${how}.${close}` };
}

/** The liquidation in words. */
export function liquidationSentence(input: {
  side: 'long' | 'short';
  price: Decimal | null;
  liquidation: (LiquidationWhen & { gapped: boolean }) | null;
  margin: Decimal;
  extremes: Extremes;
}): string {
  const { side, liquidation, extremes } = input;
  if (input.price === null) return 'This position has no liquidation price: it cannot lose more than its margin.';
  const at = `Liquidation at ${price(input.price)} (on the mark price)`;
  if (!liquidation) {
    const long = side === 'long';
    return `${at}: never reached. The mark price’s ${long ? 'lowest' : 'highest'} after entry was ${price(long ? extremes.markLow : extremes.markHigh)}.`;
  }
  const where = liquidation.gapped
    ? `the mark price opened past it at ${price(liquidation.price)} on candle ${liquidation.candle} (${liquidation.time})`
    : `the mark price reached it on candle ${liquidation.candle} (${liquidation.time})`;
  return `${at}: ${where}. If no order closed the position first, the whole ${formatMoney(input.margin, { unit: 'USDT' })} of margin is lost there.`;
}
