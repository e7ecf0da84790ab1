/** Small helpers for lesson scenario modules: typed inputs, and derived values that must exist. */

/** The input type of a calculation export, so a lesson scenario is checked against the function it feeds. */
export type InputOf<F extends (input: never) => unknown> = Parameters<F>[0];

/** A derived value a scenario needs (a liquidation price, a tier's cap); a build error naming it when absent. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`[leverage-lab] lesson scenario: ${what} is missing.`);
  return value;
}
