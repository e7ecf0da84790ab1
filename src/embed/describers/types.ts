/**
 * What a describer gives for one scenario of a widget: the scenario in one readable sentence that carries its key
 * computed numbers (for the image card, the oEmbed blockquote that WordPress shows until the frame reports, and the
 * image's alt text), and up to three of those numbers as label and value for the card's figure row.
 *
 * A describer reads the scenario's URL values through the widget's own model (which parses them and calls calc), so
 * a fallback never shows a number the widget would not; it does no arithmetic of its own.
 */
export interface Description {
  sentence: string;
  /** At most three, label then value. */
  figures: [string, string][];
}

/** The describer of one widget: the scenario's full URL values (defaults filled in) in, its description out. */
export type Describer = (values: Record<string, string>) => Description;

/** A model's value, or an error naming the widget: a preset or default the model refuses is a programming error. */
export function must<T>(widget: string, outcome: { ok: true; value: T } | { ok: false; errors: object }): T {
  if (outcome.ok) return outcome.value;
  throw new Error(`[leverage-lab] ${widget}: the scenario to describe is refused: ${JSON.stringify(outcome.errors)}`);
}

/** "below" or "above" entry for a signed move. */
export const side = (move: { isNeg(): boolean }): string => (move.isNeg() ? 'below' : 'above');
