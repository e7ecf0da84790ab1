import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { withFactText, withFacts } from '../factText.ts';

test('a {fact:…} token becomes the words of the fact in content/facts/', () => {
  // content/facts/us.json: the individual ECP threshold, 7 U.S.C. 1a(18)(A)(xi).
  assert.equal(withFactText('more than {fact:us-ecp-individual} invested'), 'more than $10 million invested');
  // content/facts/eu.json: ESMA's 2:1 cap on crypto CFDs for retail clients.
  assert.equal(withFactText('at {fact:eu-cfd|ratio}, or {fact:eu-cfd|multiple}'), 'at 2:1, or 2x');
  assert.deepEqual(withFacts({ a: ['{fact:us-actual-delivery}'], n: 5 }), { a: ['28 days'], n: 5 });
});

test('an unknown fact fails loudly instead of showing a token', () => {
  assert.throws(() => withFactText('{fact:no-such-fact}'), /no regulatory fact "no-such-fact"/);
});

test('the regulation quizzes type no regulatory number: thresholds, penalties and caps are {fact:…} tokens', () => {
  for (const slug of ['us-regulation', 'rules-outside-the-us']) {
    const bank = parse(readFileSync(new URL(`../../../content/quizzes/${slug}.yaml`, import.meta.url), 'utf8')) as {
      questions: unknown[];
    };
    const text = JSON.stringify(bank.questions);
    // Legal figures of the collection, as a bank would type them. Scenario amounts ($11 million invested) are fine.
    for (const typed of ['$10 million', '$5 million', '$1 million', '$1.25 million', '28 days', '2:1']) {
      assert.ok(!text.includes(typed), `${slug}.yaml types "${typed}": write the {fact:…} token instead`);
    }
    assert.match(text, /\{fact:[a-z0-9-]+/);
    assert.doesNotMatch(JSON.stringify(withFacts(bank.questions)), /\{fact:/);
  }
});
