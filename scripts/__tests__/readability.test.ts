/** Unit tests for the lesson readability check; expected values were worked out by hand. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attributesOf,
  calcFigure,
  countSentences,
  lessonFileStats,
  passes,
  proseBlocks,
  spoken,
  syllables,
  textStats,
  words,
} from '../readability.ts';

describe('syllables', () => {
  // Counts from a dictionary's syllable breaks (Merriam-Webster: lev·er·age, liq·ui·da·tion, rhythm /ˈri-t͟həm/).
  const known: Array<[string, number]> = [
    ['cat', 1],
    ['trades', 1],
    ['margin', 2],
    ['rhythm', 2],
    ['leverage', 3],
    ['maintenance', 3],
    ['ratio', 3],
    ['liquidation', 4],
    ['collateral', 4],
    ['isolated', 4],
  ];
  for (const [word, count] of known) {
    it(`counts ${count} in "${word}"`, () => assert.equal(syllables(word), count));
  }

  it('reads an initialism letter by letter (B-T-C, U-S-D-T, double-u)', () => {
    assert.equal(syllables('BTC'), 3);
    assert.equal(syllables('USDT'), 4);
    assert.equal(syllables('CFTCs'), 4);
    assert.equal(syllables('WSJ'), 5);
  });
});

describe('spoken numbers', () => {
  it('says money, percentages, multiples, signs and ordinals as a reader does', () => {
    assert.equal(spoken('$45,016.75'), 'forty-five thousand sixteen dollars and seventy-five cents');
    assert.equal(spoken('9.5%'), 'nine point five percent');
    assert.equal(spoken('0.05%'), 'zero point zero five percent');
    assert.equal(spoken('10x'), 'ten times');
    assert.equal(spoken('\u22123'), 'minus three');
    assert.equal(spoken('the 2nd'), 'the second');
    assert.equal(spoken('60,000 USDT'), 'sixty thousand USDT');
    // A hyphen after a word joins, it is not a minus sign.
    assert.equal(spoken('a 10-day loan, COVID-19'), 'a ten-day loan, COVID-nineteen');
  });

  it('leaves words alone', () => {
    assert.equal(spoken('Leverage cuts both ways.'), 'Leverage cuts both ways.');
  });
});

describe('words and sentences', () => {
  it('keeps numbers as single written words and drops punctuation', () => {
    assert.deepEqual(words('Post $1,000 at 10x — then wait.'), ['Post', '1,000', 'at', '10x', 'then', 'wait']);
  });

  it('does not end a sentence at a decimal point or an abbreviation', () => {
    assert.equal(countSentences('A rate of 0.5% is small, e.g. on bitcoin. It adds up!'), 2);
    assert.equal(countSentences('The U.S. rules differ. They do.'), 2);
  });

  it('counts a text without a full stop as one sentence, and no words as none', () => {
    assert.equal(countSentences('no full stop here'), 1);
    assert.equal(countSentences(''), 0);
  });
});

describe('textStats (Flesch reading ease)', () => {
  it('scores "The cat sat on the mat." as 116.145', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 6 / 6 = 116.145.
    const s = textStats(['The cat sat on the mat.']);
    assert.equal(s.words, 6);
    assert.equal(s.syllables, 6);
    assert.ok(Math.abs(s.flesch - 116.145) < 1e-9, `${s.flesch}`);
  });

  it('reads a figure as its spoken words, not as one short token', () => {
    // Said: "It costs twenty-five dollars and fifty cents." Words: it, costs, twenty, five, dollars, and, fifty,
    // cents = 8; syllables 1 + 1 + 2 + 1 + 2 + 1 + 2 + 1 = 11; written words: It, costs, 25.50 = 3.
    // Flesch: 206.835 - 1.015 * 8 / 1 - 84.6 * 11 / 8 = 206.835 - 8.12 - 116.325 = 82.39.
    const s = textStats(['It costs $25.50.']);
    assert.deepEqual([s.words, s.spokenWords, s.sentences, s.syllables], [3, 8, 1, 11]);
    assert.ok(Math.abs(s.flesch - 82.39) < 1e-9, `${s.flesch}`);
  });

  it('returns 0 for text with no words', () => {
    assert.equal(textStats([]).flesch, 0);
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
import { trade } from './scenario.ts';
export const meta = { draft: true };

## Your **own** money

You post <Term id="margin">margin</Term> and open a <Calc fn="notional" input={trade} format="usd" digits={0} /> position.
See [the guide](https://example.com/guide) for *more*.

<Callout type="mistake" title="Ten times is not ten percent">

You are closed after a fall of <Calc
  fn="notional"
  input={{ quantity: 0.5, price: 3 }}
  format="number"
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

<PositionCalculator />

{/* a comment */}
Last line with <strong>bold</strong> text
`;

/** A stand-in for the figures: the call's fn and format, so the tests see where each <Calc> went. */
const stub = (a: Record<string, unknown>) => `[${String(a['fn'])} ${String(a['format'])}]`;

describe('proseBlocks (through the MDX compiler)', () => {
  const blocks = proseBlocks(lesson, (node) => stub(attributesOf(node, { trade: {} })));

  it('gives the reader\u2019s blocks: headings, paragraphs, callout titles, list items; no code, table or widget', () => {
    assert.deepEqual(blocks, [
      'Your own money.',
      'You post margin and open a [notional usd] position. See the guide for more.',
      'Ten times is not ten percent.',
      'You are closed after a fall of [notional number].',
      'First point.',
      'Second point.',
      'Last line with bold text.',
    ]);
  });

  it('evaluates attributes: strings, {expressions} with the lesson\u2019s imports in scope, bare flags', () => {
    const seen: Record<string, unknown>[] = [];
    proseBlocks(lesson, (node) => {
      seen.push(attributesOf(node, { trade: { quantity: 0.1, price: 60000 } }));
      return '';
    });
    assert.deepEqual(seen, [
      { fn: 'notional', input: { quantity: 0.1, price: 60000 }, format: 'usd', digits: 0 },
      { fn: 'notional', input: { quantity: 0.5, price: 3 }, format: 'number', abs: true },
    ]);
  });
});

describe('calcFigure', () => {
  it('shows a figure as the page does', () => {
    // notional = quantity × price = 0.1 × 60,000 = 6,000 (USD, no decimals).
    assert.equal(
      calcFigure({ fn: 'notional', input: { quantity: 0.1, price: 60000 }, format: 'usd', digits: 0 }),
      '$6,000',
    );
  });
});

describe('lessonFileStats and passes', () => {
  it('reads a lesson file with its scenario import and counts its figures as said aloud', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readability-'));
    writeFileSync(join(dir, 'scenario.ts'), 'export const trade = { quantity: 0.1, price: 60000 };\n');
    writeFileSync(join(dir, 'lesson.mdx'), lesson);
    const stats = await lessonFileStats(join(dir, 'lesson.mdx'));
    // Written words per block: 3 + (8 + 5) + 6 + 8 + 2 + 2 + 5 = 39, where the two figures are "$6,000" (0.1 × 60,000)
    // and "1.5" (0.5 × 3), one word each. Said aloud they are "six thousand dollars" (3 words, not 1) and
    // "one point five" (3, not 1): 39 + 2 + 2 = 43 words. Sentences: one per block, two in the second = 8.
    assert.equal(stats.words, 39);
    assert.equal(stats.spokenWords, 43);
    assert.equal(stats.sentences, 8);
  });

  it('fails a lesson that is too short, too long or too hard', () => {
    const base = { words: 1500, spokenWords: 1600, sentences: 100, syllables: 2000 };
    assert.equal(passes({ ...base, flesch: 60 }), true);
    assert.equal(passes({ ...base, words: 1199, flesch: 60 }), false);
    assert.equal(passes({ ...base, words: 2501, flesch: 60 }), false);
    assert.equal(passes({ ...base, flesch: 49.9 }), false);
  });
});
