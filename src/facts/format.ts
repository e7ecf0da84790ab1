/** How pages write a fact: its leverage, its number, its dates and its verdict. Plain strings; safe in the browser. */
import type { Confidence, Fact, FactVerdict, Grade, ProductKind } from './schema.ts';

/** A YYYY-MM-DD date as pages write dates ("Dec 2, 2026"), in UTC so the day never shifts. */
export function factDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Words for what retail may do. */
export const VERDICT_WORDS: Record<FactVerdict, string> = {
  allowed: 'Allowed',
  capped: 'Allowed, capped',
  banned: 'Not allowed',
  'professional-only': 'Professionals only',
  depends: 'Depends',
  unclear: 'Unclear',
};

export const PRODUCT_WORDS: Record<ProductKind, string> = {
  cfd: 'CFDs and other over-the-counter derivatives',
  futures: 'Exchange-listed futures',
  'spot-margin': 'Spot margin and platform credit',
  securities: 'Securities route',
  offshore: 'Offshore venues',
  threshold: 'Threshold',
  rule: 'Rule',
};

export const GRADE_WORDS: Record<Grade, string> = {
  P: 'primary',
  S: 'secondary',
  W: 'weak',
  unseen: 'not opened',
};

export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  high: 'high',
  medium: 'medium',
  low: 'low',
  unverified: 'unverified',
};

/** "2:1" or "2x"; the cap as a multiple of the margin. */
export type LeverageStyle = 'ratio' | 'multiple';

/**
 * The most leverage retail may use, as a reader should take it: the cap ("2:1", "2x"), "none" when leverage is banned
 * ("1x" when the fact states that), "not allowed" when the product is, "unclear" when the sources do not settle it,
 * and "no legal cap" when the product is open without one.
 */
export function leverageText(f: Fact, style: LeverageStyle = 'multiple'): string {
  const verdict = f.retail?.verdict;
  if (verdict === 'unclear') return 'unclear';
  if (f.maxLeverage !== null) return style === 'ratio' ? `${f.maxLeverage}:1` : `${f.maxLeverage}x`;
  if (verdict === 'banned') return 'not allowed';
  if (verdict === 'professional-only') return 'professionals only';
  return 'no single legal cap';
}

/** The number a fact states ("$10 million", "28 days"), or its leverage cap when it states no other number. */
export function valueText(f: Fact, style: LeverageStyle = 'multiple'): string {
  return f.value ? f.value.text : leverageText(f, style);
}

/** True when the page must show the fact as unsettled: low or unverified confidence, or an "unclear" verdict. */
export function isUnsettled(f: Fact): boolean {
  return f.confidence === 'low' || f.confidence === 'unverified' || f.retail?.verdict === 'unclear';
}
