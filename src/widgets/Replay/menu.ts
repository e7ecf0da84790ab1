/**
 * The replay's shipped windows as the menu lists them (content/scenarios/windows.json), and the credit their data
 * needs. Small on purpose: this is all of the windows that the page's first load carries; candles and stories come
 * with the server-rendered page (the window shown first) or on demand (scenarios.ts).
 */
import menu from '../../../content/scenarios/windows.json' with { type: 'json' };

export interface WindowInfo {
  id: string;
  /** The CSV's name in content/market-data/crash-windows/. */
  file: string;
  title: string;
  kind: 'crash' | 'squeeze';
}

/** The shipped windows, in menu order; the first is the default. */
export const WINDOWS: readonly WindowInfo[] = menu.windows as WindowInfo[];

/** Who to credit wherever these prices are shown, and under which licence (see the NOTICE beside the files). */
export const DATA_CREDIT = {
  name: 'Binance Vision',
  url: 'https://data.binance.vision/',
  licence: 'CC BY-NC-SA 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
} as const;
