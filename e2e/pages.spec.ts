/** Every page in the sitemap: loads cleanly, passes axe (WCAG 2.2 AA) in both themes, fits 320 px, has its meta. */
import { test, expect, sitemapPaths, axeViolations } from './fixtures.ts';

const paths = sitemapPaths();

test('the sitemap lists the course home, the glossary and every published lesson, and no embed page', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/glossary/');
  expect(paths.some((p) => p.startsWith('/lessons/'))).toBe(true);
  expect(paths.some((p) => p.startsWith('/embed/'))).toBe(false);
});

for (const path of paths) {
  test(`${path} loads cleanly, passes axe in the light and dark themes, has its meta and fits 320 px`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: 'light' });
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await page.waitForLoadState('networkidle');
    // Checked before axe runs: axe's own probes (inline styles inside embed frames) would trip the CSP.
    expect(problems.list).toEqual([]);
    expect(await axeViolations(page), 'light theme').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, { colourOnly: true }), 'dark theme').toEqual([]);
    // Meta: a real description, a canonical URL to itself, Open Graph.
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0).toBeGreaterThan(40);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical ?? '').pathname).toBe(path);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/og\.png$/);
    // Nothing scrolls sideways on a 320 px phone.
    await page.setViewportSize({ width: 320, height: 700 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${path} at 320 px` })
      .toBeLessThanOrEqual(320);
  });
}

test('an unknown address gets the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the course home' }).click();
  await expect(page).toHaveURL('/');
  expect(await axeViolations(page)).toEqual([]);
});

test('a lesson prints without the site navigation', async ({ page }) => {
  const lesson = paths.find((p) => p.startsWith('/lessons/')) ?? '/';
  await page.goto(lesson);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.pager')).toBeHidden();
});
