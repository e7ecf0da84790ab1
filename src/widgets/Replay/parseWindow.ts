/**
 * Reads a shipped window file into candles, and joins it to the window's menu entry and story. Shared by the server
 * render (serverWindows.ts) and the browser's on-demand loading (windows.ts), so it imports no data itself.
 */
import type { ParsedCandle } from './csv.ts';
import type { WindowInfo } from './menu.ts';

export interface WindowSource {
  name: string;
  url: string;
}

/** A window's dated story and the sources it cites (content/scenarios/stories.json). */
export interface WindowStory {
  /** Two dated sentences: what happened, with figures from the data or from `sources`. */
  story: string;
  sources: WindowSource[];
}

/** A shipped window with its story and candles. */
export interface MarketWindow extends WindowInfo, WindowStory {
  candles: ParsedCandle[];
}

const COLUMNS = ['open_time_utc', 'perp_open', 'perp_high', 'perp_low', 'perp_close'] as const;
const MARK = ['mark_open', 'mark_high', 'mark_low', 'mark_close'] as const;

/** "2020-03-12T10:00Z" → "2020-03-12 10:00 UTC". */
const readableTime = (iso: string) => iso.replace('T', ' ').replace(/Z$/, ' UTC');

/**
 * Reads a shipped window file (header `open_time_utc, …, perp_open … perp_close, …, mark_open … mark_close`) into
 * candles of the perpetual's last price with its mark price. The files are checked by a unit test; a malformed one is
 * a bug, so this throws.
 */
export function parseWindowCsv(text: string): ParsedCandle[] {
  const lines = text.trim().split(/\r\n|\n|\r/);
  const header = (lines[0] ?? '').split(',');
  const at = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`[leverage-lab] window file has no ${name} column`);
    return i;
  };
  const [time, open, high, low, close] = COLUMNS.map(at);
  const [markOpen, markHigh, markLow, markClose] = MARK.map(at);
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    const num = (column: number | undefined) => {
      const n = Number(cells[column as number]);
      if (!(n > 0) || !Number.isFinite(n)) throw new Error(`[leverage-lab] window file: bad price on row ${i + 2}`);
      return n;
    };
    return {
      time: readableTime(cells[time] ?? ''),
      open: num(open),
      high: num(high),
      low: num(low),
      close: num(close),
      markOpen: num(markOpen),
      markHigh: num(markHigh),
      markLow: num(markLow),
      markClose: num(markClose),
    };
  });
}

/** A window's menu entry, its story and its candles read from the file's text. */
export function buildWindow(info: WindowInfo | undefined, story: WindowStory | undefined, text: string): MarketWindow {
  if (!info || !story) throw new Error(`[leverage-lab] no replay window or story for "${info?.id ?? '?'}"`);
  return { ...info, ...story, candles: parseWindowCsv(text) };
}
