import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeUsAccess, decide, parseAmount, type Outcome } from '../model.ts';
import { usAccessParams, type UsAccessValues } from '../params.ts';
import { rules } from '../rules.ts';
import { rulesSchema } from '../rulesSchema.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';

const answers = (a: Partial<UsAccessValues>): UsAccessValues => ({ ...usAccessParams.defaults, ...a });
const verdicts = (o: Outcome) => Object.fromEntries(o.products.map((p) => [p.id, p.verdict]));

const RETAIL = {
  'dcm-futures': 'allowed',
  'listed-spot': 'allowed',
  'securities-route': 'allowed',
  'off-exchange-margin': 'ecp-only',
  offshore: 'not-allowed',
};
const ECP = {
  'dcm-futures': 'allowed',
  'listed-spot': 'allowed',
  'securities-route': 'allowed',
  'off-exchange-margin': 'allowed',
  offshore: 'depends',
};

/**
 * Every path through the questions, with what it must lead to. Thresholds from facts.md claim 3:
 * individuals need amounts invested on a discretionary basis "in excess of $10,000,000, or $5,000,000"
 * when hedging; entities total assets over $10M, or net worth over $1M and hedging (not confirmed).
 */
const PATHS: {
  name: string;
  a: Partial<UsAccessValues>;
  questions: string[];
  next: string | null;
  ecp: Outcome['ecp'];
  finding: string;
  products: Record<string, string> | null;
}[] = [
  {
    name: 'nothing answered: the first question and the retail picture',
    a: {},
    questions: ['where'],
    next: 'where',
    ecp: 'unknown',
    finding: 'unknown',
    products: RETAIL,
  },
  {
    name: 'not in the US: out of scope, no products',
    a: { us: 'no' },
    questions: ['where'],
    next: null,
    ecp: 'unknown',
    finding: 'not-us',
    products: null,
  },
  {
    name: 'in the US, nothing more yet',
    a: { us: 'yes' },
    questions: ['where', 'kind'],
    next: 'kind',
    ecp: 'unknown',
    finding: 'unknown',
    products: RETAIL,
  },
  {
    name: 'individual, amount not given yet',
    a: { us: 'yes', kind: 'individual' },
    questions: ['where', 'kind', 'amount'],
    next: 'amount',
    ecp: 'unknown',
    finding: 'unknown',
    products: RETAIL,
  },
  {
    name: 'individual with $250,000: retail, hedging not asked',
    a: { us: 'yes', kind: 'individual', amount: '250000' },
    questions: ['where', 'kind', 'amount'],
    next: null,
    ecp: 'no',
    finding: 'individual-not',
    products: RETAIL,
  },
  {
    name: 'individual with $7M, hedging not answered yet',
    a: { us: 'yes', kind: 'individual', amount: '7000000' },
    questions: ['where', 'kind', 'amount', 'hedging'],
    next: 'hedging',
    ecp: 'unknown',
    finding: 'unknown',
    products: RETAIL,
  },
  {
    name: 'individual with $7M who hedges: ECP',
    a: { us: 'yes', kind: 'individual', amount: '7000000', hedging: 'yes' },
    questions: ['where', 'kind', 'amount', 'hedging'],
    next: null,
    ecp: 'yes',
    finding: 'individual-hedging',
    products: ECP,
  },
  {
    name: 'individual with $7M who does not hedge: retail',
    a: { us: 'yes', kind: 'individual', amount: '7000000', hedging: 'no' },
    questions: ['where', 'kind', 'amount', 'hedging'],
    next: null,
    ecp: 'no',
    finding: 'individual-not',
    products: RETAIL,
  },
  {
    name: 'individual with $12M: ECP, hedging not asked',
    a: { us: 'yes', kind: 'individual', amount: '12,000,000', hedging: 'no' },
    questions: ['where', 'kind', 'amount'],
    next: null,
    ecp: 'yes',
    finding: 'individual-over',
    products: ECP,
  },
  {
    name: 'entity, assets not given yet',
    a: { us: 'yes', kind: 'entity' },
    questions: ['where', 'kind', 'amount'],
    next: 'amount',
    ecp: 'unknown',
    finding: 'unknown',
    products: RETAIL,
  },
  {
    name: 'entity with $25M of assets: ECP',
    a: { us: 'yes', kind: 'entity', amount: '$25,000,000' },
    questions: ['where', 'kind', 'amount'],
    next: null,
    ecp: 'yes',
    finding: 'entity-assets',
    products: ECP,
  },
  {
    name: 'entity with $3M, hedging not answered yet',
    a: { us: 'yes', kind: 'entity', amount: '3000000' },
    questions: ['where', 'kind', 'amount', 'hedging'],
    next: 'hedging',
    ecp: 'unknown',
    finding: 'unknown',
    products: RETAIL,
  },
  {
    name: 'entity with $3M that hedges its business: possibly ECP, shown the retail picture',
    a: { us: 'yes', kind: 'entity', amount: '3000000', hedging: 'yes' },
    questions: ['where', 'kind', 'amount', 'hedging'],
    next: null,
    ecp: 'maybe',
    finding: 'entity-maybe',
    products: RETAIL,
  },
  {
    name: 'entity with $3M that does not hedge: retail',
    a: { us: 'yes', kind: 'entity', amount: '3000000', hedging: 'no' },
    questions: ['where', 'kind', 'amount', 'hedging'],
    next: null,
    ecp: 'no',
    finding: 'entity-not',
    products: RETAIL,
  },
];

for (const path of PATHS) {
  test(`path: ${path.name}`, () => {
    const o = decide(answers(path.a));
    assert.deepEqual(o.questions, path.questions);
    assert.equal(o.next, path.next);
    assert.equal(o.ecp, path.ecp);
    assert.equal(o.finding.id, path.finding);
    if (path.products === null) assert.deepEqual(o.products, []);
    else assert.deepEqual(verdicts(o), path.products);
    assert.deepEqual(o.errors, {});
    assert.ok(o.summary.length > 20);
    assert.doesNotMatch(o.summary, /undefined|NaN/);
  });
}

test('the individual boundary: exactly $10,000,000 is not "in excess of" it; a cent more is', () => {
  const at = (amount: string, hedging: '' | 'yes' | 'no' = '') =>
    decide(answers({ us: 'yes', kind: 'individual', amount, hedging }));
  assert.equal(at('10000000').next, 'hedging');
  assert.equal(at('10000000', 'no').ecp, 'no');
  // Exactly $10M still qualifies through the $5M-and-hedging prong.
  assert.equal(at('10000000', 'yes').ecp, 'yes');
  assert.equal(at('10000000', 'yes').finding.id, 'individual-hedging');
  assert.equal(at('10000000.01').ecp, 'yes');
  assert.equal(at('10000000.01').finding.id, 'individual-over');
  assert.equal(at('10000001', 'no').ecp, 'yes');
});

test('the hedging boundary: exactly $5,000,000 does not qualify even when hedging; above it does', () => {
  const at = (amount: string, hedging: '' | 'yes' | 'no') =>
    decide(answers({ us: 'yes', kind: 'individual', amount, hedging }));
  const exactly = at('5000000', 'yes');
  assert.equal(exactly.ecp, 'no');
  assert.ok(!exactly.questions.includes('hedging'), 'hedging is not even asked at $5M');
  assert.equal(at('5000000.01', 'yes').ecp, 'yes');
  assert.equal(at('5000001', 'no').ecp, 'no');
  assert.equal(at('0', '').ecp, 'no');
});

test('the entity boundary: total assets of exactly $10M go on to the hedging question', () => {
  const at = (amount: string, hedging: '' | 'yes' | 'no' = '') =>
    decide(answers({ us: 'yes', kind: 'entity', amount, hedging }));
  assert.equal(at('10000000').next, 'hedging');
  assert.equal(at('10000000.01').ecp, 'yes');
});

test('the entity $1M boundary: with total assets of at most $1M, net worth cannot exceed $1M, so no ECP and no hedging question', () => {
  // facts.md decision tree: an entity qualifies with total assets > $10M, or net worth > $1M and hedging. Net worth
  // (assets minus liabilities) is at most total assets, so total assets <= $1M rules the second prong out.
  const at = (amount: string, hedging: '' | 'yes' | 'no' = '') =>
    decide(answers({ us: 'yes', kind: 'entity', amount, hedging }));
  for (const amount of ['0', '999999.99', '1000000', '$1,000,000']) {
    const o = at(amount, 'yes');
    assert.equal(o.ecp, 'no', amount);
    assert.equal(o.finding.id, 'entity-not', amount);
    assert.equal(o.next, null, amount);
    assert.ok(!o.questions.includes('hedging'), `${amount}: hedging is not asked`);
  }
  assert.equal(at('1000000.01').next, 'hedging');
  assert.equal(at('1000000.01', 'yes').ecp, 'maybe');
  assert.equal(at('1000000.01', 'no').ecp, 'no');
  // Across $10M: exactly $10M is not "in excess of" it; a cent more qualifies outright.
  assert.equal(at('10000000', 'yes').ecp, 'maybe');
  assert.equal(at('$10,000,000.01').ecp, 'yes');
  assert.equal(at('10000000.01').finding.id, 'entity-assets');
});

test('a mistyped amount is a field error, never NaN, and the question stays the next one', () => {
  for (const amount of ['abc', '-5', '1e999', '$', '12..5', 'Infinity']) {
    const o = decide(answers({ us: 'yes', kind: 'individual', amount }));
    assert.equal(o.next, 'amount', amount);
    assert.ok(o.errors.amount, amount);
    const c = computeUsAccess(answers({ us: 'yes', kind: 'individual', amount }));
    assert.equal(c.ok, false);
    if (!c.ok) assert.match(c.errors['amount'] ?? '', /amount|negative/i);
  }
  assert.deepEqual(parseAmount(' $12,500,000.50 ').ok, true);
  const p = parseAmount('12,500,000');
  assert.ok(p.ok && p.value.eq(12500000));
});

test('answers that do not apply are ignored: not in the US, the other answers do not matter', () => {
  const o = decide(answers({ us: 'no', kind: 'individual', amount: '50000000', hedging: 'yes' }));
  assert.equal(o.finding.id, 'not-us');
  assert.deepEqual(o.products, []);
});

test('every statement the navigator can show has an https source and an ISO "as of" date', () => {
  assert.doesNotThrow(() => rulesSchema.parse(rules));
  const seen = new Set<string>();
  for (const path of PATHS) {
    const o = decide(answers(path.a));
    for (const s of [o.finding, ...o.products]) {
      assert.ok(s.sources.length > 0);
      for (const src of s.sources) {
        assert.match(src.url, /^https:\/\//);
        assert.match(src.date, /^\d{4}-\d{2}-\d{2}$/);
      }
      assert.match(s.asOf, /^\d{4}-\d{2}-\d{2}$/);
      seen.add(s.text);
    }
  }
  // The "world" finding, reached by any of the eight jurisdictions (their paths: world.test.ts).
  seen.add(decide(answers({ where: 'eu' })).finding.text);
  // All findings and both versions of every product are reachable.
  assert.equal(seen.size, Object.keys(rules.findings).length + rules.products.length * 2);
  assert.match(rules.disclaimer, /not legal advice/);
});

test('the rules schema refuses bad data: a source without https, an unknown verdict', () => {
  const product = rules.products[0];
  assert.ok(product);
  const badUrl = {
    ...rules,
    products: [
      { ...product, retail: { ...product.retail, sources: [{ ...product.retail.sources[0], url: 'http://x' }] } },
    ],
  };
  assert.equal(rulesSchema.safeParse(badUrl).success, false);
  const badVerdict = { ...rules, products: [{ ...product, ecp: { ...product.ecp, verdict: 'maybe' } }] };
  assert.equal(rulesSchema.safeParse(badVerdict).success, false);
});

test('URL state: answers round-trip, and bad values fall back with a note', () => {
  const values = answers({ us: 'yes', kind: 'individual', amount: '7000000', hedging: 'yes' });
  const query = serializeParams(usAccessParams, values);
  assert.equal(query, '?us=yes&kind=individual&amount=7000000&hedging=yes');
  assert.deepEqual(parseParams(usAccessParams, query).values, values);
  assert.equal(serializeParams(usAccessParams, usAccessParams.defaults), '');
  const bad = parseParams(usAccessParams, '?us=maybe&amount=lots&kind=entity');
  assert.equal(bad.values.us, '');
  assert.equal(bad.values.amount, '');
  assert.equal(bad.values.kind, 'entity');
  assert.equal(bad.notes.length, 2);
  assert.equal(parseParams(usAccessParams, '?amount=%2412%2C000%2C000').values.amount, '$12,000,000');
});
