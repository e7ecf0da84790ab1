/**
 * The window a replay shows first travels inside the server-rendered page as a JSON block, not in the JavaScript
 * bundle: the server writes it (serverWindows.ts has every file), the browser reads it back before hydrating, so both
 * render the same candles and the page's scripts carry no price data. The first result travels the same way, in a
 * second block, so the first render needs no calculation code either (see shown.ts).
 */
import type { ParsedCandle } from './csv.ts';
import type { MarketWindow } from './parseWindow.ts';
import type { ReplayShown } from './shown.ts';

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

/** The attribute that marks a replay's first result; its value is `<idPrefix>:<window id>`, as for the window. */
export const RESULT_ATTRIBUTE = 'data-replay-result';

type ResultBlock = Omit<ReplayShown, 'window' | 'candles'>;

/** The first result as the text of a `<script type="application/json">`, without the window it was run on. */
export function resultBlockText(r: ReplayShown): string {
  const { window: _window, candles: _candles, ...rest } = r;
  return JSON.stringify(rest satisfies ResultBlock).replace(/</g, '\\u003c');
}

/** Reads a block written by {@link resultBlockText}, back on the window it was run on. */
export function resultFromBlock(text: string, window: MarketWindow): ReplayShown {
  const rest = JSON.parse(text) as ResultBlock;
  return { ...rest, window, candles: window.candles };
}
