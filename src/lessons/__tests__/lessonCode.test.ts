/**
 * Lessons hold no code (code review 2026-12, §1): a figure in a lesson is `<Calc fn="…" input={name} …/>` with a named
 * input from src/lessons/scenarios/, never an inline object, a nested call or a calc import; and a maximum is never
 * rounded up (content review E5).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../../content/lessons/', import.meta.url));
const lessons = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ file: f, mdx: readFileSync(DIR + f, 'utf8') }));

/** Every `<Calc … />` tag, braces balanced (an input may hold "/>" only inside braces). */
function calcTags(mdx: string): string[] {
  const tags: string[] = [];
  for (let start = mdx.indexOf('<Calc'); start !== -1; start = mdx.indexOf('<Calc', start + 1)) {
    let depth = 0;
    let end = start;
    for (; end < mdx.length; end++) {
      const c = mdx[end];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '/' && depth === 0 && mdx[end + 1] === '>') break;
    }
    tags.push(mdx.slice(start, end + 2));
  }
  return tags;
}

/** The text of every `name={…}` expression in a tag. */
function expressions(tag: string): string[] {
  const out: string[] = [];
  for (let i = tag.indexOf('={'); i !== -1; i = tag.indexOf('={', i + 1)) {
    let depth = 0;
    let j = i + 1;
    for (; j < tag.length; j++) {
      if (tag[j] === '{') depth++;
      else if (tag[j] === '}' && --depth === 0) break;
    }
    out.push(tag.slice(i + 2, j));
  }
  return out;
}

test('the lessons have <Calc> figures to check', () => {
  assert.ok(lessons.length >= 8);
  assert.ok(lessons.reduce((n, l) => n + calcTags(l.mdx).length, 0) > 100);
});

for (const { file, mdx } of lessons) {
  test(`${file}: every <Calc> input is a named scenario, with no inline object, literal or nested call`, () => {
    for (const tag of calcTags(mdx)) {
      for (const expr of expressions(tag)) {
        // A name or a member path (tenXLong, ladder.at2x.liquidation), or a plain number (digits={0}).
        assert.match(expr.trim(), /^([A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*|\d+)$/, `${file}: ${tag}`);
      }
    }
  });

  test(`${file}: imports no calculation code and no venue data`, () => {
    assert.doesNotMatch(mdx, /^import[^;]*?from\s*['"][^'"]*\/src\/calc\/[^'"]*['"]/m, file);
  });

  test(`${file}: a shown maximum is rounded down, and figure ids are unique`, () => {
    for (const tag of calcTags(mdx)) {
      if (/fn="(maxLeverageForStop|safeLeverageForStop)"/.test(tag)) {
        assert.match(tag, /\smaximum[\s/]/, `${file}: a leverage limit must carry "maximum": ${tag}`);
      }
    }
    const ids = [...mdx.matchAll(/<Calc\b[^>]*?\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `${file}: duplicate figure ids`);
  });
}
