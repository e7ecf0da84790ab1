/**
 * Loads the replay's price paths in the browser when a reader picks them: a shipped window (its CSV and the stories)
 * or the seeded random-path generator. The window shown first needs no loading: it comes with the server-rendered
 * page (hydrate.ts). The model never loads anything: Replay.tsx keeps what arrived and hands it over.
 */
import type { ParsedCandle } from './csv.ts';
import type { MarketWindow } from './parseWindow.ts';

type Loader = () => Promise<{ default: string }>;
/** One literal import per file, so the bundler splits each window into its own small chunk. */
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

const cache = new Map<string, Promise<MarketWindow>>();

/** Fetches and parses a shipped window (once per page). */
export function loadWindow(id: string): Promise<MarketWindow> {
  const load = LOADERS[id];
  if (!load) return Promise.reject(new Error(`[leverage-lab] no replay window "${id}"`));
  let pending = cache.get(id);
  if (!pending) {
    pending = Promise.all([load(), import('./windows.ts')]).then(([file, windows]) =>
      windows.marketWindow(id, file.default),
    );
    cache.set(id, pending);
  }
  return pending;
}

/** Seeded random candles: the same seed and volatility (a fraction) give the same candles. */
export type RandomCandles = (seed: number, volatility: number) => ParsedCandle[];

/** The seeded-path generator (it pulls in the simulation code, so only when a reader picks it). */
export async function loadRandom(): Promise<RandomCandles> {
  return (await import('./random.ts')).randomCandles;
}
