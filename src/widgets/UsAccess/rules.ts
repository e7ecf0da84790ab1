/**
 * The US access rules as data: the eligible contract participant (ECP) thresholds, what each kind of
 * product means for a retail person and for an ECP, and the source and "as of" date of every statement.
 * Every threshold, statement, source and date is read from the one fact collection (content/facts/us.json); change
 * them there, never here or in the view. rulesSchema.ts checks the shape at build time and in the tests.
 */
import { usFact as fact } from '../../facts/usData.ts';
import type { Fact, FactVerdict } from '../../facts/schema.ts';
import type { Rules, SourceRef, Verdict } from './rulesSchema.ts';

/** A few words per product for the one-sentence summary. */
const SHORT: Record<string, string> = {
  'us-dcm-futures': 'futures and perpetuals on registered exchanges',
  'us-listed-spot': 'listed leveraged spot',
  'us-securities-route': 'margin and options on bitcoin ETPs',
  'us-off-exchange-margin': 'off-exchange spot margin',
  'us-offshore': 'offshore venues',
};

export type { SourceRef, Verdict, Statement, Product, Rules, FindingId } from './rulesSchema.ts';

/** The facts the US path reads from the one fact collection (content/facts/us.json). */
const F = {
  individual: fact('us-ecp-individual'),
  hedging: fact('us-ecp-individual-hedging'),
  entityAssets: fact('us-ecp-entity-assets'),
  entityHedging: fact('us-ecp-entity-hedging'),
  retailRule: fact('us-actual-delivery'),
};
const CHECKED = F.individual.asOf;
const amount = (f: Fact): string => {
  if (!f.value) throw new Error(`[leverage-lab] fact ${f.id} states no amount.`);
  return f.value.amount;
};
const says = (f: Fact): string => f.value?.text ?? '';
const refs = (f: Fact): SourceRef[] =>
  f.sources.map(({ title, publisher, url, date }) => ({ title, publisher, url, date }));
const PRODUCT_IDS = [
  'us-dcm-futures',
  'us-listed-spot',
  'us-securities-route',
  'us-off-exchange-margin',
  'us-offshore',
];
/** The fact base's words for a verdict, as the US path names them. */
const US_VERDICT: Record<FactVerdict, Verdict> = {
  allowed: 'allowed',
  capped: 'allowed',
  banned: 'not-allowed',
  'professional-only': 'ecp-only',
  depends: 'depends',
  unclear: 'depends',
};
const statementOf = (f: Fact, who: 'retail' | 'professional') => {
  const s = f[who];
  if (!s) throw new Error(`[leverage-lab] fact ${f.id} has no ${who} statement.`);
  return { verdict: US_VERDICT[s.verdict], text: s.text, sources: refs(f), asOf: f.asOf };
};

const RAW: Rules = {
  checkedOn: CHECKED,
  thresholds: {
    individual: amount(F.individual),
    individualHedging: amount(F.hedging),
    entityAssets: amount(F.entityAssets),
    entityHedgingNetWorth: amount(F.entityHedging),
  },
  findings: {
    'individual-over': {
      text: `You are likely an eligible contract participant (ECP): an individual qualifies with more than ${says(F.individual)} invested on a discretionary basis. That counts investments you control, not your home or your total net worth.`,
      sources: refs(F.individual),
      asOf: F.individual.asOf,
    },
    'individual-hedging': {
      text: `You are likely an eligible contract participant (ECP): an individual with more than ${says(F.hedging)} invested on a discretionary basis qualifies when the trade manages the risk of an asset they own or a liability they have, or are reasonably likely to.`,
      sources: refs(F.hedging),
      asOf: F.hedging.asOf,
    },
    'individual-not': {
      text: `You are not an eligible contract participant (ECP), so US law treats you as a retail customer. An individual needs more than ${says(F.individual)} invested on a discretionary basis, or more than ${says(F.hedging)} when the trade hedges a risk of their own.`,
      sources: refs(F.individual),
      asOf: F.individual.asOf,
    },
    'entity-assets': {
      text: `The entity is likely an eligible contract participant (ECP): a corporation, partnership, trust or similar entity with total assets of more than ${says(F.entityAssets)} qualifies. The entity tests were not fully checked by this course, so confirm them with a lawyer.`,
      sources: refs(F.entityAssets),
      asOf: F.entityAssets.asOf,
    },
    'entity-maybe': {
      text: `The entity may be an eligible contract participant (ECP): one with a net worth of more than ${says(F.entityHedging)} that trades to hedge risks of its business can qualify. This tool does not ask for net worth, which is at most the total assets, so check it. The entity tests were not fully checked by this course (the statute’s entity prongs are longer than this summary), so confirm them with a lawyer.`,
      sources: refs(F.entityHedging),
      asOf: F.entityHedging.asOf,
    },
    'entity-not': {
      text: `The entity is probably not an eligible contract participant (ECP): its total assets are not above ${says(F.entityAssets)}, and it either does not hedge or cannot have a net worth above ${says(F.entityHedging)}. Regulated institutions such as banks, broker-dealers and insurers qualify on other grounds. The entity tests were not fully checked by this course, so confirm them with a lawyer.`,
      sources: refs(F.entityAssets),
      asOf: F.entityAssets.asOf,
    },
    'not-us': {
      text: 'This course covers the US and eight other places (the EU and EEA, the UK, Japan, Australia, Singapore, Canada, Hong Kong and South Korea). For anywhere else it does not know the rules: check with your own country’s financial regulator.',
      sources: refs(F.retailRule).slice(0, 1),
      asOf: F.retailRule.asOf,
    },
    world: {
      text: 'Each item below says what a retail client may use where you live, at what leverage and under which rule, with its sources and dates. Anything the sources do not settle is marked unclear.',
      sources: refs(F.retailRule).slice(0, 1),
      asOf: CHECKED,
    },
    unknown: {
      text: 'Most people are not eligible contract participants (ECPs), so the list below shows what a US retail customer can use. Answer the questions to check your own case.',
      sources: refs(F.individual).slice(0, 1),
      asOf: F.individual.asOf,
    },
  },
  products: PRODUCT_IDS.map((id) => {
    const f = fact(id);
    return {
      id: id.replace(/^us-/, ''),
      title: f.title,
      short: SHORT[id] ?? f.title,
      retail: statementOf(f, 'retail'),
      ecp: statementOf(f, 'professional'),
    };
  }),
  disclaimer:
    'General education about the rules as the course found them, not legal advice. Rules in this area change often; check with a lawyer before you rely on any of it.',
};

/** The rules; `rulesSchema.parse(rules)` runs in the build (tool page) and the unit tests. */
export const rules: Rules = RAW;
