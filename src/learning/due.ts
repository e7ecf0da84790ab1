/** Which concepts are due for review, read from the saved cards alone (no scheduler code, for small islands). */
import type { CardJson } from '../progress/record.ts';

/** The concepts whose card is due at `now`, the longest overdue first. */
export function dueConcepts(cards: Readonly<Record<string, CardJson>>, now: Date): string[] {
  return Object.entries(cards)
    .filter(([, c]) => Date.parse(c.due) <= now.getTime())
    .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))
    .map(([id]) => id);
}

/** When the next card falls due after `now`, or undefined when none is waiting. */
export function nextDue(cards: Readonly<Record<string, CardJson>>, now: Date): Date | undefined {
  const later = Object.values(cards)
    .map((c) => Date.parse(c.due))
    .filter((t) => t > now.getTime());
  return later.length > 0 ? new Date(Math.min(...later)) : undefined;
}
