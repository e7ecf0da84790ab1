/**
 * The replay's result as the view shows it, with no calculation code: model.ts's result with every Decimal as its
 * exact decimal string (`toFixed()`, never exponent notation), which the formatters of src/format print digit for
 * digit. The server writes the first one into the page (hydrate.ts), so the widget's first render needs neither
 * decimal.js nor src/calc; model.ts loads after hydration and makes the next ones (`showReplay`).
 */
import { formatPrice } from '../../format/numbers.ts';
import type { ReplayEnd, ReplayModelResult } from './model.ts';

/** What the page says while a path (or the calculation code) is on its way: not an input error. */
export const LOADING = 'loading';

export interface ReplayShownEnd extends Omit<ReplayEnd, 'price' | 'move'> {
  price: string;
  /** Price move from entry to the end, as a fraction. */
  move: string;
}

/** {@link ReplayModelResult} with its Decimals as exact decimal strings. */
export interface ReplayShown extends Omit<
  ReplayModelResult,
  | 'entryPrice'
  | 'leverage'
  | 'margin'
  | 'balance'
  | 'quantity'
  | 'notional'
  | 'liquidation'
  | 'stop'
  | 'takeProfit'
  | 'end'
  | 'equity'
  | 'finalPnl'
> {
  entryPrice: string;
  leverage: string;
  margin: string;
  balance: string;
  quantity: string;
  notional: string;
  liquidation: string | null;
  stop: string | null;
  takeProfit: string | null;
  end: ReplayShownEnd | null;
  equity: (string | null)[];
  finalPnl: string;
  /** Whether the final profit or loss is negative (a negative zero included, which its text does not show). */
  loss: boolean;
}

/** Prices of any size, or "none": more digits for small ones (a CSV of a 0.5 USDT coin). */
export function priceText(price: string | number | null | undefined): string {
  if (price === null || price === undefined) return 'none';
  // The size only picks the digits: near 10 either choice shows "10.00", so a float is exact enough here.
  return formatPrice(price, { digits: Math.abs(Number(price)) < 10 ? 4 : 2 });
}
