/**
 * The simulator's first result, for the server render only: TokenDecay.astro calls it and passes the result to the
 * island as a prop, so the browser's first scripts carry neither the model nor src/calc nor the window's prices (they
 * load at the reader's first interaction). A shipped window is read from the file on the server (serverWindows.ts).
 */
import { serverWindow } from '../Replay/serverWindows.ts';
import { closesOf, computeTokenDecay, type TokenDecayData } from './model.ts';
import type { TokenDecayValues } from './params.ts';
import { shownOf, type TokenDecayShown } from './shown.ts';

/** What `start` shows first. */
export function serverFirst(start: TokenDecayValues): TokenDecayShown {
  const window = start.path === 'choppy' ? null : serverWindow(start.path);
  const data: TokenDecayData = window ? { [window.id]: { title: window.title, closes: closesOf(window.candles) } } : {};
  const outcome = computeTokenDecay(start, data);
  if (!outcome.ok || outcome.value.kind !== 'ready') {
    // The defaults (or a lesson's or embed's settings) must give a result: a programming error, not reader input.
    throw new Error(`[leverage-lab] the token-decay first settings give no result: ${JSON.stringify(outcome)}`);
  }
  return shownOf(outcome.value);
}
