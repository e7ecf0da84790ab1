/** The jurisdictions the course covers, with the names pages show; plain data, safe in the browser. */
import type { Jurisdiction } from './schema.ts';

export const JURISDICTION_NAMES: Record<Jurisdiction, string> = {
  us: 'United States',
  eu: 'EU / EEA',
  uk: 'United Kingdom',
  jp: 'Japan',
  au: 'Australia',
  sg: 'Singapore',
  ca: 'Canada',
  hk: 'Hong Kong',
  kr: 'South Korea',
};

/** The eight jurisdictions outside the US with solid sources, in the order the lesson and the navigator list them. */
export const WORLD: readonly Exclude<Jurisdiction, 'us'>[] = ['eu', 'uk', 'jp', 'au', 'sg', 'ca', 'hk', 'kr'];
