/**
 * Loads a crash window's candles for the practice arena when the reader presses Start: the same files and parser as
 * the price-path replay (src/widgets/Replay/parseWindow.ts), plus the spot close and the open time in milliseconds
 * from the same rows, and the 15-minute perpetual file where one exists. Binance market data via Binance Vision,
 * CC BY-NC-SA 4.0 (content/market-data/crash-windows/NOTICE.md).
 */
import { parseWindowCsv } from '../Replay/parseWindow.ts';

export interface ArenaBar {
  /** Open time, epoch ms (UTC). */
  time: number;
  /** "2021-07-26 01:00 UTC". */
  label: string;
  open: number;
  high: number;
  low: number;
  close: number;
  markOpen: number;
  markHigh: number;
  markLow: number;
  markClose: number;
  /** Null at 15-minute steps: the 15-minute file has no spot price. */
  spotClose: number | null;
}

export interface QuarterBar {
  time: number;
  label: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

type Loader = () => Promise<{ default: string }>;
/** One literal import per file (the same as the replay's, so the bundler shares the chunks). */
const LOADERS: Readonly<Record<string, Loader>> = {
  'btc-2020-03': () => import('../../../content/market-data/crash-windows/w1_2020-03-12_black-thursday_1h.csv?raw'),
  'btc-2021-05': () => import('../../../content/market-data/crash-windows/w2_2021-05-19_china-ban_1h.csv?raw'),
  'btc-2022-11': () => import('../../../content/market-data/crash-windows/w3_2022-11-08_ftx_1h.csv?raw'),
  'btc-2024-08': () => import('../../../content/market-data/crash-windows/w4_2024-08-05_yen-carry_1h.csv?raw'),
  'btc-2025-10': () =>
    import('../../../content/market-data/crash-windows/w5_2025-10-10_liquidation-cascade_1h.csv?raw'),
  'btc-2021-07': () => import('../../../content/market-data/crash-windows/x1_2021-07-26_short-squeeze_1h.csv?raw'),
  'btc-2021-04': () => import('../../../content/market-data/crash-windows/x2_2021-04-18_sunday-flush_1h.csv?raw'),
  'btc-2023-08': () => import('../../../content/market-data/crash-windows/x3_2023-08-17_flash-crash_1h.csv?raw'),
  'btc-2023-10': () => import('../../../content/market-data/crash-windows/x4_2023-10-23_etf-squeeze_1h.csv?raw'),
  'btc-2024-03': () => import('../../../content/market-data/crash-windows/x5_2024-03-05_ath-reversal_1h.csv?raw'),
};

/** Windows that have a 15-minute perpetual file. */
const QUARTERS: Readonly<Record<string, Loader>> = {
  'btc-2025-10': () => import('../../../content/market-data/crash-windows/w5_2025-10-10_perp_15m.csv?raw'),
};

export const hasQuarters = (id: string): boolean => id in QUARTERS;

function columns(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trim().split(/\r\n|\n|\r/);
  return { header: (lines[0] ?? '').split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** The window file's rows as arena bars (perpetual last price, mark price, spot close). Throws on a malformed file. */
export function parseArenaCsv(text: string): ArenaBar[] {
  const candles = parseWindowCsv(text);
  const { header, rows } = columns(text);
  const ms = header.indexOf('open_time_ms');
  const spot = header.indexOf('spot_close');
  if (ms < 0 || spot < 0) throw new Error('[leverage-lab] window file has no open_time_ms or spot_close column');
  return candles.map((c, i) => ({
    time: Number(rows[i]?.[ms]),
    label: c.time,
    open: c.open,
    high: c.high,
    low: c.low,
    close: c.close,
    markOpen: c.markOpen ?? c.open,
    markHigh: c.markHigh ?? c.high,
    markLow: c.markLow ?? c.low,
    markClose: c.markClose ?? c.close,
    spotClose: Number(rows[i]?.[spot]),
  }));
}

/** The 15-minute file's rows (last price only). */
export function parseQuarterCsv(text: string): QuarterBar[] {
  const { header, rows } = columns(text);
  const at = (name: string) => header.indexOf(name);
  const [t, iso, o, h, l, c] = ['open_time_ms', 'open_time_utc', 'open', 'high', 'low', 'close'].map(at);
  return rows.map((r) => ({
    time: Number(r[t]),
    label: (r[iso] ?? '').replace('T', ' ').replace(/Z$/, ' UTC'),
    open: Number(r[o]),
    high: Number(r[h]),
    low: Number(r[l]),
    close: Number(r[c]),
  }));
}

export async function loadArenaWindow(id: string): Promise<ArenaBar[]> {
  const load = LOADERS[id];
  if (!load) throw new Error(`[leverage-lab] no arena window "${id}"`);
  return parseArenaCsv((await load()).default);
}

export async function loadQuarters(id: string): Promise<QuarterBar[]> {
  const load = QUARTERS[id];
  return load ? parseQuarterCsv((await load()).default) : [];
}
