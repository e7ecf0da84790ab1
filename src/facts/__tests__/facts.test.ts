/**
 * The regulatory fact collection: every fact passes the schema (a source with its grade, "as of" and "review by"),
 * ids are unique and match their file, the eight solidly sourced jurisdictions each say what retail may use, and the
 * schema refuses the mistakes it exists to catch. Expected values are the fact base's (world-facts.md, facts.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { factSchema, JURISDICTIONS, type Fact } from '../schema.ts';
import { facts, fact, FACT_FILES } from '../data.ts';
import { WORLD } from '../jurisdictions.ts';
import { addDays, reviewReport } from '../review.ts';
import { leverageText, valueText } from '../format.ts';

const DIR = new URL('../../../content/facts/', import.meta.url);

test('every file in content/facts/ belongs to one jurisdiction, and data.ts reads every fact of every file', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
  const named = (f: string) => f.replace(/(-[a-z-]+)?\.json$/, '');
  assert.deepEqual([...new Set(files.map(named))].sort(), [...JURISDICTIONS].sort());
  for (const file of files) {
    const raw = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as { id: string; jurisdiction: string }[];
    const j = named(file) as keyof typeof FACT_FILES;
    for (const f of raw) {
      assert.equal(f.jurisdiction, j, `${file}: ${f.id}`);
      assert.ok(
        FACT_FILES[j].some((g) => g.id === f.id),
        `${file}: ${f.id} is read`,
      );
    }
  }
  const total = files.reduce((n, f) => n + (JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as unknown[]).length, 0);
  assert.equal(total, facts.length);
});

for (const f of facts) {
  test(`${f.id}: passes the schema, with sources, grades, "as of" and "review by"`, () => {
    const parsed = factSchema.safeParse(f);
    assert.ok(parsed.success, parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    assert.ok(f.sources.length >= 1);
    for (const s of f.sources) assert.match(s.grade, /^(P|S|W|unseen)$/);
    assert.match(f.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(f.reviewBy, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(f.id.startsWith(`${f.jurisdiction}-`), 'an id starts with its jurisdiction');
  });
}

test('fact ids are unique, and every fact sits in the file of its jurisdiction', () => {
  assert.equal(new Set(facts.map((f) => f.id)).size, facts.length);
  for (const [j, list] of Object.entries(FACT_FILES)) for (const f of list) assert.equal(f.jurisdiction, j, f.id);
});

test('each of the eight jurisdictions says what retail may use, with at least one settled fact', () => {
  for (const j of WORLD) {
    const own = FACT_FILES[j].filter((f) => f.retail);
    assert.ok(own.length >= 1, j);
    assert.ok(
      own.some((f) => f.confidence === 'high' || f.confidence === 'medium'),
      `${j}: at least one fact of high or medium confidence`,
    );
  }
});

test('the caps are the fact base’s: EU and Australian CFDs 2:1, Japan 2x, Singapore, Canada platforms 1x, UK banned', () => {
  // world-facts.md, summary table (as of 2026-12-02).
  assert.equal(leverageText(fact('eu-cfd'), 'ratio'), '2:1');
  assert.equal(leverageText(fact('au-cfd'), 'ratio'), '2:1');
  assert.equal(leverageText(fact('jp-derivatives')), '2x');
  assert.equal(leverageText(fact('sg-platform')), '1x');
  assert.equal(leverageText(fact('ca-platform')), '1x');
  assert.equal(leverageText(fact('kr-lending')), '1x');
  assert.equal(leverageText(fact('uk-derivatives')), 'not allowed');
  assert.equal(leverageText(fact('hk-perpetuals')), 'professionals only');
  assert.equal(leverageText(fact('eu-futures')), 'unclear');
  assert.equal(fact('eu-cfd').marginCloseOut, '50');
  assert.equal(fact('au-cfd').expires, '2027-05-23');
  // facts.md claim 3: 7 U.S.C. 1a(18)(A)(xi).
  assert.equal(fact('us-ecp-individual').value?.amount, '10000000');
  assert.equal(valueText(fact('us-ecp-individual-hedging')), '$5 million');
  assert.throws(() => fact('xx-nothing'), /no regulatory fact/);
});

const good: Fact = {
  id: 'eu-test',
  jurisdiction: 'eu',
  product: 'cfd',
  title: 'A test fact',
  retail: { verdict: 'capped', text: 'Allowed at no more than 2:1 in this test.' },
  maxLeverage: '2',
  instrument: 'A test instrument',
  regulator: 'ESMA',
  effective: '2018-08-01',
  sources: [{ title: 'A source', publisher: 'ESMA', url: 'https://example.org/a', date: '2018-05-22', grade: 'P' }],
  confidence: 'high',
  asOf: '2026-12-02',
  reviewBy: '2027-06-01',
};
const refused = (patch: Record<string, unknown>, path: string) => {
  const r = factSchema.safeParse({ ...good, ...patch });
  assert.equal(r.success, false, JSON.stringify(patch));
  assert.ok(
    r.error?.issues.some((i) => i.path.join('.') === path),
    `${path}: ${JSON.stringify(r.error?.issues)}`,
  );
};

test('the schema refuses a fact without a source, a grade, an "as of" or a "review by" date', () => {
  assert.ok(factSchema.safeParse(good).success);
  refused({ sources: [] }, 'sources');
  refused({ sources: [{ ...good.sources[0], grade: undefined }] }, 'sources.0.grade');
  refused({ asOf: undefined }, 'asOf');
  refused({ reviewBy: undefined }, 'reviewBy');
  refused({ reviewBy: '2026-12-01' }, 'reviewBy');
  refused({ reviewBy: '2026-12-02' }, 'reviewBy');
  refused({ asOf: '2026-02-30' }, 'asOf');
});

test('the schema refuses an unsettled fact shown as settled, a cap without its number, and sources out of order', () => {
  refused({ confidence: 'low' }, 'retail');
  refused(
    { confidence: 'unverified', retail: { verdict: 'unclear', text: 'Not settled by any source here.' } },
    'unclear',
  );
  refused({ maxLeverage: null }, 'maxLeverage');
  refused({ retail: undefined }, 'retail');
  refused(
    {
      sources: [
        { ...good.sources[0], grade: 'S' },
        { ...good.sources[0], grade: 'P' },
      ],
    },
    'sources',
  );
  refused({ expires: '2027-01-01' }, 'reviewBy');
  refused({ confidence: 'high', sources: [{ ...good.sources[0], grade: 'W' }] }, 'confidence');
});

test('a rule fact rests on a value, a statement or the day it took effect; a threshold needs a value or a statement', () => {
  const rule = { ...good, product: 'rule', retail: undefined, maxLeverage: null };
  // The end of MiCA's transition (world-facts.md §1): known only by its date, 1 July 2026.
  assert.ok(factSchema.safeParse({ ...rule, effective: '2026-07-01' }).success);
  assert.ok(
    factSchema.safeParse({
      ...rule,
      effective: null,
      value: { amount: '2', unit: 'count', text: 'two of three tests' },
    }).success,
  );
  refused({ ...rule, effective: null }, 'value');
  refused({ ...rule, product: 'threshold', effective: '2026-07-01' }, 'value');
});

test('npm run facts lists facts whose review date has passed, and those due within 90 days', () => {
  const a = { ...good, id: 'eu-a', reviewBy: '2027-01-10' };
  const b = { ...good, id: 'eu-b', reviewBy: '2027-03-01' };
  const c = { ...good, id: 'eu-c', reviewBy: '2027-12-31' };
  // 2027-02-01 is past a's date; b is 28 days later (within 90); c is 333 days later.
  const r = reviewReport([c, b, a], '2027-02-01');
  assert.deepEqual(
    r.due.map((f) => f.id),
    ['eu-a'],
  );
  assert.deepEqual(
    r.soon.map((f) => f.id),
    ['eu-b'],
  );
  // The day itself counts as due.
  assert.deepEqual(
    reviewReport([a], '2027-01-10').due.map((f) => f.id),
    ['eu-a'],
  );
  // 2026-12-02 + 90 days: 29 (Dec) + 31 (Jan) + 28 (Feb) = 88 → 2027-03-02.
  assert.equal(addDays('2026-12-02', 90), '2027-03-02');
});
