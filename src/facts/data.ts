/**
 * Every regulatory fact of the site, as plain data: the one home of each fact is its file in content/facts/ (one file
 * per jurisdiction). The `facts` collection (src/content.config.ts), the lessons' <Fact> and <FactTable>, the quizzes'
 * checks and `npm run facts` read them through this module; the navigator reads usData.ts at once and worldData.ts
 * when a reader picks a jurisdiction. No zod here: the navigator ships this
 * module to the browser, so the schema (schema.ts) checks the files at build time and in the unit tests instead.
 */
import type { Fact, Jurisdiction } from './schema.ts';
import { US_FACTS } from './usData.ts';
import { WORLD_FACTS } from './worldData.ts';
import usMore from '../../content/facts/us-enforcement-and-margin.json' with { type: 'json' };

/**
 * The facts of each jurisdiction, keyed by the jurisdiction its files are named after (content/facts/<id>.json, plus
 * <id>-*.json for facts the navigator does not need, so its bundle stays small).
 */
export const FACT_FILES: Record<Jurisdiction, readonly Fact[]> = {
  us: [...US_FACTS, ...(usMore as Fact[])],
  ...WORLD_FACTS,
};

/** Every fact, in file order. */
export const facts: readonly Fact[] = Object.values(FACT_FILES).flat();

/** The fact with this id; throws (failing the build) for an id the collection does not hold. */
export function fact(id: string): Fact {
  const found = facts.find((f) => f.id === id);
  if (!found) throw new Error(`[leverage-lab] no regulatory fact "${id}" in content/facts/.`);
  return found;
}

/** The facts of one jurisdiction, in file order. */
export function factsOf(jurisdiction: Jurisdiction): readonly Fact[] {
  return FACT_FILES[jurisdiction];
}
