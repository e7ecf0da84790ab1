/**
 * The replay's first window and first result, for the server render only: Replay.tsx calls it under
 * `import.meta.env.SSR`, so the browser bundle drops this module, and with it the model and src/calc it imports (the
 * browser loads those after hydration). Both reach the browser as JSON blocks in the page (hydrate.ts).
 */
import { computeReplay, showReplay } from './model.ts';
import type { ReplayValues } from './params.ts';
import type { MarketWindow } from './parseWindow.ts';
import { serverWindow } from './serverWindows.ts';
import type { ReplayShown } from './shown.ts';

/** The window `start` opens on and its result, or null when `start` is not a shipped window (the random path, a CSV). */
export function serverFirst(start: ReplayValues): { window: MarketWindow; result: ReplayShown } | null {
  const window = serverWindow(start.scenario);
  if (!window) return null;
  const outcome = computeReplay(start, { windows: { [window.id]: window }, random: null, csv: null });
  if (!outcome.ok) {
    // The defaults (or an embed's settings) must give a result: a programming error, not reader input.
    throw new Error(`[leverage-lab] the replay's first settings give no result: ${JSON.stringify(outcome.errors)}`);
  }
  return { window, result: showReplay(outcome.value) };
}
