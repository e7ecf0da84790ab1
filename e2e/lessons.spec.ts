/** Every lesson: its parts render, its numbers are the calculation module's, its terms and sources resolve. */
import { test, expect, sitemapPaths } from './fixtures.ts';
import * as calc from '../src/calc/index.ts';
import { pickPath } from '../src/components/mdx/pickPath.ts';
import { formatValue, type FormatKind } from '../src/format/numbers.ts';

const lessons = sitemapPaths().filter((p) => p.startsWith('/lessons/'));

test('all eight lessons are published', () => {
  expect(lessons).toHaveLength(8);
});

for (const path of lessons) {
  test(`${path} has objectives, takeaways, dated sources, a common mistake and at least two interactive elements`, async ({
    page,
  }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'In this lesson you will learn to' })).toBeVisible();
    expect(await page.locator('.objectives li').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.takeaways li').count()).toBeGreaterThanOrEqual(3);
    const sources = page.locator('.sources li');
    expect(await sources.count()).toBeGreaterThanOrEqual(1);
    for (const item of await sources.all()) {
      await expect(item).toContainText(/As of [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    }
    await expect(page.locator('.callout-mistake').first()).toBeVisible();
    await expect(page.locator('.not-advice')).toBeVisible();
    // Widgets and reactive prose are islands; the quiz is counted apart.
    const interactive = page.locator('astro-island:not(:has([data-quiz]))');
    expect(await interactive.count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-quiz]')).toHaveCount(1);
  });

  test(`${path}: every worked number equals what the calculation module gives`, async ({ page }) => {
    await page.goto(path);
    const figures = await page.$$eval('.lesson-body [data-calc]', (els) =>
      els.map((el) => ({
        fn: el.getAttribute('data-calc') ?? '',
        input: el.getAttribute('data-calc-input') ?? '{}',
        pick: el.getAttribute('data-calc-pick'),
        abs: el.hasAttribute('data-calc-abs'),
        value: el.getAttribute('data-calc-value') ?? '',
        text: el.textContent ?? '',
        format: el.getAttribute('data-calc-format') ?? '',
      })),
    );
    // The regulation lesson is about law, not arithmetic: it has no worked examples.
    if (path !== '/lessons/us-regulation/') expect(figures.length).toBeGreaterThan(3);
    for (const f of figures) {
      const fn = (calc as Record<string, unknown>)[f.fn] as (i: unknown) => unknown;
      let value = f.pick ? pickPath(fn(JSON.parse(f.input)), f.pick) : fn(JSON.parse(f.input));
      if (typeof value === 'number') value = new calc.Decimal(value);
      let d = value as InstanceType<typeof calc.Decimal>;
      if (f.abs) d = d.abs();
      expect(d.toFixed(), `${f.fn} ${f.input} ${f.pick ?? ''}`).toBe(f.value);
      expect(f.text).not.toMatch(/NaN|Infinity|undefined/);
      if (f.format) {
        const spec = JSON.parse(f.format) as { kind: FormatKind };
        expect(f.text).toBe(formatValue(d.toFixed(), spec));
      }
    }
  });

  test(`${path}: glossary terms resolve and external sources are well-formed https links`, async ({
    page,
    request,
  }) => {
    await page.goto(path);
    const terms = await page.$$eval('.lesson-body a[data-term]', (as) => as.map((a) => a.getAttribute('data-term')));
    expect(terms.length).toBeGreaterThan(0);
    const glossary = await (await request.get('/glossary/')).text();
    for (const id of new Set(terms)) expect(glossary, `term ${id}`).toContain(`id="${id}"`);
    // Each term shows its definition on keyboard focus.
    const first = page.locator('.lesson-body a[data-term]').first();
    await first.focus();
    await expect(page.locator(`#${await first.getAttribute('aria-describedby')}`)).toBeVisible();
    const external = await page.$$eval('article a[href^="http"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of external) {
      const url = new URL(href);
      if (url.hostname === '127.0.0.1') continue;
      expect(url.protocol, href).toBe('https:');
      expect(url.hostname, href).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i);
    }
  });
}
