/** Unit tests for the lesson readability check; expected values were worked out by hand. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  countSentences,
  countSyllables,
  fleschReadingEase,
  lessonStats,
  passes,
  stripMdx,
  words,
} from '../readability.ts';

describe('countSyllables', () => {
  // Counts taken from a dictionary's syllable breaks (e.g. lev·er·age, liq·ui·da·tion).
  const known: Array<[string, number]> = [
    ['cat', 1],
    ['the', 1],
    ['trade', 1],
    ['trades', 1],
    ['moved', 1],
    ['whole', 1],
    ['margin', 2],
    ['table', 2],
    ['simple', 2],
    ['wanted', 2],
    ['prices', 2],
    ['going', 2],
    ['risky', 2],
    ['leverage', 3],
    ['position', 3],
    ['exposure', 3],
    ['maintenance', 3],
    ['ratio', 3],
    ['liquidation', 4],
    ['collateral', 4],
    ['isolated', 4],
  ];
  for (const [word, syllables] of known) {
    it(`counts ${syllables} in "${word}"`, () => {
      assert.equal(countSyllables(word), syllables);
    });
  }

  it('ignores case and punctuation', () => {
    assert.equal(countSyllables('Leverage,'), 3);
  });

  it('gives every real word at least one syllable and an empty token none', () => {
    assert.equal(countSyllables('by'), 1);
    assert.equal(countSyllables('rhythm'), 1);
    assert.equal(countSyllables(''), 0);
  });

  it('counts a number as two syllables', () => {
    assert.equal(countSyllables('100'), 2);
    assert.equal(countSyllables('10x'), 2);
  });
});

describe('words and sentences', () => {
  it('keeps money and multiples as single words and drops stray punctuation', () => {
    assert.deepEqual(words('Post $1,000 at 10x — then wait.'), ['Post', '$1,000', 'at', '10x', 'then', 'wait']);
  });

  it('does not end a sentence at a decimal point or an abbreviation', () => {
    assert.equal(countSentences('A rate of 0.5% is small, e.g. on bitcoin. It adds up!'), 2);
  });

  it('counts a text without a full stop as one sentence', () => {
    assert.equal(countSentences('no full stop here'), 1);
    assert.equal(countSentences(''), 0);
  });
});

describe('fleschReadingEase', () => {
  it('scores "The cat sat on the mat." as 116.145', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1 = 116.145.
    assert.ok(Math.abs(fleschReadingEase('The cat sat on the mat.') - 116.145) < 1e-9);
  });

  it('scores a two-sentence text as computed by hand', () => {
    // Words 9, sentences 2, syllables lev-er-age(3) is(1) ris-ky(2) it(1) can(1) wipe(1) out(1)
    // your(1) mar-gin(2) = 13: 206.835 - 1.015 * 4.5 - 84.6 * 13 / 9 = 206.835 - 4.5675 - 122.2.
    const score = fleschReadingEase('Leverage is risky. It can wipe out your margin.');
    assert.ok(Math.abs(score - 80.0675) < 1e-9, `got ${score}`);
  });

  it('returns 0 for text with no words', () => {
    assert.equal(fleschReadingEase(''), 0);
  });
});

const lesson = `---
title: A lesson
sources:
  - title: Something
    url: https://example.com
---

import Calc from '../../src/components/mdx/Calc.astro';
import Term from '../../src/components/mdx/Term.astro';
import Callout from '../../src/components/mdx/Callout.astro';
export const meta = { draft: true };

## Your **own** money

You post <Term id="margin">margin</Term> and open a <Calc fn="notional" input={{ quantity: 0.1, price: 60000 }} format="usd" /> position.
See [the guide](https://example.com/guide) for *more*.

<Callout type="mistake" title="Ten times is not ten percent">

You are closed after a fall of <Calc
  fn="liquidationPrice"
  input={{ side: 'long', quantity: 1, entryPrice: 60000, marginMode: 'isolated', leverage: 10, maintenanceMarginRate: 0.005 }}
  pick="distance"
  format="percent"
  abs
/>.

</Callout>

- First point
- Second point

\`\`\`ts
const hidden = 'code is not prose';
\`\`\`

<table>
  <caption>A table nobody reads aloud</caption>
  <tbody>
    <tr><td><Calc fn="notional" input={{ quantity: 1, price: 2 }} format="usd" /></td></tr>
  </tbody>
</table>

| Leverage | Move |
| --- | --- |
| 10x | 10% |

{/* a comment */}
Last line with <strong>bold</strong> text
`;

describe('stripMdx', () => {
  const text = stripMdx(lesson);

  it('leaves no tags, braces, imports, exports or front matter', () => {
    assert.doesNotMatch(text, /[<>{}]/);
    assert.doesNotMatch(text, /\bimport\b|\bexport\b|title:|https:/);
  });

  it('keeps the children of inline tags and the text of links', () => {
    assert.match(text, /You post margin and open a 100 position\./);
    assert.match(text, /See the guide for more\./);
    assert.match(text, /Last line with bold text\./);
  });

  it('turns a multi-line <Calc /> into a number', () => {
    assert.match(text, /You are closed after a fall of 100\./);
  });

  it('keeps headings, callout titles and list items as sentences of their own', () => {
    const blocks = text.split('\n\n');
    assert.ok(blocks.includes('Your own money.'));
    assert.ok(blocks.includes('Ten times is not ten percent.'));
    assert.ok(blocks.includes('First point.'));
    assert.ok(blocks.includes('Second point.'));
  });

  it('drops code, tables and comments', () => {
    assert.doesNotMatch(text, /hidden|nobody|Leverage \||comment/);
  });

  it('gives the expected blocks and nothing else', () => {
    assert.deepEqual(text.split('\n\n'), [
      'Your own money.',
      'You post margin and open a 100 position. See the guide for more.',
      'Ten times is not ten percent.',
      'You are closed after a fall of 100.',
      'First point.',
      'Second point.',
      'Last line with bold text.',
    ]);
  });
});

describe('lessonStats and passes', () => {
  it('counts the prose of a lesson', () => {
    const stats = lessonStats(lesson);
    // 3 + 13 + 6 + 8 + 2 + 2 + 5 words in the blocks listed above; the second block has 2 sentences.
    assert.equal(stats.words, 39);
    assert.equal(stats.sentences, 8);
    assert.equal(stats.flesch, fleschReadingEase(stripMdx(lesson)));
  });

  it('fails a lesson that is too short, too long or too hard', () => {
    assert.equal(passes({ words: 1500, sentences: 100, syllables: 2000, flesch: 60 }), true);
    assert.equal(passes({ words: 1199, sentences: 100, syllables: 2000, flesch: 60 }), false);
    assert.equal(passes({ words: 2501, sentences: 100, syllables: 2000, flesch: 60 }), false);
    assert.equal(passes({ words: 1500, sentences: 100, syllables: 2000, flesch: 49.9 }), false);
  });
});
