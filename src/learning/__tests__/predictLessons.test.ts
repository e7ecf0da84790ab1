/**
 * Every lesson has a "Predict, then reveal" moment (issue 17), each naming concepts that exist in
 * content/concepts.yaml, with a unique id, the lesson's own slug, and either a calc spec from the lesson's scenario
 * module or a choice with a right option.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const DIR = new URL('../../../content/lessons/', import.meta.url);
const concepts = new Set(
  (parse(readFileSync(new URL('../../../content/concepts.yaml', import.meta.url), 'utf8')) as { id: string }[]).map(
    (c) => c.id,
  ),
);
const files = readdirSync(DIR).filter((f) => /^\d\d-.+\.mdx$/.test(f));

/** The attributes of every `<Predict … />` tag: name → raw value (string or the text of a {…} expression). */
function predictTags(mdx: string): Record<string, string>[] {
  return [...mdx.matchAll(/<Predict\s([\s\S]*?)\/>/g)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([a-zA-Z]+)=(?:"([^"]*)"|\{([^}]*(?:\}[^}]*)*?)\}(?=\s+[a-zA-Z]+=|\s*$))/g)) {
      attrs[a[1]] = a[2] ?? a[3] ?? '';
    }
    return attrs;
  });
}

test('there are twelve lessons to check', () => {
  assert.equal(files.length, 12);
});

for (const file of files) {
  const slug = file.replace(/^\d\d-/, '').replace(/\.mdx$/, '');
  const mdx = readFileSync(new URL(file, DIR), 'utf8');
  const tags = predictTags(mdx);

  test(`${file}: at least one prediction, each with known concepts, its own id, and an answer`, () => {
    assert.ok(tags.length >= 1, `${file} has no <Predict>`);
    const ids = new Set<string>();
    for (const t of tags) {
      assert.equal(t['lesson'], slug, `${file}: lesson="${t['lesson']}"`);
      assert.match(t['id'] ?? '', /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(!ids.has(t['id']), `${file}: prediction id "${t['id']}" twice`);
      ids.add(t['id']);
      const named = (t['concepts'] ?? '').split(/\s+/).filter(Boolean);
      assert.ok(named.length >= 1, `${file} ${t['id']}: names no concept`);
      for (const c of named) assert.ok(concepts.has(c), `${file} ${t['id']}: unknown concept "${c}"`);
      assert.ok((t['question'] ?? '').length >= 20, `${file} ${t['id']}: a question`);
      assert.ok((t['gap'] ?? '').length >= 20, `${file} ${t['id']}: a sentence on the gap`);
      if (t['spec'] !== undefined) {
        // A number prediction's answer comes from the scenario module: a plain name, no inline data.
        assert.match(t['spec'], /^[A-Za-z_$][\w$]*$/, `${file} ${t['id']}: spec={name}`);
        assert.ok(new RegExp(`import \\{[^}]*\\b${t['spec']}\\b[^}]*\\} from '../../src/lessons/scenarios/`).test(mdx));
      } else {
        assert.match(t['correct'] ?? '', /^\d+$/, `${file} ${t['id']}: a choice needs correct={n}`);
        assert.match(t['options'] ?? '', /^\[/, `${file} ${t['id']}: a choice needs options`);
      }
    }
  });
}
