/**
 * Strict parser for candles the reader pastes or uploads: `time, open, high, low, close` per line, an optional header
 * line, at most 5,000 rows. Never throws; any problem comes back with the line and column it was found on.
 */

export interface ParsedCandle {
  /** As written in the file (an ISO date or a number). */
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface CsvError {
  /** 1-based line in the text. */
  line: number;
  /** 1-based column, or null when the whole line (or file) is at fault. */
  column: number | null;
  message: string;
}

export type CsvResult = { ok: true; candles: ParsedCandle[] } | { ok: false; error: CsvError };

export const MAX_ROWS = 5000;
const COLUMNS = ['time', 'open', 'high', 'low', 'close'] as const;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const HEADER_TIME = new Set(['time', 'date', 'timestamp', 'datetime']);

const fail = (line: number, column: number | null, message: string): CsvResult => ({
  ok: false,
  error: {
    line,
    column,
    message:
      column === null
        ? `Line ${line}: ${message}`
        : `Line ${line}, column ${column} (${COLUMNS[column - 1]}): ${message}`,
  },
});

const quote = (s: string) => `“${s.length > 20 ? `${s.slice(0, 20)}…` : s}”`;

/** A time as a sortable number: a plain number (epoch seconds or milliseconds, or any counter), or a date. */
function timeValue(raw: string): number | null {
  if (NUMBER.test(raw)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) return null;
  const ms = Date.parse(raw.includes(' ') ? raw.replace(' ', 'T') : raw);
  return Number.isNaN(ms) ? null : ms;
}

function isHeader(cells: string[]): boolean {
  const lower = cells.map((c) => c.toLowerCase());
  return (
    lower.length === 5 &&
    HEADER_TIME.has(lower[0] ?? '') &&
    lower[1] === 'open' &&
    lower[2] === 'high' &&
    lower[3] === 'low' &&
    lower[4] === 'close'
  );
}

/** Parses CSV text into candles, or the first error with its line and column. */
export function parseCandles(text: string): CsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const candles: ParsedCandle[] = [];
  let previous: { time: number; line: number } | null = null;
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    const cells = raw.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (!headerSeen && candles.length === 0 && isHeader(cells)) {
      headerSeen = true;
      continue;
    }
    if (candles.length === MAX_ROWS) {
      return fail(
        lineNo,
        null,
        `more than ${MAX_ROWS.toLocaleString('en-US')} candles; keep the file to ${MAX_ROWS.toLocaleString('en-US')} rows.`,
      );
    }
    if (cells.length !== 5) {
      return fail(
        lineNo,
        null,
        `has ${cells.length} column${cells.length === 1 ? '' : 's'}; expected 5: time, open, high, low, close.`,
      );
    }
    const [timeRaw, ...priceCells] = cells as [string, string, string, string, string];
    const time = timeValue(timeRaw);
    if (time === null) {
      return fail(lineNo, 1, `${quote(timeRaw)} is not a date (2020-03-12) or a number.`);
    }
    const prices: number[] = [];
    for (let c = 0; c < 4; c++) {
      const cell = priceCells[c] ?? '';
      if (!NUMBER.test(cell)) return fail(lineNo, c + 2, `${quote(cell)} is not a number.`);
      const n = Number(cell);
      if (!Number.isFinite(n) || n > 1e15) return fail(lineNo, c + 2, `${quote(cell)} is too large.`);
      if (n <= 0) return fail(lineNo, c + 2, 'prices must be above zero.');
      prices.push(n);
    }
    const [open, high, low, close] = prices as [number, number, number, number];
    if (high < Math.max(open, close)) {
      return fail(
        lineNo,
        3,
        `the high (${high}) is below the ${open > close ? 'open' : 'close'} (${Math.max(open, close)}).`,
      );
    }
    if (low > Math.min(open, close)) {
      return fail(
        lineNo,
        4,
        `the low (${low}) is above the ${open < close ? 'open' : 'close'} (${Math.min(open, close)}).`,
      );
    }
    if (previous && time <= previous.time) {
      return fail(lineNo, 1, `times must increase: ${quote(timeRaw)} is not after the time on line ${previous.line}.`);
    }
    previous = { time, line: lineNo };
    candles.push({ time: timeRaw, open, high, low, close });
  }
  if (candles.length === 0) {
    return fail(1, null, headerSeen ? 'the file has a header but no candles.' : 'the file is empty.');
  }
  return { ok: true, candles };
}
