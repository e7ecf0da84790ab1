/**
 * The replay's shipped price windows: hourly BTCUSDT candles of Binance's perpetual, last price and mark price, from
 * content/market-data/crash-windows/ (Binance market data via Binance Vision, CC BY-NC-SA 4.0), with the dated story
 * and sources from content/scenarios/stories.json. The browser loads this module on demand (scenarios.ts); it only
 * reads text it is given.
 */
import storiesFile from '../../../content/scenarios/stories.json' with { type: 'json' };
import { WINDOWS, type WindowInfo } from './menu.ts';
import { buildWindow, type MarketWindow, type WindowStory } from './parseWindow.ts';

export { WINDOWS, DATA_CREDIT, type WindowInfo } from './menu.ts';
export { parseWindowCsv, type MarketWindow, type WindowSource, type WindowStory } from './parseWindow.ts';

/** Each window's story and sources, by id. */
export const STORIES: Readonly<Record<string, WindowStory>> = storiesFile.stories;

export function windowInfo(id: string): WindowInfo | undefined {
  return WINDOWS.find((w) => w.id === id);
}

/** A shipped window, its story and its candles read from the file's text. */
export function marketWindow(id: string, text: string): MarketWindow {
  return buildWindow(windowInfo(id), STORIES[id], text);
}
