/**
 * The US facts alone (content/facts/us.json), for the navigator's US path: the browser loads these with the
 * navigator, and the other jurisdictions' facts (worldData.ts) only when a reader picks one, to keep the page light.
 */
import type { Fact } from './schema.ts';
import us from '../../content/facts/us.json' with { type: 'json' };

export const US_FACTS: readonly Fact[] = us as Fact[];

/** The US fact with this id; throws (failing the build) for an id the file does not hold. */
export function usFact(id: string): Fact {
  const found = US_FACTS.find((f) => f.id === id);
  if (!found) throw new Error(`[leverage-lab] no US regulatory fact "${id}" in content/facts/us.json.`);
  return found;
}
