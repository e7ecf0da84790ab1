import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asOfNote, withFactText, withFacts } from '../factText.ts';
import { factSchema, type Fact } from '../../facts/schema.ts';

/** Hand-made facts, so the expected words and dates below do not move when the collection is checked again. */
const base: Pick<Fact, 'jurisdiction' | 'title' | 'instrument' | 'regulator' | 'sources' | 'confidence' | 'reviewBy'> =
  {
    jurisdiction: 'eu',
    title: 'A test fact',
    instrument: 'A test instrument',
    regulator: 'A regulator',
    sources: [
      { title: 'A source', publisher: 'A publisher', url: 'https://example.org/', date: '2026-01-01', grade: 'P' },
    ],
    confidence: 'high',
    reviewBy: '2027-06-01',
  };
const FIXTURES: Record<string, Fact> = {
  'x-cap': {
    ...base,
    id: 'x-cap',
    product: 'cfd',
    retail: { verdict: 'capped', text: 'Allowed with a cap on leverage.' },
    maxLeverage: '2',
    marginCloseOut: '50',
    effective: '2018-08-01',
    asOf: '2026-11-30',
  },
  'x-amount': {
    ...base,
    id: 'x-amount',
    product: 'threshold',
    maxLeverage: null,
    value: { amount: '10000000', unit: 'USD', text: '$10 million' },
    effective: null,
    asOf: '2026-11-30',
  },
  'x-older': {
    ...base,
    id: 'x-older',
    product: 'rule',
    maxLeverage: null,
    value: { amount: '28', unit: 'days', text: '28 days' },
    effective: null,
    asOf: '2025-06-01',
  },
  'x-unclear': {
    ...base,
    id: 'x-unclear',
    product: 'futures',
    retail: { verdict: 'unclear', text: 'Not settled by the sources.' },
    maxLeverage: null,
    effective: null,
    confidence: 'low',
    unclear: 'Nobody could find the rule.',
    asOf: '2026-11-30',
  },
};
const lookup = (id: string): Fact => {
  const f = FIXTURES[id];
  if (!f) throw new Error(`no fixture "${id}"`);
  return f;
};
const fill = (text: string) => withFactText(text, lookup);
/** The no-break space <Fact> puts before its date, too. */
const NB = '\u00a0';

test('the hand-made facts are valid facts of the schema', () => {
  for (const f of Object.values(FIXTURES)) factSchema.parse(f);
});

test('a stated fact carries its "as of" date, as the lessons show it', () => {
  // 2026-11-30 written in the en-US medium style: "Nov 30, 2026".
  assert.equal(fill('more than {fact:x-amount} invested'), `more than $10 million${NB}(as of Nov 30, 2026) invested`);
  assert.equal(asOfNote(FIXTURES['x-older']), `${NB}(as of Jun 1, 2025)`);
});

test('each style: the cap as a ratio or a multiple, the close-out level, the start date, the date itself', () => {
  assert.equal(fill('at {fact:x-cap|ratio}'), `at 2:1${NB}(as of Nov 30, 2026)`);
  assert.equal(fill('at {fact:x-cap|multiple}'), `at 2x${NB}(as of Nov 30, 2026)`);
  assert.equal(fill('{fact:x-cap|closeOut} of it'), `50%${NB}(as of Nov 30, 2026) of it`);
  assert.equal(fill('since {fact:x-cap|effective}'), `since Aug 1, 2018${NB}(as of Nov 30, 2026)`);
  // A capped fact's "value" is its cap; the unsettled fact says so instead of a number.
  assert.equal(fill('{fact:x-cap}'), `2x${NB}(as of Nov 30, 2026)`);
  assert.equal(fill('{fact:x-unclear|ratio}'), `unclear${NB}(as of Nov 30, 2026)`);
});

test('facts checked on the same day share one date; a different day gets its own; "As of …" dates the rest', () => {
  assert.equal(fill('at {fact:x-cap|ratio}, or {fact:x-cap|multiple}'), `at 2:1, or 2x${NB}(as of Nov 30, 2026)`);
  assert.equal(
    fill('{fact:x-amount} or {fact:x-older}, then {fact:x-cap|ratio}.'),
    `$10 million${NB}(as of Nov 30, 2026) or 28 days${NB}(as of Jun 1, 2025), then 2:1${NB}(as of Nov 30, 2026).`,
  );
  assert.equal(fill('As of {fact:x-cap|asOf}, at most {fact:x-cap|ratio}.'), 'As of Nov 30, 2026, at most 2:1.');
  // An older fact after that opening still gets its own date.
  assert.equal(
    fill('As of {fact:x-cap|asOf}: {fact:x-older}.'),
    `As of Nov 30, 2026: 28 days${NB}(as of Jun 1, 2025).`,
  );
});

test('every string of a question is filled, other values are kept', () => {
  assert.deepEqual(withFacts({ a: ['{fact:x-older}'], n: 5, b: true }, lookup), {
    a: [`28 days${NB}(as of Jun 1, 2025)`],
    n: 5,
    b: true,
  });
});

test('a fact without the field asked for, an unknown style or a malformed token fails loudly', () => {
  assert.throws(() => fill('{fact:x-cap|expires}'), /\{fact:x-cap\|expires\}: the fact has no expiry date/);
  assert.throws(() => fill('{fact:x-amount|effective}'), /no effective date/);
  assert.throws(() => fill('{fact:x-cap|percent}'), /no style "percent"/);
  assert.throws(() => fill('{fact:X-Cap}'), /malformed \{fact:…\} token/);
});

test('with the collection: a token becomes the words of the fact in content/facts/, dated', () => {
  const dated = (words: string) => new RegExp(`^${words}${NB}\\(as of [A-Z][a-z]{2} \\d{1,2}, \\d{4}\\)$`);
  // content/facts/us.json: the individual ECP threshold, 7 U.S.C. 1a(18)(A)(xi).
  assert.match(withFactText('{fact:us-ecp-individual}'), dated('\\$10 million'));
  // content/facts/eu.json: ESMA's 2:1 cap on crypto CFDs for retail clients, closed out at 50 % of the required margin.
  assert.match(withFactText('{fact:eu-cfd|ratio}'), dated('2:1'));
  assert.match(withFactText('{fact:eu-cfd|closeOut}'), dated('50%'));
  // content/facts/us.json: actual delivery within 28 days (CEA §2(c)(2)(D)).
  assert.match(withFacts({ a: ['{fact:us-actual-delivery}'] }).a[0], dated('28 days'));
});

test('an unknown fact fails loudly instead of showing a token', () => {
  assert.throws(() => withFactText('{fact:no-such-fact}'), /no regulatory fact "no-such-fact"/);
});
