/** The facts of the eight jurisdictions outside the US (content/facts/<id>.json), keyed by jurisdiction. */
import type { Fact, Jurisdiction } from './schema.ts';
import eu from '../../content/facts/eu.json' with { type: 'json' };
import uk from '../../content/facts/uk.json' with { type: 'json' };
import jp from '../../content/facts/jp.json' with { type: 'json' };
import au from '../../content/facts/au.json' with { type: 'json' };
import sg from '../../content/facts/sg.json' with { type: 'json' };
import ca from '../../content/facts/ca.json' with { type: 'json' };
import hk from '../../content/facts/hk.json' with { type: 'json' };
import kr from '../../content/facts/kr.json' with { type: 'json' };

export type WorldFacts = Record<Exclude<Jurisdiction, 'us'>, readonly Fact[]>;

export const WORLD_FACTS: WorldFacts = {
  eu: eu as Fact[],
  uk: uk as Fact[],
  jp: jp as Fact[],
  au: au as Fact[],
  sg: sg as Fact[],
  ca: ca as Fact[],
  hk: hk as Fact[],
  kr: kr as Fact[],
};
