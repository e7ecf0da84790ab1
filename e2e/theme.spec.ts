/** The theme follows the system until the reader picks one, then stays picked, with no flash. */
import { test, expect, chooseTheme } from './fixtures.ts';

const bg = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the system theme applies until the reader chooses one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  expect(await bg(page)).toBe('rgb(17, 19, 23)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bg(page)).toBe('rgb(253, 253, 252)');
  await expect(page.getByLabel('Colour theme')).toHaveValue('system');
});

test('a chosen theme persists across pages and reloads, applied before first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await chooseTheme(page, 'dark');
  expect(await bg(page)).toBe('rgb(17, 19, 23)');

  // Record the theme the document has when <body> first appears, before anything in it can paint.
  await page.addInitScript(() => {
    const w = window as unknown as { firstTheme?: string | null };
    new MutationObserver((_, observer) => {
      if (document.body && w.firstTheme === undefined) {
        w.firstTheme = document.documentElement.dataset['theme'] ?? null;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/glossary/');
  expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe('dark');
  expect(await bg(page)).toBe('rgb(17, 19, 23)');
  await expect(page.getByLabel('Colour theme')).toHaveValue('dark');

  await page.reload();
  expect(await bg(page)).toBe('rgb(17, 19, 23)');

  await chooseTheme(page, 'system');
  expect(await bg(page)).toBe('rgb(253, 253, 252)');
  await page.reload();
  await expect(page.getByLabel('Colour theme')).toHaveValue('system');
});
