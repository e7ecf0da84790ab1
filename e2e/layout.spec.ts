/**
 * The layout at phone and wide-screen widths: a short header with a keyboard menu on phones, a tool's fields on the
 * first screen, lesson tables as stacked rows at 360 px, and wide pages that use the width instead of one column
 * against the left edge.
 */
import { test, expect } from './fixtures.ts';

const PHONE = { width: 390, height: 844 };

test.describe('on a 390 px phone', () => {
  test.use({ viewport: PHONE });

  for (const path of ['/', '/lessons/liquidation/', '/tools/liquidation/', '/glossary/']) {
    test(`${path}: the header is at most 64 px tall`, async ({ page }) => {
      await page.goto(path);
      const box = await page.locator('.site-header').boundingBox();
      expect(box?.height ?? 999).toBeLessThanOrEqual(64);
    });
  }

  test('the menu opens and closes by keyboard, and focus returns to its button', async ({ page, problems }) => {
    await page.goto('/tools/');
    const button = page.getByRole('button', { name: 'Menu' });
    const search = page.getByRole('searchbox', { name: 'Search the lessons' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(search).toBeHidden();
    // Skip link, brand, then the menu button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' })).toBeVisible();
    await expect(search).toBeVisible();
    await expect(page.getByLabel('Colour theme')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(search).toBeHidden();
    await expect(button).toBeFocused();
    // Space opens it too; a link inside works.
    await page.keyboard.press(' ');
    await expect(search).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();
    await expect(page).toHaveURL(/\/glossary\/$/);
    expect(problems.list).toEqual([]);
  });

  test('a tool page shows its first field on the first screen', async ({ page }) => {
    await page.goto('/tools/liquidation/');
    const first = page.locator('astro-island input, astro-island select').first();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y ?? 9999).toBeLessThan(PHONE.height);
  });

  test('a tool page keeps its key result on the first screen, following the fields, until the reader reaches it', async ({
    page,
    problems,
  }) => {
    await page.goto('/tools/liquidation/');
    const widget = page.locator('[data-widget="liquidation"]');
    const bar = page.getByTestId('key-result-bar');
    const real = widget.getByTestId('liquidation');
    // The server's default: 10x long, 1,000 margin, entry 60,000, Binance tiers (tools' own spec checks the figure).
    await expect(bar).toBeVisible();
    await expect(bar).toHaveText(`Liquidation price: ${await real.innerText()}`);
    const box = await bar.boundingBox();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    // A field changes: the bar follows the widget's own figure.
    await expect(page.locator('astro-island').filter({ has: widget })).not.toHaveAttribute('ssr', /.*/);
    const before = await real.innerText();
    await widget.getByLabel('Leverage', { exact: true }).fill('20');
    await expect(real).not.toHaveText(before);
    await expect(bar).toHaveText(`Liquidation price: ${await real.innerText()}`);
    // A tap brings the real figure on screen, and the bar goes; scrolled past it, the bar stays away.
    await bar.click();
    await expect(real).toBeInViewport();
    await expect(bar).toBeHidden();
    await page.mouse.wheel(0, 4000);
    await expect(bar).toBeHidden();
    expect(problems.list).toEqual([]);
  });
});

test('wide screens never show the key result bar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto('/tools/liquidation/');
  await expect(page.getByTestId('key-result-bar')).toBeHidden();
});

test('a lesson table at 360 px is stacked rows with their column labels, and nothing scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/lessons/liquidation/');
  const wrap = page.locator('.table-stack').first();
  await wrap.scrollIntoViewIfNeeded();
  const sizes = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The header row is hidden; each cell shows its column's name before its value.
  const cell = wrap.locator('tbody td').first();
  const label = await cell.getAttribute('data-label');
  expect(label).toBeTruthy();
  const shown = await cell.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(shown).toBe(`"${label}"`);
  await expect(wrap.locator('thead')).toHaveCSS('position', 'absolute');
});

/** Where the page's content sits: the gap left of it and right of it, in px. */
async function gaps(page: import('@playwright/test').Page): Promise<{ left: number; right: number }> {
  return page.evaluate(() => {
    let left = Infinity;
    let right = -Infinity;
    for (const el of document.querySelectorAll('main > *, main > * > *')) {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || getComputedStyle(el).position === 'absolute') continue;
      left = Math.min(left, r.left);
      right = Math.max(right, r.right);
    }
    return { left, right: document.documentElement.clientWidth - right };
  });
}

for (const width of [1280, 1600]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const path of ['/', '/lessons/liquidation/', '/tools/', '/tools/liquidation/', '/progress/', '/glossary/']) {
      test(`${path} is laid out across the width, with no empty half-screen`, async ({ page }) => {
        await page.goto(path);
        const { left, right } = await gaps(page);
        // Centred (or filled): neither side is an empty strip much wider than the other.
        expect(Math.abs(left - right), `left ${left}, right ${right}`).toBeLessThan(width * 0.12);
        expect(right).toBeLessThan(width * 0.3);
      });
    }

    test('a lesson keeps its contents in view while reading', async ({ page }) => {
      await page.goto('/lessons/liquidation/');
      const toc = page.locator('.toc-side');
      await expect(toc).toBeVisible();
      await page.mouse.wheel(0, 4000);
      await expect.poll(() => toc.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(100);
      await expect(toc).toBeInViewport();
    });
  });
}

test('at 1600 px a glossary definition sits in the margin beside the text, without hovering', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('/lessons/liquidation/');
  const term = page.locator('.lesson-body p .term').first();
  const tip = term.locator('.term-tip');
  await expect(tip).toBeVisible();
  const text = await page.locator('.lesson-body').boundingBox();
  const note = await tip.boundingBox();
  expect(note && text ? note.x : 0).toBeGreaterThanOrEqual((text?.x ?? 0) + (text?.width ?? 0));
});

test('at 1024 px the same definition is a pop-up, shown on focus', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/lessons/liquidation/');
  const term = page.locator('.lesson-body p .term').first();
  await expect(term.locator('.term-tip')).toBeHidden();
  await term.getByRole('link').focus();
  await expect(term.locator('.term-tip')).toBeVisible();
});

test('at 1600 px a regulatory figure’s source sits in the margin, once per fact; narrower it stays in the source list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('/lessons/us-regulation/');
  const fact = page.locator('.lesson-body p .fact:has([data-fact-note])').first();
  const id = await fact.getAttribute('data-fact');
  const note = fact.locator('[data-fact-note]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Source:');
  await expect(note.getByRole('link')).toHaveAttribute('href', /^https:\/\//);
  const text = await page.locator('.lesson-body').boundingBox();
  const box = await note.boundingBox();
  expect(box && text ? box.x : 0).toBeGreaterThanOrEqual((text?.x ?? 0) + (text?.width ?? 0));
  // The same fact stated again further on has no second note.
  await expect(page.locator(`[data-fact-note="${id}"]`)).toHaveCount(1);
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(note).toBeHidden();
});
