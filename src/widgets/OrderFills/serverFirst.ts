/**
 * The explorer's first window and first result, for the server render only: OrderFills.tsx calls it under
 * `import.meta.env.SSR`, so the browser bundle drops this module, and with it the model and src/calc it imports (the
 * browser loads those after hydration). Both reach the browser as JSON blocks in the page.
 */
import type { MarketWindow } from '../Replay/parseWindow.ts';
import { serverWindow } from '../Replay/serverWindows.ts';
import { computeOrderFills, type OrderFillsModelResult } from './model.ts';
import type { OrderFillsValues } from './params.ts';

/** The window `start` opens on and its result, or null when `start.window` is not a shipped window. */
export function serverFirst(start: OrderFillsValues): { window: MarketWindow; result: OrderFillsModelResult } | null {
  const window = serverWindow(start.window);
  if (!window) return null;
  const outcome = computeOrderFills(start, { [window.id]: window });
  if (!outcome.ok) {
    // The defaults (or a lesson's or embed's settings) must give a result: a programming error, not reader input.
    throw new Error(`[leverage-lab] the order-fills first settings give no result: ${JSON.stringify(outcome.errors)}`);
  }
  return { window, result: outcome.value };
}
