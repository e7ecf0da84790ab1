/** The widget registry is the one list of widgets that embed, tool and configurator pages render. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { widgets } from '../../widgets/registry.ts';

const root = new URL('../../', import.meta.url);

test('every registered widget names an island that has its folder, its wrapper, and a place in WidgetIsland', () => {
  const island = readFileSync(new URL('components/WidgetIsland.astro', root), 'utf8');
  for (const w of widgets) {
    assert.ok(existsSync(new URL(`widgets/${w.island}/${w.island}.tsx`, root)), `${w.id}: widgets/${w.island}/`);
    assert.ok(
      existsSync(new URL(`components/mdx/${w.island}.astro`, root)),
      `${w.id}: components/mdx/${w.island}.astro`,
    );
    assert.match(island, new RegExp(`^import ${w.island} from './mdx/${w.island}\\.astro';$`, 'm'), w.id);
  }
});

test('ids and islands are unique', () => {
  assert.equal(new Set(widgets.map((w) => w.id)).size, widgets.length);
  assert.equal(new Set(widgets.map((w) => w.island)).size, widgets.length);
});
