/**
 * The liquidation calculator's result as the view shows it, with no calculation code: every figure already written
 * out, and the words (explain.ts). The server writes the first one into the page (LiquidationCalculator.astro passes it
 * as a prop), so the island's first render needs neither decimal.js nor src/calc; liquidationEngine.ts loads after hydration and
 * makes the next ones.
 */
import type { Explanation } from './explain.ts';

/** The key of the one "error" the view shows while the calculation code is on its way (or failed to load). */
export const LOADING = 'loading';

/** What the view prints, figure by figure. */
export interface LiquidationShown {
  mode: 'isolated' | 'cross';
  /** The figures, formatted: keyed as their `data-testid`. */
  figures: {
    liquidation: string;
    distance: string;
    bankruptcy: string;
    maintenance: string;
    notional: string;
    quantity: string;
    equity: string;
  };
  /** No price above zero liquidates the position. */
  noLiquidation: boolean;
  /** The venue rows leave out the reader's close fee (a preset with a non-zero fee): the table's caption says so. */
  feeLeftOut: boolean;
  /** The worked formula, notes, summary and venue table. */
  words: Explanation;
}

/** The hint under the venue rule's select: each preset's summary and source, written on the server. */
export interface VenueHint {
  summary: string;
  sourceUrl: string;
  asOf: string;
}
export type VenueHints = Record<'binance' | 'bybit' | 'hyperliquid', VenueHint>;
