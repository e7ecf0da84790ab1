/**
 * Regulatory facts in quiz text come from the one fact collection (content/facts/), never typed in a bank: a bank
 * writes a `{fact:id}` token and the build puts in the fact's words, followed by the date the fact was last checked,
 * as the lessons' <Fact> shows it ("$10 million (as of Dec 2, 2026)"). What a token shows:
 *
 *   {fact:us-ecp-individual}            → $10 million (as of Dec 2, 2026)     its number (else its leverage cap)
 *   {fact:eu-cfd|ratio}                 → 2:1 (as of Dec 2, 2026)             its leverage cap, as a ratio
 *   {fact:eu-cfd|multiple}              → 2x (as of Dec 2, 2026)              its leverage cap, as a multiple
 *   {fact:eu-cfd|closeOut}              → 50% (as of Dec 2, 2026)             its margin close-out level
 *   {fact:eu-perpetuals|effective}      → Feb 24, 2026 (as of Dec 2, 2026)    the day the rule took effect
 *   {fact:au-cfd|expires}               → May 23, 2027 (as of Dec 2, 2026)    the day the rule lapses
 *   {fact:us-listed-spot|asOf}          → Dec 2, 2026                         the "as of" date itself
 *
 * Tokens next to each other in one text share one date: "{fact:a} or {fact:b}" → "$10 million or $5 million (as of
 * Dec 2, 2026)"; a token whose date differs from the next token's gets its own. A text that already says "As of
 * {fact:x|asOf}" gives no second date for later tokens checked on that day. A fact the sources do not settle is
 * marked "unclear", as on the lesson pages.
 *
 * An unknown id, a style the fact has no value for (`|effective` on a fact with no start date) or a malformed token
 * fails the build (src/quiz/banks.ts runs every bank through `withFacts`).
 */
import { fact } from '../facts/data.ts';
import { factDate, isUnsettled, leverageText, valueText } from '../facts/format.ts';
import type { Fact } from '../facts/schema.ts';

/** What a `{fact:id|style}` token shows; `value` is the default (`{fact:id}`). */
export const FACT_STYLES = ['value', 'ratio', 'multiple', 'closeOut', 'effective', 'expires', 'asOf'] as const;
export type FactStyle = (typeof FACT_STYLES)[number];

const TOKEN = /\{fact:([a-z0-9-]+)(?:\|([A-Za-z]+))?\}/g;

const isStyle = (s: string): s is FactStyle => (FACT_STYLES as readonly string[]).includes(s);

/** The date note a stated fact carries: " (as of Dec 2, 2026)", after a no-break space as in <Fact>. */
export function asOfNote(f: Fact): string {
  return `\u00a0(as of ${factDate(f.asOf)})`;
}

/** The words of one fact in the style asked, without its date. Throws when the fact has nothing to show there. */
export function factWords(f: Fact, style: FactStyle = 'value'): string {
  const need = <T>(v: T | null | undefined, what: string): T => {
    if (v === null || v === undefined) {
      throw new Error(`[leverage-lab] {fact:${f.id}|${style}}: the fact has no ${what} in content/facts/.`);
    }
    return v;
  };
  let text: string;
  switch (style) {
    case 'ratio':
    case 'multiple':
      text = leverageText(f, style);
      break;
    case 'closeOut':
      return `${need(f.marginCloseOut, 'close-out level')}%`;
    case 'effective':
      return factDate(need(f.effective, 'effective date'));
    case 'expires':
      return factDate(need(f.expires, 'expiry date'));
    case 'asOf':
      return factDate(f.asOf);
    default:
      text = valueText(f);
  }
  return isUnsettled(f) && text !== 'unclear' ? `unclear (${text})` : text;
}

/**
 * `text` with every `{fact:…}` token replaced by the fact's words, each run of facts followed by its "as of" date.
 * `lookup` finds a fact by id: the collection (src/facts/data.ts `fact`, which throws for an unknown id) unless a test
 * passes its own.
 */
export function withFactText(text: string, lookup: (id: string) => Fact = fact): string {
  const tokens = [...text.matchAll(TOKEN)].map((m) => {
    const style = m[2] ?? 'value';
    if (!isStyle(style)) {
      throw new Error(`[leverage-lab] ${m[0]}: no style "${style}"; use one of ${FACT_STYLES.join(', ')}.`);
    }
    return { at: m.index, length: m[0].length, f: lookup(m[1]), style };
  });
  let out = '';
  let from = 0;
  const dated = new Set<string>();
  tokens.forEach((t, i) => {
    out += text.slice(from, t.at) + factWords(t.f, t.style);
    from = t.at + t.length;
    if (t.style === 'asOf') {
      dated.add(t.f.asOf);
      return;
    }
    const next = tokens.slice(i + 1).find((n) => n.style !== 'asOf');
    const runEnds = !next || next.f.asOf !== t.f.asOf;
    if (runEnds && !dated.has(t.f.asOf)) out += asOfNote(t.f);
  });
  out += text.slice(from);
  if (out.includes('{fact:')) {
    throw new Error(`[leverage-lab] a malformed {fact:…} token in "${text}": write {fact:id} or {fact:id|style}.`);
  }
  return out;
}

/** A copy of `value` (a question, with its options, hints and explanations) with the tokens of every string replaced. */
export function withFacts<T>(value: T, lookup: (id: string) => Fact = fact): T {
  if (typeof value === 'string') return withFactText(value, lookup) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withFacts(v, lookup)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFacts(v, lookup)])) as T;
  }
  return value;
}
