import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLessonId } from '../slug.ts';
import { proseWordCount, readingMinutes } from '../readingTime.ts';
import { lessonFrontmatterSchema } from '../schema.ts';
import { courseOutline } from '../outline.ts';

test('a lesson file name gives its order and slug', () => {
  assert.deepEqual(parseLessonId('04-liquidation'), { order: 4, slug: 'liquidation' });
  assert.throws(() => parseLessonId('liquidation'), /must be named NN-slug\.mdx/);
  assert.throws(() => parseLessonId('4-Liquidation'), /must be named NN-slug\.mdx/);
});

test('reading time counts prose words only', () => {
  const mdx = `---\ntitle: x\n---\nimport Calc from './Calc.astro';\n\n## Two words\n\nOne <Term id="a">two</Term> three <Calc fn="pnl" input={{}} format="usd" />.\n`;
  // "Two words" + "One two three" + the number the <Calc> renders.
  assert.equal(proseWordCount(mdx), 6);
  assert.equal(readingMinutes(mdx), 1);
  assert.equal(readingMinutes('word '.repeat(1000)), 5);
});

test('an import over several lines is not prose', () => {
  const mdx = `import {\n  tenX,\n  ladder,\n} from '../../src/lessons/scenarios/01-what-leverage-is.ts';\n\nOne <Calc fn="notional" input={tenX} format="usd" /> two.\n`;
  // "One", the number, "two".
  assert.equal(proseWordCount(mdx), 3);
});

test('the course outline has twelve lessons with unique slugs', () => {
  assert.equal(courseOutline.length, 12);
  assert.equal(new Set(courseOutline.map((l) => l.slug)).size, 12);
});

const valid = {
  title: 'What leverage is',
  description: 'Exposure versus your own money, long and short, and why leverage cuts both ways.',
  objectives: ['Tell exposure from margin', 'Explain both-ways amplification'],
  minutes: 12,
  takeaways: ['Leverage sets exposure', 'Losses grow as fast', 'Liquidation comes first'],
  sources: [{ title: 'Leverage', url: 'https://support.kraken.com/x', publisher: 'Kraken', asOf: '2026-11-25' }],
  updated: new Date('2026-11-25T00:00:00Z'),
};

test('valid front matter passes, with YAML dates turned into YYYY-MM-DD', () => {
  const parsed = lessonFrontmatterSchema.parse(valid);
  assert.equal(parsed.updated, '2026-11-25');
  assert.equal(parsed.draft, false);
  assert.equal(parsed.sources[0]?.primary, false);
});

for (const [field, patch] of [
  ['sources.0.url', { sources: [{ ...valid.sources[0], url: 'http://insecure.example' }] }],
  ['sources.0.asOf', { sources: [{ ...valid.sources[0], asOf: '2026-13-40' }] }],
  ['objectives', { objectives: [] }],
  ['minutes', { minutes: 0 }],
  ['title', { title: undefined }],
] as const) {
  test(`front matter with a bad ${field} is refused, naming the field`, () => {
    const result = lessonFrontmatterSchema.safeParse({ ...valid, ...patch });
    assert.equal(result.success, false);
    assert.ok(
      result.error?.issues.some((i) => i.path.join('.') === field),
      JSON.stringify(result.error?.issues),
    );
  });
}
