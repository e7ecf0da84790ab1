/** Every page in the sitemap: loads cleanly and passes axe (WCAG 2.2 AA) in both themes. */
import { test, expect, sitemapPaths, axeViolations } from './fixtures.ts';

const paths = sitemapPaths();

test('the sitemap lists the course home, the glossary and every published lesson', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/glossary/');
  expect(paths.some((p) => p.startsWith('/lessons/'))).toBe(true);
});

for (const path of paths) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${path} in the ${theme} theme loads cleanly and passes axe`, async ({ page, problems }) => {
      await page.emulateMedia({ colorScheme: theme });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.list).toEqual([]);
    });
  }
}

test('an unknown address gets the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the course home' }).click();
  await expect(page).toHaveURL('/');
  expect(await axeViolations(page)).toEqual([]);
});

test('every page has a description, a canonical URL and Open Graph tags', async ({ page }) => {
  for (const path of paths) {
    await page.goto(path);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0, path).toBeGreaterThan(40);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical ?? '').pathname, path).toBe(path);
    await expect(page.locator('meta[property="og:title"]'), path).toHaveAttribute('content', /\S/);
    await expect(page.locator('meta[property="og:image"]'), path).toHaveAttribute('content', /\/og\.png$/);
  }
});

test('no page scrolls sideways at 320 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of paths) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(320);
  }
});

test('a lesson prints without the site navigation', async ({ page }) => {
  const lesson = paths.find((p) => p.startsWith('/lessons/')) ?? '/';
  await page.goto(lesson);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.pager')).toBeHidden();
});
