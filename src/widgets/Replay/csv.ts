/**
 * Strict parser for candles the reader pastes or uploads: `time, open, high, low, close` per line, optionally followed
 * by the mark price's `mark_open, mark_high, mark_low, mark_close`; an optional header line; at most 5,000 rows. Every
 * cell is capped in length and read with the input module's linear number pattern, so a pasted novel costs no more
 * than a short file. Never throws; a problem comes back as one plain message naming its line and column.
 */
import type { Outcome } from '../../calc/index.ts';
import { MAX_INPUT_LENGTH, isNumberText } from '../../input/number.ts';

export interface ParsedCandle {
  /** As written in the file (an ISO date or a number), or as the shipped windows show it ("2020-03-12 10:00 UTC"). */
  time: string;
  /** The last (traded) price. */
  open: number;
  high: number;
  low: number;
  close: number;
  /** The mark price over the same period, when the candles carry it. */
  markOpen?: number;
  markHigh?: number;
  markLow?: number;
  markClose?: number;
}

/** Candles read from a CSV, and whether they carry a mark price (else the last price stands in for it). */
export interface CsvCandles {
  candles: ParsedCandle[];
  hasMark: boolean;
}

export const MAX_ROWS = 5000;
/** The field the parser's messages belong to. */
export const CSV_FIELD = 'csv';

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'mark open', 'mark high', 'mark low', 'mark close'] as const;
const HEADER_TIME = new Set(['time', 'date', 'timestamp', 'datetime']);
const HEADER_PRICES = ['open', 'high', 'low', 'close', 'markopen', 'markhigh', 'marklow', 'markclose'];
/** A date, optionally with a time and zone; capped in length before it is matched. */
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const fail = (line: number, column: number | null, message: string): Outcome<never> => ({
  ok: false,
  errors: {
    [CSV_FIELD]:
      column === null
        ? `Line ${line}: ${message}`
        : `Line ${line}, column ${column} (${COLUMNS[column - 1]}): ${message}`,
  },
});

const quote = (s: string) => `“${s.length > 20 ? `${s.slice(0, 20)}…` : s}”`;

/** A time as a sortable number: a plain number (epoch seconds or milliseconds, or any counter), or a date. */
function timeValue(raw: string): number | null {
  if (raw.length > MAX_INPUT_LENGTH) return null;
  if (isNumberText(raw)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  if (!DATE.test(raw)) return null;
  const ms = Date.parse(raw.includes(' ') ? raw.replace(' ', 'T') : raw);
  return Number.isNaN(ms) ? null : ms;
}

function isHeader(cells: string[]): boolean {
  const names = cells.map((c) => c.toLowerCase().replace(/[\s_-]/g, ''));
  return (
    (names.length === 5 || names.length === 9) &&
    HEADER_TIME.has(names[0] ?? '') &&
    names.slice(1).every((name, i) => name === HEADER_PRICES[i])
  );
}

/** Reads one price cell, or says what is wrong with it. */
function priceCell(cell: string): number | string {
  if (cell.length > MAX_INPUT_LENGTH) return `${quote(cell)} is too long for a number.`;
  if (!isNumberText(cell)) return `${quote(cell)} is not a number.`;
  const n = Number(cell);
  if (!Number.isFinite(n) || n > 1e15) return `${quote(cell)} is too large.`;
  if (n <= 0) return 'prices must be above zero.';
  return n;
}

/** Checks that open and close lie within [low, high]; `first` is the column of the open. */
function rangeError(first: number, [open, high, low, close]: number[], words = ''): [number, string] | null {
  const o = open;
  const c = close;
  const h = high;
  const l = low;
  if (h < Math.max(o, c)) {
    return [first + 1, `the ${words}high (${h}) is below the ${words}${o > c ? 'open' : 'close'} (${Math.max(o, c)}).`];
  }
  if (l > Math.min(o, c)) {
    return [first + 2, `the ${words}low (${l}) is above the ${words}${o < c ? 'open' : 'close'} (${Math.min(o, c)}).`];
  }
  return null;
}

/** Parses CSV text into candles, or the first problem as `{ csv: "Line 3, column 2 (open): …" }`. */
export function parseCandles(text: string): Outcome<CsvCandles> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const candles: ParsedCandle[] = [];
  let previous: { time: number; line: number } | null = null;
  let headerSeen = false;
  let width: 5 | 9 | null = null;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    const cells = raw.split(',').map((c) => {
      const t = c.trim();
      return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
    });
    if (!headerSeen && candles.length === 0 && isHeader(cells)) {
      headerSeen = true;
      width = cells.length as 5 | 9;
      continue;
    }
    if (candles.length === MAX_ROWS) {
      return fail(
        lineNo,
        null,
        `more than ${MAX_ROWS.toLocaleString('en-US')} candles; keep the file to ${MAX_ROWS.toLocaleString('en-US')} rows.`,
      );
    }
    if ((width === null && cells.length !== 5 && cells.length !== 9) || (width !== null && cells.length !== width)) {
      const expected =
        width === 5
          ? '5: time, open, high, low, close'
          : width === 9
            ? '9: time, open, high, low, close, mark open, mark high, mark low, mark close'
            : '5 (time, open, high, low, close) or 9 (the same and mark open, high, low, close)';
      return fail(lineNo, null, `has ${cells.length} column${cells.length === 1 ? '' : 's'}; expected ${expected}.`);
    }
    width ??= cells.length as 5 | 9;
    const timeRaw = cells[0];
    const time = timeValue(timeRaw);
    if (time === null) {
      return fail(lineNo, 1, `${quote(timeRaw)} is not a date (2020-03-12) or a number.`);
    }
    const prices: number[] = [];
    for (let c = 1; c < cells.length; c++) {
      const value = priceCell(cells[c]);
      if (typeof value === 'string') return fail(lineNo, c + 1, value);
      prices.push(value);
    }
    const last = rangeError(2, prices.slice(0, 4));
    if (last) return fail(lineNo, last[0], last[1]);
    if (width === 9) {
      const mark = rangeError(6, prices.slice(4, 8), 'mark ');
      if (mark) return fail(lineNo, mark[0], mark[1]);
    }
    if (previous && time <= previous.time) {
      return fail(lineNo, 1, `times must increase: ${quote(timeRaw)} is not after the time on line ${previous.line}.`);
    }
    previous = { time, line: lineNo };
    const [open, high, low, close, markOpen, markHigh, markLow, markClose] = prices;
    candles.push(
      width === 9
        ? {
            time: timeRaw,
            open: open,
            high: high,
            low: low,
            close: close,
            markOpen,
            markHigh,
            markLow,
            markClose,
          }
        : { time: timeRaw, open: open, high: high, low: low, close: close },
    );
  }
  if (candles.length === 0) {
    return fail(1, null, headerSeen ? 'the file has a header but no candles.' : 'the file is empty.');
  }
  return { ok: true, value: { candles, hasMark: width === 9 } };
}
