/**
 * The navigator outside the US: what retail may use in one jurisdiction, at what leverage, under which rule, with
 * sources and dates, shaped from the fact collection (content/facts/). Loaded by the browser only when a reader picks
 * a jurisdiction (WorldPanel.tsx), with the facts themselves. Pure.
 */
import { JURISDICTION_NAMES } from '../../facts/jurisdictions.ts';
import { PRODUCT_WORDS, VERDICT_WORDS, isUnsettled, leverageText } from '../../facts/format.ts';
import type { Confidence, Fact, FactSource, FactVerdict } from '../../facts/schema.ts';
import type { WorldId } from './model.ts';

/** One product kind in one jurisdiction, as the fact collection states it. */
export interface WorldItem {
  id: string;
  title: string;
  product: string;
  verdict: FactVerdict;
  verdictLabel: string;
  /** The most leverage retail may use ("2:1", "1x", "not allowed", "unclear"). */
  leverage: string;
  text: string;
  professional: string | null;
  instrument: string;
  regulator: string;
  effective: string | null;
  expires: string | null;
  marginCloseOut: string | null;
  negativeBalanceProtection: boolean;
  sources: FactSource[];
  confidence: Confidence;
  unclear: string | null;
  /** Shown as unclear, never as settled (low or unverified confidence, or no settled answer). */
  unsettled: boolean;
  asOf: string;
  reviewBy: string;
}

export interface WorldOutcome {
  jurisdiction: WorldId;
  name: string;
  items: WorldItem[];
}
/**
 * What retail may use in one jurisdiction: every product fact of its file, in file order. The facts come in as an
 * argument: the browser loads them (src/facts/worldData.ts) only once a reader picks a jurisdiction.
 */
export function worldOutcome(j: WorldId, own: readonly Fact[]): WorldOutcome {
  const items = own
    .filter((f) => f.retail)
    .map((f): WorldItem => {
      const retail = f.retail!;
      return {
        id: f.id,
        title: f.title,
        product: PRODUCT_WORDS[f.product],
        verdict: retail.verdict,
        verdictLabel: VERDICT_WORDS[isUnsettled(f) ? 'unclear' : retail.verdict],
        leverage: leverageText(f, f.product === 'cfd' && j !== 'jp' ? 'ratio' : 'multiple'),
        text: retail.text,
        professional: f.professional?.text ?? null,
        instrument: f.instrument,
        regulator: f.regulator,
        effective: f.effective,
        expires: f.expires ?? null,
        marginCloseOut: f.marginCloseOut ?? null,
        negativeBalanceProtection: f.negativeBalanceProtection ?? false,
        sources: f.sources,
        confidence: f.confidence,
        unclear: f.unclear ?? null,
        unsettled: isUnsettled(f),
        asOf: f.asOf,
        reviewBy: f.reviewBy,
      };
    });
  return { jurisdiction: j, name: JURISDICTION_NAMES[j], items };
}

/** One sentence per product for the live region. */
export function worldSummary(w: WorldOutcome): string {
  const parts = w.items.map((i) => `${i.title}: ${i.verdictLabel.toLowerCase()}, most leverage ${i.leverage}.`);
  return [`What a retail client may use in ${w.name}.`, ...parts].join(' ');
}
