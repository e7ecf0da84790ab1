/**
 * The navigator outside the US: the outcome of every jurisdiction path, decided here by hand from the fact base
 * (world-facts.md, summary table, as of 2 December 2026), not from the model; old links with "us=yes|no" still open
 * the US path or "somewhere else"; and the US facts the navigator states come from the fact collection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, whereOf, type WorldId } from '../model.ts';
import { worldOutcome, worldSummary } from '../world.ts';
import { usAccessParams, type UsAccessValues } from '../params.ts';
import { rules } from '../rules.ts';
import { fact } from '../../../facts/data.ts';
import { WORLD_FACTS } from '../../../facts/worldData.ts';
import { parseParams, serializeParams } from '../../shared/params.ts';

const answers = (a: Partial<UsAccessValues>): UsAccessValues => ({ ...usAccessParams.defaults, ...a });

/** Fact id → [verdict as shown, most leverage for retail], per jurisdiction. */
const EXPECTED: Record<string, { name: string; items: Record<string, [string, string]> }> = {
  // EU: CFDs and CFD-like perpetuals 2:1 (national measures; ESMA 24 Feb 2026); futures and spot margin unsettled.
  eu: {
    name: 'EU / EEA',
    items: {
      'eu-cfd': ['capped', '2:1'],
      'eu-perpetuals': ['capped', '2:1'],
      'eu-futures': ['unclear', 'unclear'],
      'eu-spot-margin': ['unclear', 'unclear'],
    },
  },
  // UK: crypto derivatives banned for retail since 6 Jan 2021 (PS20/10); spot margin unverified.
  uk: {
    name: 'United Kingdom',
    items: { 'uk-derivatives': ['banned', 'not allowed'], 'uk-spot-margin': ['unclear', 'unclear'] },
  },
  // Japan: 2x for individuals (in force 1 May 2020); credit trading reported at 2x too.
  jp: { name: 'Japan', items: { 'jp-derivatives': ['capped', '2x'], 'jp-credit': ['capped', '2x'] } },
  // Australia: crypto-asset CFDs 2:1 (ASIC 2020/986, to 23 May 2027); whether crypto perps count as CFDs, and retail
  // spot margin, are UNVERIFIED in the fact base (§4), so both show as unclear.
  au: {
    name: 'Australia',
    items: {
      'au-cfd': ['capped', '2:1'],
      'au-perpetuals': ['unclear', 'unclear'],
      'au-spot-margin': ['unclear', 'unclear'],
    },
  },
  // Singapore: no leverage at licensed DPT providers (19 Jun 2025); SGX perps for accredited investors only; whether
  // licensed brokers offer crypto CFDs to retail is UNVERIFIED (§5), so unclear.
  sg: {
    name: 'Singapore',
    items: {
      'sg-platform': ['banned', '1x'],
      'sg-futures': ['professional-only', 'professionals only'],
      'sg-cfd': ['unclear', 'unclear'],
    },
  },
  // Canada: no leverage on crypto platforms (SN 21-332); dealer margin ≥ 50 % on crypto futures, so about 2x.
  ca: { name: 'Canada', items: { 'ca-platform': ['banned', '1x'], 'ca-futures': ['capped', '2x'] } },
  // Hong Kong: 1x on licensed platforms; margin financing for retail unverified; perps professional-only.
  hk: {
    name: 'Hong Kong',
    items: {
      'hk-platform': ['banned', '1x'],
      'hk-margin-financing': ['unclear', 'unclear'],
      'hk-perpetuals': ['professional-only', 'professionals only'],
    },
  },
  // South Korea: no onshore crypto futures; coin lending never beyond collateral, 1x.
  kr: { name: 'South Korea', items: { 'kr-futures': ['banned', 'not allowed'], 'kr-lending': ['banned', '1x'] } },
};

for (const [where, e] of Object.entries(EXPECTED)) {
  test(`path: lives in ${e.name}: what retail may use, at what leverage, under which rule, with sources and dates`, () => {
    const o = decide(answers({ where }));
    assert.equal(o.scope, 'world');
    assert.equal(o.next, null);
    assert.deepEqual(o.questions, ['where']);
    assert.deepEqual(o.products, []);
    const world = worldOutcome(where as WorldId, WORLD_FACTS[where as WorldId]);
    assert.equal(world.name, e.name);
    assert.deepEqual(
      Object.fromEntries(world.items.map((i) => [i.id, [i.unsettled ? 'unclear' : i.verdict, i.leverage]])),
      e.items,
    );
    for (const i of world.items) {
      assert.ok(i.sources.length > 0 && i.instrument.length > 0 && i.regulator.length > 0, i.id);
      assert.match(i.asOf, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(i.reviewBy, /^\d{4}-\d{2}-\d{2}$/);
      // Nothing unsettled is shown as settled.
      if (i.confidence === 'low' || i.confidence === 'unverified') assert.equal(i.verdictLabel, 'Unclear', i.id);
    }
    const summary = worldSummary(world);
    assert.match(summary, new RegExp(`in ${e.name.replace(/[/]/g, '\\/')}`));
    assert.doesNotMatch(summary, /NaN|undefined/);
  });
}

test('before its facts have loaded, a jurisdiction shows no items and says it is loading', () => {
  const o = decide(answers({ where: 'eu' }));
  assert.equal(o.scope, 'world');
  assert.match(o.summary, /^Loading the rules for EU/);
});

test('path: somewhere else: the course does not cover it, and says what to look for', () => {
  const o = decide(answers({ where: 'other', kind: 'individual', amount: '50000000' }));
  assert.equal(o.scope, 'not-us');
  assert.equal(o.finding.id, 'not-us');
  assert.match(o.finding.text, /does not know the rules/);
  assert.deepEqual(o.products, []);
});

test('an old link keeps working: us=yes opens the US path, us=no "somewhere else"; a where answer wins', () => {
  assert.equal(whereOf(answers({ us: 'yes' })), 'us');
  assert.equal(whereOf(answers({ us: 'no' })), 'other');
  assert.equal(whereOf(answers({ where: 'jp', us: 'yes' })), 'jp');
  const old = parseParams(usAccessParams, '?us=yes&kind=individual&amount=7000000&hedging=yes');
  assert.deepEqual(old.notes, []);
  const viaOld = decide(old.values);
  const viaNew = decide(answers({ where: 'us', kind: 'individual', amount: '7000000', hedging: 'yes' }));
  assert.equal(viaOld.finding.id, 'individual-hedging');
  assert.deepEqual(viaOld.products, viaNew.products);
  assert.equal(serializeParams(usAccessParams, answers({ where: 'eu' })), '?where=eu');
});

test('the US path reads its thresholds and statements from the fact collection', () => {
  // 7 U.S.C. 1a(18)(A)(xi): more than $10 million, or $5 million when hedging (facts.md claim 3).
  assert.equal(rules.thresholds.individual, '10000000');
  assert.equal(rules.thresholds.individualHedging, '5000000');
  assert.equal(rules.thresholds.individual, fact('us-ecp-individual').value?.amount);
  assert.match(rules.findings['individual-not'].text, /more than \$10 million .* more than \$5 million/);
  const offshore = rules.products.find((p) => p.id === 'offshore');
  assert.equal(offshore?.retail.text, fact('us-offshore').retail?.text);
  assert.equal(offshore?.retail.verdict, 'not-allowed');
});
