/**
 * Issue #15: "teach in the prose of the right lessons, not only in widgets … Every glossary term is introduced by at
 * least one lesson." Every term in content/glossary.yaml must be marked with <Term id="…"> in at least one lesson's
 * prose, and the concepts the issue names must exist as glossary terms that a lesson introduces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../../../content/', import.meta.url);
const glossary = parse(readFileSync(new URL('glossary.yaml', root), 'utf8')) as { id: string }[];

/** Every term id some lesson marks with <Term id="…">. */
const introduced = new Set<string>();
for (const file of readdirSync(new URL('lessons/', root)).filter((f) => f.endsWith('.mdx'))) {
  const text = readFileSync(new URL(`lessons/${file}`, root), 'utf8');
  for (const m of text.matchAll(/<Term\s+id="([a-z0-9-]+)"/g)) introduced.add(m[1]);
}

test('every glossary term is used by at least one lesson', () => {
  const unused = glossary.map((t) => t.id).filter((id) => !introduced.has(id));
  assert.deepEqual(unused, [], `glossary terms no lesson uses: ${unused.join(', ')}`);
});

test('the concepts issue #15 asks the lessons to teach are glossary terms a lesson introduces', () => {
  const known = new Set(glossary.map((t) => t.id));
  for (const id of [
    'effective-leverage',
    'free-margin',
    'break-even-price',
    'maker',
    'taker',
    'limit-order',
    'realised-pnl',
    'risk-of-ruin',
    'correlation',
    'counterparty-risk',
    'segregation',
    'liquidation-cascade',
    'insurance-fund',
    'auto-deleveraging',
    'socialised-loss',
  ]) {
    assert.ok(known.has(id), `${id} is missing from the glossary`);
    assert.ok(introduced.has(id), `${id} is introduced by no lesson`);
  }
});
