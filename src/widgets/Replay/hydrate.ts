/**
 * The window a replay shows first travels inside the server-rendered page as a JSON block, not in the JavaScript
 * bundle: the server writes it (serverWindows.ts has every file), the browser reads it back before hydrating, so both
 * render the same candles and the page's scripts carry no price data.
 */
import type { ParsedCandle } from './csv.ts';
import type { MarketWindow } from './parseWindow.ts';

type Row = [string, number, number, number, number, number, number, number, number];
interface Block extends Omit<MarketWindow, 'candles'> {
  rows: Row[];
}

/** The attribute that marks a replay's data block; its value is `<idPrefix>:<window id>`. */
export const BLOCK_ATTRIBUTE = 'data-replay-window';

/** A window as the text of a `<script type="application/json">` (rows of nine values, `<` escaped). */
export function windowBlockText(w: MarketWindow): string {
  const { candles, ...info } = w;
  const rows = candles.map((c): Row => [
    c.time,
    c.open,
    c.high,
    c.low,
    c.close,
    c.markOpen ?? c.open,
    c.markHigh ?? c.high,
    c.markLow ?? c.low,
    c.markClose ?? c.close,
  ]);
  return JSON.stringify({ ...info, rows } satisfies Block).replace(/</g, '\\u003c');
}

/** Reads a block written by {@link windowBlockText}. */
export function windowFromBlock(text: string): MarketWindow {
  const { rows, ...info } = JSON.parse(text) as Block;
  const candles = rows.map(([time, open, high, low, close, markOpen, markHigh, markLow, markClose]): ParsedCandle => ({
    time,
    open,
    high,
    low,
    close,
    markOpen,
    markHigh,
    markLow,
    markClose,
  }));
  return { ...info, candles };
}
