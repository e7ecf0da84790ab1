/**
 * The shipped price windows (content/market-data/crash-windows/, Binance Vision data), for the describers of the
 * widgets that replay them. Build time only: read with node:fs from the project root, where `astro build` and the
 * unit tests run (the widgets themselves load them through Vite).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import storiesFile from '../../../content/scenarios/stories.json' with { type: 'json' };
import { WINDOWS } from '../../widgets/Replay/menu.ts';
import { buildWindow, type MarketWindow, type WindowStory } from '../../widgets/Replay/parseWindow.ts';

const STORIES = (storiesFile as { stories: Record<string, WindowStory> }).stories;
const cache = new Map<string, MarketWindow>();

/** A shipped window with its candles; an error for anything else (a random path or a CSV cannot be described). */
export function shippedWindow(id: string): MarketWindow {
  const cached = cache.get(id);
  if (cached) return cached;
  const info = WINDOWS.find((w) => w.id === id);
  if (!info) throw new Error(`[leverage-lab] "${id}" is not a shipped price window, so no card can describe it`);
  const text = readFileSync(join(process.cwd(), 'content/market-data/crash-windows', info.file), 'utf8');
  const window = buildWindow(info, STORIES[id], text);
  cache.set(id, window);
  return window;
}
