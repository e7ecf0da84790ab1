/** content/concepts.yaml is valid, links only to real lesson headings, and every quiz question names known concepts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { conceptListSchema, MIN_CONCEPTS, taughtHref } from '../concepts.ts';
import { quizBankSchema } from '../../quiz/schema.ts';

const ROOT = new URL('../../../', import.meta.url);
const LESSONS = new URL('content/lessons/', ROOT);
const QUIZZES = new URL('content/quizzes/', ROOT);

/** Heading ids as the site makes them (GitHub's slugger) for plain-text headings (as in src/quiz/__tests__/banks.test.ts). */
function headingIds(mdx: string): Set<string> {
  return new Set(
    [...mdx.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

const lessonHeadings = new Map(
  readdirSync(LESSONS)
    .filter((f) => /^\d\d-.+\.mdx$/.test(f))
    .map((f) => [f.replace(/^\d\d-/, '').replace(/\.mdx$/, ''), headingIds(readFileSync(new URL(f, LESSONS), 'utf8'))]),
);

const parsed = conceptListSchema.safeParse(parse(readFileSync(new URL('content/concepts.yaml', ROOT), 'utf8')));

test('content/concepts.yaml passes the schema', () => {
  assert.ok(parsed.success, parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  assert.ok(parsed.data.length >= MIN_CONCEPTS);
});

const REQUIRED = [
  'leverage-multiplies-exposure',
  'margin-vs-position-size',
  'pnl-scales-with-notional',
  'return-on-margin',
  'borrowed-leverage-interest',
  'margin-level-ratio',
  'spot-margin-liquidation',
  'perpetual-funding',
  'funding-direction',
  'mark-vs-last-price',
  'futures-basis-expiry',
  'maintenance-margin',
  'liquidation-before-full-loss',
  'bankruptcy-price',
  'liquidation-fees-insurance',
  'isolated-margin',
  'cross-margin-shared-risk',
  'cross-not-safer',
  'stop-market-vs-stop-limit',
  'stop-trigger-price-choice',
  'fees-and-slippage',
  'adding-margin-moves-liquidation',
  'risk-tiers-partial-liquidation',
  'position-sizing-from-stop',
  'stop-before-liquidation',
  'volatility-and-liquidation-odds',
  'risk-of-ruin',
  'inverse-contract-double-exposure',
  'leveraged-token-decay',
  'options-capped-loss',
  'venue-counterparty-risk',
  'auto-deleveraging',
  'us-retail-access',
  'us-ecp-threshold',
  'rules-outside-us-product-kinds',
  'offshore-vpn-risk',
  'expected-value-of-leverage',
];

test('the agreed concept ids all exist (others read them)', () => {
  const ids = new Set(parsed.data!.map((c) => c.id));
  for (const id of REQUIRED) assert.ok(ids.has(id), `missing concept "${id}"`);
});

test('every concept is taught in a real lesson section', () => {
  for (const c of parsed.data!) {
    for (const t of c.taught) {
      const ids = lessonHeadings.get(t.lesson);
      assert.ok(ids, `${c.id}: no lesson "${t.lesson}"`);
      assert.ok(ids.has(t.section), `${c.id}: lesson "${t.lesson}" has no heading "#${t.section}"`);
    }
  }
  assert.equal(
    taughtHref({ lesson: 'liquidation', section: 'two-kinds-of-margin' }),
    '/lessons/liquidation/#two-kinds-of-margin',
  );
});

test('the schema refuses duplicate ids, bad ids, multi-line statements and too few concepts', () => {
  const one = (id: string) => ({ id, statement: 'A statement long enough.', taught: [{ lesson: 'a', section: 'b' }] });
  const many = Array.from({ length: MIN_CONCEPTS }, (_, i) => one(`c-${i}`));
  assert.ok(conceptListSchema.safeParse(many).success);
  assert.ok(!conceptListSchema.safeParse(many.slice(1)).success);
  assert.ok(!conceptListSchema.safeParse([...many, one('c-0')]).success);
  assert.ok(!conceptListSchema.safeParse([...many, one('Bad Id')]).success);
  assert.ok(!conceptListSchema.safeParse([...many, { ...one('x'), statement: 'two\nlines here' }]).success);
  assert.ok(!conceptListSchema.safeParse([...many, { ...one('y'), taught: [] }]).success);
});

test('every quiz question names at least one known concept', () => {
  const known = new Set(parsed.data!.map((c) => c.id));
  for (const file of readdirSync(QUIZZES).filter((f) => f.endsWith('.yaml'))) {
    const bank = quizBankSchema.parse(parse(readFileSync(new URL(file, QUIZZES), 'utf8')));
    for (const q of bank.questions) {
      assert.ok(q.concepts.length >= 1, `${file} ${q.id}: no concepts`);
      for (const id of q.concepts) assert.ok(known.has(id), `${file} ${q.id}: unknown concept "${id}"`);
    }
  }
});
