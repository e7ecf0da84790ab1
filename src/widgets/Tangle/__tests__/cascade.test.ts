/** Lesson 9's cascade explorable, checked against the chain worked by hand (4, 6, 8, 10, 12 % clusters of $1M). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFrom, defaultValues, explorables, sentenceText } from '../explorables.ts';

const ex = explorables.cascade;

test('defaults: a 4% drop at 1% per million liquidates one cluster and ends 5% down (4% + 1% × 1)', () => {
  const values = defaultValues(ex);
  const c = computeFrom(ex, values);
  assert.equal(c.outputs.count?.toNumber(), 1);
  assert.equal(c.outputs.move?.toFixed(), '0.05');
  assert.equal(c.outputs.added?.toFixed(), '0.01');
  assert.match(sentenceText(ex, values, c), /liquidates 1 cluster and the price ends 5(\.00)?% below/);
});

test('a thinner book (2% per million) runs the same 4% drop through all five clusters to 14% (4% + 2% × 5)', () => {
  const values = { shock: '4', impact: '2' };
  const c = computeFrom(ex, values);
  assert.equal(c.outputs.count?.toNumber(), 5);
  assert.equal(c.outputs.move?.toFixed(), '0.14');
  assert.match(sentenceText(ex, values, c), /5 clusters/);
});

test('a 3% drop reaches no cluster: nothing is added', () => {
  const c = computeFrom(ex, { shock: '3', impact: '3' });
  assert.equal(c.outputs.count?.toNumber(), 0);
  assert.equal(c.outputs.added?.toFixed(), '0');
});
