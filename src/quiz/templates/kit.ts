/**
 * What every question template shares: the shape a template fills, the error for ranges that cannot give a solvable
 * question, and the few ways a figure is written in a question. Figures themselves come from src/calc; these only
 * format them (src/format/numbers.ts) and read the drawn side.
 */
import { Decimal } from '../../calc/index.ts';
import { formatMoney, formatNumber, formatPercent, formatPrice } from '../../format/numbers.ts';
import type { Alternative, GeneratedQuestion, RangeSpec } from '../generators.ts';

/** What a template's `make` returns: the question without its template id, seed and drawn values. */
export type Content = Omit<GeneratedQuestion, 'template' | 'seed' | 'values' | 'alternatives'> & {
  alternatives?: Alternative[];
};

/** Draws one value from a named range; `accept` rejects draws that would make the question unsolvable. */
export type Pick = (name: string, accept?: (value: string) => boolean) => string;

/** A question template: what it asks (for authors), the ranges it draws from, and how it makes a question. */
export interface Template {
  title: string;
  /** The ranges it draws from; a bank may narrow or replace any of them. */
  ranges: Record<string, RangeSpec>;
  make(pick: Pick): Content;
}

/** Thrown when a bank's ranges cannot give a solvable question. */
export class GeneratorRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeneratorRangeError';
  }
}

export const D = (v: string | number | Decimal): Decimal => new Decimal(v);
export const usdt = (v: Decimal | string, digits = 2): string => formatMoney(D(v), { unit: 'USDT', digits });
export const usd = (v: Decimal | string, digits = 2): string => formatMoney(D(v), { unit: 'USD', digits });
export const price = (v: Decimal | string): string => formatPrice(D(v), { unit: 'USDT', digits: 2 });
export const pct = (fraction: Decimal | string, digits = 2): string => formatPercent(D(fraction), { digits });
export const btc = (v: Decimal | string): string => `${formatNumber(D(v), { digits: 6 })} BTC`;
/** An exact answer or tolerance as a plain decimal string, at most `dp` places. */
export const fixed = (v: Decimal, dp = 8): string => v.toDecimalPlaces(dp).toFixed();

/** The drawn side of the position. */
export function sideOf(pick: Pick): 'long' | 'short' {
  const s = pick('side');
  if (s !== 'long' && s !== 'short') throw new GeneratorRangeError(`side must be "long" or "short", not "${s}"`);
  return s;
}
