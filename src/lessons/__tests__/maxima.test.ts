/**
 * Every maximum a lesson shows keeps its promise at the value shown: for "the highest leverage at which your stop
 * fires first", the stop still fires first at the displayed leverage (rounded, as the reader reads it), checked with
 * calc's `stopBeforeLiquidation`. A maximum rounded up (the December 2026 review's E5: 9.6x shown for a 9.5694x limit)
 * fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { stopBeforeLiquidation, Decimal } from '../../calc/index.ts';
import { figureText } from '../figures.ts';

const lessons = new URL('../../../content/lessons/', import.meta.url);

interface MaximumTag {
  lesson: string;
  id: string;
  fn: string;
  input: string;
  pick?: string;
  digits?: number;
  scenarioModule: string;
}

/** The `<Calc … maximum />` tags of every lesson, with the scenario module their input comes from. */
function maximumTags(): MaximumTag[] {
  const tags: MaximumTag[] = [];
  for (const file of readdirSync(lessons).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(new URL(file, lessons), 'utf8');
    const module = /from '\.\.\/\.\.\/src\/lessons\/scenarios\/([^']+)'/.exec(text)?.[1];
    for (const m of text.matchAll(/<Calc\b([^>]*?)\/>/g)) {
      const attrs = m[1];
      if (!/\smaximum(\s|$)/.test(attrs)) continue;
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
      const input = /\sinput=\{(\w+)\}/.exec(attrs)?.[1];
      const digits = /\sdigits=\{(\d+)\}/.exec(attrs)?.[1];
      assert.ok(module && input, `${file}: a maximum needs a named input from a scenario module`);
      tags.push({
        lesson: file,
        id: attr('id') ?? '(no id)',
        fn: attr('fn') as string,
        input,
        ...(attr('pick') ? { pick: attr('pick') } : {}),
        ...(digits ? { digits: Number(digits) } : {}),
        scenarioModule: module,
      });
    }
  }
  return tags;
}

const tags = maximumTags();

test('the lessons show the maxima the review listed, each marked as a maximum', () => {
  // 04: stop 45,000 under a 50,000 long; 06: the three limits of the risk lesson.
  assert.ok(tags.length >= 4, `found ${tags.length} maxima`);
  for (const t of tags) assert.equal(t.fn, 'safeLeverageForStop', `${t.lesson} ${t.id}`);
});

for (const t of tags) {
  test(`${t.lesson} ${t.id}: at the leverage shown, the stop still fires before liquidation`, async () => {
    const scenarios = (await import(`../scenarios/${t.scenarioModule}`)) as Record<string, Record<string, unknown>>;
    const input = scenarios[t.input];
    assert.ok(input, `${t.scenarioModule} exports ${t.input}`);
    const shown = figureText({
      fn: t.fn,
      input,
      pick: t.pick,
      format: 'multiple',
      digits: t.digits,
      maximum: true,
    });
    // What the reader reads ("9.5x"), back to a number, exactly as shown.
    const leverage = new Decimal(shown.replace(/x$/, '').replace(/,/g, ''));
    const check = stopBeforeLiquidation({ ...input, leverage } as Parameters<typeof stopBeforeLiquidation>[0]);
    assert.equal(check.firesFirst, true, `${shown}: liquidation at ${check.liquidationPrice?.toFixed(2)}`);
  });
}
