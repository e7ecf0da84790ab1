/**
 * Every shipped window's file, for the server render only: Replay.tsx reads it under `import.meta.env.SSR`, so the
 * browser bundle drops this module and its ten CSV texts (the window shown first reaches the browser as a JSON block,
 * see hydrate.ts; the others load on demand, see scenarios.ts). The `server` query makes these imports distinct
 * modules from the browser's on-demand ones (windows.ts, scenarios.ts), so the bundler can drop these and still split
 * those into chunks of their own.
 */
import w1 from '../../../content/market-data/crash-windows/w1_2020-03-12_black-thursday_1h.csv?raw&server';
import w2 from '../../../content/market-data/crash-windows/w2_2021-05-19_china-ban_1h.csv?raw&server';
import w3 from '../../../content/market-data/crash-windows/w3_2022-11-08_ftx_1h.csv?raw&server';
import w4 from '../../../content/market-data/crash-windows/w4_2024-08-05_yen-carry_1h.csv?raw&server';
import w5 from '../../../content/market-data/crash-windows/w5_2025-10-10_liquidation-cascade_1h.csv?raw&server';
import x1 from '../../../content/market-data/crash-windows/x1_2021-07-26_short-squeeze_1h.csv?raw&server';
import x2 from '../../../content/market-data/crash-windows/x2_2021-04-18_sunday-flush_1h.csv?raw&server';
import x3 from '../../../content/market-data/crash-windows/x3_2023-08-17_flash-crash_1h.csv?raw&server';
import x4 from '../../../content/market-data/crash-windows/x4_2023-10-23_etf-squeeze_1h.csv?raw&server';
import x5 from '../../../content/market-data/crash-windows/x5_2024-03-05_ath-reversal_1h.csv?raw&server';
import storiesText from '../../../content/scenarios/stories.json?raw&server';
import { WINDOWS } from './menu.ts';
import { buildWindow, type MarketWindow, type WindowStory } from './parseWindow.ts';

const STORIES = (JSON.parse(storiesText) as { stories: Record<string, WindowStory> }).stories;

const TEXT: Readonly<Record<string, string>> = {
  'w1_2020-03-12_black-thursday_1h.csv': w1,
  'w2_2021-05-19_china-ban_1h.csv': w2,
  'w3_2022-11-08_ftx_1h.csv': w3,
  'w4_2024-08-05_yen-carry_1h.csv': w4,
  'w5_2025-10-10_liquidation-cascade_1h.csv': w5,
  'x1_2021-07-26_short-squeeze_1h.csv': x1,
  'x2_2021-04-18_sunday-flush_1h.csv': x2,
  'x3_2023-08-17_flash-crash_1h.csv': x3,
  'x4_2023-10-23_etf-squeeze_1h.csv': x4,
  'x5_2024-03-05_ath-reversal_1h.csv': x5,
};

/** A shipped window with its candles, or null when `id` is not one (the random path, a CSV). */
export function serverWindow(id: string): MarketWindow | null {
  const info = WINDOWS.find((w) => w.id === id);
  const text = info ? TEXT[info.file] : undefined;
  return info && text ? buildWindow(info, STORIES[id], text) : null;
}
