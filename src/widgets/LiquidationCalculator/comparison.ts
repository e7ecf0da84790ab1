/**
 * The venue table's numbers: the reader's trade through every rule, by calc's compareVenues. Loaded with explain.ts
 * after the reader's first change (the server writes the starting table), so the island's first download stays small.
 */
import { compareVenues, type VenueComparison } from '../../calc/index.ts';
import type { LiquidationView } from './model.ts';

/** The trade of `v` through each rule of `v.rules`, in table order, with the two venue rows furthest apart. */
export function compareAll(v: LiquidationView): VenueComparison {
  return compareVenues({ ...v.trade, rules: v.rules });
}
