/**
 * Regulatory facts in quiz text come from the one fact collection (content/facts/), never typed in a bank: a bank
 * writes `{fact:us-ecp-individual}` ("$10 million"), `{fact:eu-cfd|ratio}` ("2:1") or `{fact:eu-cfd|multiple}`
 * ("2x"), and the build puts in the fact's words. An unknown id fails the build (src/facts/data.ts `fact`).
 */
import { fact } from '../facts/data.ts';
import { leverageText, valueText } from '../facts/format.ts';

const TOKEN = /\{fact:([a-z0-9-]+)(?:\|(ratio|multiple))?\}/g;

/** `text` with every `{fact:…}` token replaced by the fact's value (or leverage cap, in the style asked). */
export function withFactText(text: string): string {
  return text.replace(TOKEN, (_m, id: string, style?: 'ratio' | 'multiple') =>
    style ? leverageText(fact(id), style) : valueText(fact(id)),
  );
}

/** A copy of `value` (a question, with its options, hints and explanations) with the tokens of every string replaced. */
export function withFacts<T>(value: T): T {
  if (typeof value === 'string') return withFactText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withFacts(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFacts(v)])) as T;
  }
  return value;
}
