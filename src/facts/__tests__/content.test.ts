/**
 * Every page that states a regulatory fact reads it from the collection: the lessons name facts with <Fact id>, lesson
 * 11 types no regulatory number (no cap, no percentage), lesson 10 no longer types the US thresholds, no lesson types a
 * rule's value in words or hyphenated ("28-day", "half the position's value", "two of three tests") or the date a fact
 * took effect ("21 July 2010", "since December 2025"), and the quizzes' fixed answers agree with the facts they rest on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fact, facts } from '../data.ts';
import { WORLD } from '../jurisdictions.ts';
import { dateForms } from './dateForms.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const LESSON_10 = read('content/lessons/10-us-regulation.mdx');
const LESSON_11 = read('content/lessons/11-rules-outside-the-us.mdx');

/** The body a reader sees as prose: no front matter, imports, JSX tags or link targets. */
function prose(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^import[\s\S]*?from\s+'[^']+';$/gm, '')
    .replace(/<[A-Za-z][^>]*?\/>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
}

/** Every <Fact …/> tag: its id and what it shows. */
function factTags(mdx: string): { id: string; show: string }[] {
  return [...mdx.matchAll(/<Fact\s+([^>]*?)\/>/g)].map((m) => ({
    id: /\bid="([^"]+)"/.exec(m[1])?.[1] ?? '',
    show: /\bshow="([^"]+)"/.exec(m[1])?.[1] ?? 'value',
  }));
}

for (const [name, mdx] of [
  ['10-us-regulation', LESSON_10],
  ['11-rules-outside-the-us', LESSON_11],
] as const) {
  test(`${name}: every <Fact> names a fact of the collection that has what it shows`, () => {
    const tags = factTags(mdx);
    assert.ok(tags.length >= 8, `${tags.length} facts`);
    for (const { id, show } of tags) {
      const f = fact(id);
      if (show === 'closeOut') assert.ok(f.marginCloseOut, id);
      if (show === 'effective') assert.ok(f.effective, id);
      if (show === 'expires') assert.ok(f.expires, id);
      if (show === 'value') assert.ok(f.value || f.retail, id);
    }
  });
}

test('lesson 11 types no regulatory number: every cap, percentage and ratio comes from the collection or calc', () => {
  const text = prose(LESSON_11);
  assert.doesNotMatch(text, /\d+\s*:\s*1\b/, 'a ratio such as 2:1 typed in prose');
  assert.doesNotMatch(text, /\b\d+(\.\d+)?\s?x\b/, 'a multiple such as 2x typed in prose');
  assert.doesNotMatch(text, /\d+(\.\d+)?\s?(%|percent)/, 'a percentage typed in prose');
});

test('lesson 11 shows the side-by-side table and a fact of each of the eight jurisdictions', () => {
  assert.match(LESSON_11, /<FactTable\b/);
  const shown = new Set(factTags(LESSON_11).map((t) => fact(t.id).jurisdiction));
  for (const j of WORLD) assert.ok(shown.has(j), j);
});

test('lesson 10 reads the US thresholds, the penalty and the margin rules from the collection', () => {
  const text = prose(LESSON_10);
  for (const typed of [/\$10,000,000/, /\$5,000,000/, /\$\d+ million/, /\$1,250,000/, /28 days/, /\b50%/, /\b25%/]) {
    assert.doesNotMatch(text, typed);
  }
  const ids = new Set(factTags(LESSON_10).map((t) => t.id));
  for (const id of [
    'us-ecp-individual',
    'us-ecp-individual-hedging',
    'us-kraken-penalty',
    'us-reg-t',
    'us-finra-4210',
  ]) {
    assert.ok(ids.has(id), id);
  }
});

interface Numeric {
  id: string;
  answer: string | number;
  check?: { input: Record<string, number | string> };
}
const bank = (slug: string) => (parse(read(`content/quizzes/${slug}.yaml`)) as { questions: Numeric[] }).questions;
const question = (slug: string, id: string) => {
  const q = bank(slug).find((x) => x.id === id);
  assert.ok(q, `${slug}: ${id}`);
  return q;
};

test('the quizzes’ fixed answers agree with the facts they rest on', () => {
  // The hedging threshold, asked in millions: 5 × 1,000,000 = 5,000,000 (7 U.S.C. 1a(18)(A)(xi)).
  const hedging = question('us-regulation', 'ecp-hedging-threshold');
  assert.equal(String(Number(hedging.answer) * 1_000_000), fact('us-ecp-individual-hedging').value?.amount);
  // Lesson 11: the position at the EU cap uses the cap of the fact; the close-out rate is 50 % of the 1/2 margin.
  const cap = question('rules-outside-the-us', 'cap-position');
  assert.equal(String(cap.check?.input['leverage']), fact('eu-cfd').maxLeverage);
  const closeOut = question('rules-outside-the-us', 'eu-close-out-price');
  assert.equal(String(closeOut.check?.input['leverage']), fact('eu-cfd').maxLeverage);
  // 0.25 = 50 % × 1/2.
  assert.equal(closeOut.check?.input['maintenanceMarginRate'], 0.25);
  assert.equal(fact('eu-cfd').marginCloseOut, '50');
});

test('every fact the lessons and quizzes use is in the collection, and the collection is not empty', () => {
  assert.ok(facts.length >= 25);
});

test('no lesson types a US threshold, penalty or margin rule that the collection holds: each is a <Fact>', () => {
  const dir = 'content/lessons/';
  // Amounts distinctive enough to be the fact itself wherever they appear: "$10 million", "$1.25 million", "28 days".
  const typed = [
    'us-ecp-individual',
    'us-ecp-individual-hedging',
    'us-kraken-penalty',
    'us-actual-delivery',
    'us-okx-plea',
  ]
    .map((id) => fact(id).value?.text ?? '')
    .filter((t) => t !== '');
  assert.ok(typed.length >= 5);
  for (const file of readdirSync(new URL(`../../../${dir}`, import.meta.url)).filter((f) => f.endsWith('.mdx'))) {
    const text = prose(read(`${dir}${file}`));
    for (const t of typed) assert.ok(!text.includes(t), `${file} types "${t}": use <Fact> instead`);
  }
  // Regulation T's 50 % initial margin, in the lessons that state it.
  for (const file of ['08-coin-margined-and-other-products.mdx', '10-us-regulation.mdx']) {
    assert.match(read(`${dir}${file}`), /<Fact id="us-reg-t"/, file);
  }
});

/** Rule values written in words or with a hyphen, which a digit pattern such as /28 days/ misses. */
const RULE_WORDS: RegExp[] = [
  /\b\d+-day\b/i, // "the 28-day rule"
  /\btwenty-eight\b/i,
  /\bhalf (the|of|its|your|their)\b/i, // "half the position's value" (a 2:1 cap, a 50 % margin)
  /\btwo of (the )?three\b/i, // the professional-client tests
  /\b(a|one) year working\b/i,
  /\b(five|ten) million\b/i,
];

const ALL_LESSONS = readdirSync(new URL('../../../content/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .sort();
// The lessons that state rules; elsewhere "half the" or "$1 million" is an example, not a rule.
const RULE_LESSONS = ['02-spot-margin.mdx', '10-us-regulation.mdx', '11-rules-outside-the-us.mdx'];

test('the date-form patterns find a fact date however it is typed, and not a different day of the same month', () => {
  const forms = dateForms('2025-12-08');
  const hits = (t: string) => forms.some(({ pattern }) => pattern.test(t));
  for (const t of ['on 8 December 2025', 'the week of December 8, 2025', 'since Dec 8, 2025', 'since December 2025']) {
    assert.ok(hits(t), t);
  }
  for (const t of ['On 4 December 2025, the CFTC', 'On 10 December 2025', 'on 18 December 2025', 'in November 2025']) {
    assert.ok(!hits(t), t);
  }
  assert.ok(RULE_WORDS.some((r) => r.test('The 28-day rule in the law still stands.')));
  assert.ok(RULE_WORDS.some((r) => r.test("You must put up at least half the position's value as margin.")));
  assert.ok(RULE_WORDS.some((r) => r.test('you usually need two of three things')));
});

for (const file of RULE_LESSONS) {
  test(`${file}: no rule value typed in words or with a hyphen, and no fact's value text typed at all`, () => {
    const text = prose(read(`content/lessons/${file}`));
    for (const r of RULE_WORDS) assert.doesNotMatch(text, r, `${file}: use <Fact> or rephrase`);
    for (const f of facts) {
      // Only value texts with words in them are the fact itself ("28 days", "$10 million"); a bare "25%" is not.
      const t = f.value?.text;
      if (t && /[a-z$]/i.test(t)) assert.ok(!text.includes(t), `${file} types "${t}" (${f.id}): use <Fact> instead`);
    }
  });
}

// Every lesson: no day and no bare month ("since December 2025") on which a fact of the collection took effect.
for (const file of ALL_LESSONS) {
  test(`${file}: types no date on which a fact of the collection took effect or expires (<Fact show="effective">)`, () => {
    const text = prose(read(`content/lessons/${file}`));
    for (const f of facts) {
      for (const iso of [f.effective, f.expires]) {
        if (!iso) continue;
        for (const { pattern } of dateForms(iso)) {
          const m = pattern.exec(text);
          assert.equal(m, null, `${file} types "${m?.[0]}", the date of ${f.id}: use <Fact id="${f.id}" show=…>`);
        }
      }
    }
  });
}

test('lesson 10 states no "as of" month in prose: the dates shown beside its facts are the collection\'s', () => {
  const text = prose(LESSON_10);
  assert.doesNotMatch(
    text,
    /\bas of (January|February|March|April|May|June|July|August|September|October|November|December)\b/i,
  );
  assert.doesNotMatch(LESSON_10.replace(/^[\s\S]*?\n---\n/, ''), /as of November 2026/i);
});
