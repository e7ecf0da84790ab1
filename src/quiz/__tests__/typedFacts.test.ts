/**
 * No quiz bank and no glossary definition types a regulatory value: thresholds, caps, percentages, day counts,
 * penalties and the dates rules took effect come from the fact collection (content/facts/) as `{fact:…}` tokens
 * (src/quiz/factText.ts), with their "as of" date, or the text says them without the value and points to the lesson.
 * The forbidden strings are built from the collection itself, so a new fact is guarded as soon as it is added.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { facts } from '../../facts/data.ts';
import type { Fact } from '../../facts/schema.ts';
import { withFacts } from '../factText.ts';
import { dateForms } from '../../facts/__tests__/dateForms.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string) => new RegExp(`(?<![\\w.,])${escape(s)}(?![\\w])`, 'i');

/** A forbidden string: what it catches and which fact (or rule of writing) it stands for. */
interface Rule {
  pattern: RegExp;
  what: string;
  /** Only in regulatory text (see `isRegulatory`): "2x" or "50%" elsewhere is an example figure, not a rule. */
  regulatoryOnly?: boolean;
}

/** The forbidden strings, from every fact of the collection, plus the shapes a typed rule takes. */
function rulesFrom(all: readonly Fact[]): Rule[] {
  const fixed: Rule[] = [
    // Regulatory text only: a risk-reward ratio ("2 : 1 (reward : risk)") is not a leverage cap.
    { pattern: /\b\d+(\.\d+)?\s?:\s?1\b/, what: 'a leverage cap written as a ratio ("2:1")', regulatoryOnly: true },
    { pattern: /\b60\s?%?\s?\/\s?40\b/, what: 'the section 1256 split ("60/40")' },
    {
      pattern: /\bhalf (of )?(the|what is) required margin|\bhalf of what is required\b/i,
      what: 'the EU/Australian margin close-out in words ("half the required margin")',
    },
  ];
  // One rule per forbidden string, naming every fact that has it ("2x" is the cap of several).
  const byPattern = new Map<string, Rule & { ids: string[]; shown: string }>();
  const add = (id: string, pattern: RegExp, shown: string, regulatoryOnly = false) => {
    const key = `${pattern.source}/${pattern.flags}`;
    const seen = byPattern.get(key);
    if (seen) seen.ids.push(id);
    else byPattern.set(key, { pattern, what: '', ids: [id], shown, regulatoryOnly });
  };
  for (const f of all) {
    if (f.value) {
      const { amount, unit, text } = f.value;
      // A bare "25%" or "$1 million" is also an example figure: only in regulatory text is it the rule.
      if (!/^\d+(\.\d+)?\s?%$/.test(text)) add(f.id, words(text), text, unit === 'USD');
      if (unit === 'USD') {
        const commas = `$${Number(amount).toLocaleString('en-US')}`;
        add(f.id, words(commas), commas, true);
      }
      if (unit === 'days') add(f.id, new RegExp(`\\b${amount}[- ]days?\\b`, 'i'), `${amount} days`);
      if (unit === 'percent') {
        // "50% down", "25% equity", "60% long-term": the percentage beside what it is a rule about.
        const beside = `\\b${escape(amount)}\\s?(%|percent)\\s+(down|equity|long-term|short-term)`;
        add(f.id, new RegExp(beside, 'i'), `${amount}% down, equity, long-term or short-term`);
      }
    }
    if (f.marginCloseOut) {
      const closeOut = `\\b${escape(f.marginCloseOut)}\\s?(%|percent)\\s+of\\s+(the|what is)\\s+required`;
      add(f.id, new RegExp(closeOut, 'i'), `${f.marginCloseOut}% of the required margin`);
    }
    if (f.maxLeverage !== null) {
      add(f.id, new RegExp(`\\b${escape(f.maxLeverage)}\\s?x\\b`), `${f.maxLeverage}x`, true);
    }
    for (const iso of [f.effective, f.expires]) {
      if (iso) for (const form of dateForms(iso)) add(f.id, new RegExp(form.pattern.source, 'i'), form.example);
    }
  }
  const fromFacts = [...byPattern.values()].map(({ pattern, ids, shown, regulatoryOnly }) => ({
    pattern,
    regulatoryOnly,
    what: `${ids.join(', ')} ("${shown}")`,
  }));
  return [...fixed, ...fromFacts];
}

const RULES = rulesFrom(facts);

/** Lessons, concepts and words that make a text regulatory, where an example "2x" or "50%" would be a rule. */
const REGULATORY_LESSONS = new Set(['us-regulation', 'rules-outside-the-us']);
const REGULATORY_CONCEPTS = new Set(['us-retail-access', 'us-ecp-threshold', 'rules-outside-us-product-kinds']);
const REGULATORY_WORDS =
  /\b(CFTC|SEC|FCA|ESMA|FINRA|IRS|MiCA|CFDs?|ECPs?|regulat\w*|law|legal|retail client|eligible contract|U\.S\.C|CFR)\b/;

/** The places a text is typed wrongly: "where: what it types". */
function typedValues(where: string, text: string, regulatory: boolean, rules = RULES): string[] {
  const hits = rules.filter((r) => (regulatory || !r.regulatoryOnly) && r.pattern.test(text));
  return [...new Set(hits.map((r) => `${where}: types ${r.what} in “${text}”`))];
}

/** Every string of a value, with its path. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

interface Question {
  id: string;
  concepts?: string[];
}
const BANKS = readdirSync(new URL('content/quizzes/', root)).filter((f) => f.endsWith('.yaml'));

test('the forbidden strings come from the collection: each fact’s number, cap and dates', () => {
  const whats = RULES.map((r) => r.what);
  for (const [id, shown] of [
    ['us-ecp-individual', '$10 million'],
    ['us-ecp-individual', '$10,000,000'],
    ['us-kraken-penalty', '$1,250,000'],
    ['us-actual-delivery', '28 days'],
    ['us-section-1256', '60% long-term and 40% short-term'],
    ['eu-perpetuals', 'February 2026'],
    ['uk-derivatives', 'January 2021'],
    ['us-securities-route', '10 January 2024'],
    ['us-dcm-futures', 'Dec 10, 2017'],
    ['eu-cfd', '50% of the required margin'],
    ['jp-derivatives', '2x'],
  ]) {
    assert.ok(
      whats.some((w) => w.includes(id) && w.endsWith(`("${shown}")`)),
      `${id} ("${shown}")`,
    );
  }
  assert.ok(BANKS.length >= 12, `${BANKS.length} banks`);
});

test('the scan catches a typed value, and leaves an example figure or a token alone', () => {
  const hits = (text: string, regulatory = true) => typedValues('here', text, regulatory);
  for (const typed of [
    'An individual needs over $10 million invested.',
    'unless delivered within 28 days',
    'within the 28-day window',
    'gains split 60/40',
    'split 60% long-term and 40% short-term',
    'ESMA said in February 2026 that',
    'banned since January 2021',
    'approved on 10 January 2024',
    'at half the required margin',
    'at most 2:1 on CFDs',
    'at most 2 : 1',
    'a penalty of $1,250,000',
    'buying on margin needs 50% down',
  ]) {
    assert.ok(hits(typed).length > 0, typed);
  }
  assert.ok(hits('Japan allows 2x.').length > 0);
  for (const fine of [
    'more than {fact:us-ecp-individual} invested',
    'at {fact:eu-cfd|ratio}',
    'You put up $1,000 of margin at 10x.',
    'a fall of 25%',
    'Someone with $11 million invested.',
  ]) {
    assert.deepEqual(hits(fine), [], fine);
  }
  // Outside regulatory text, "2x" is an example of leverage.
  assert.deepEqual(hits('At 2x the position is twice the margin.', false), []);
});

for (const file of BANKS) {
  const bank = parse(read(`content/quizzes/${file}`)) as { lesson: string; questions: Question[] };

  test(`${file}: types no regulatory value; every fact is a {fact:…} token`, () => {
    const found: string[] = [];
    for (const q of bank.questions) {
      const regulatory =
        REGULATORY_LESSONS.has(bank.lesson) ||
        (q.concepts ?? []).some((c) => REGULATORY_CONCEPTS.has(c)) ||
        REGULATORY_WORDS.test(JSON.stringify(q));
      for (const [path, text] of strings(q, `question "${q.id}"`)) {
        found.push(...typedValues(`content/quizzes/${file}, ${path}`, text, regulatory));
      }
    }
    assert.deepEqual(found, []);
  });

  test(`${file}: every {fact:…} token resolves against the collection`, () => {
    const filled = JSON.stringify(withFacts(bank.questions));
    assert.doesNotMatch(filled, /\{fact:/);
  });
}

test('content/glossary.yaml: no definition types a regulatory value; it names the rule and points to the lesson', () => {
  const terms = parse(read('content/glossary.yaml')) as { id: string; definition: string; lessons?: string[] }[];
  const found: string[] = [];
  for (const t of terms) {
    const regulatory = (t.lessons ?? []).some((l) => REGULATORY_LESSONS.has(l)) || REGULATORY_WORDS.test(t.definition);
    found.push(...typedValues(`content/glossary.yaml, term "${t.id}"`, t.definition, regulatory));
  }
  assert.deepEqual(found, []);
});

test('the regulation quizzes state their facts through tokens, each shown with its "as of" date', () => {
  for (const slug of ['us-regulation', 'rules-outside-the-us', 'spot-margin']) {
    const bank = parse(read(`content/quizzes/${slug}.yaml`)) as { questions: unknown[] };
    assert.match(JSON.stringify(bank.questions), /\{fact:[a-z0-9-]+/, slug);
    assert.match(JSON.stringify(withFacts(bank.questions)), /\(as of [A-Z][a-z]{2} \d{1,2}, \d{4}\)/, slug);
  }
});
