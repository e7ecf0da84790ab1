/** Search: the header box finds a lesson by a word that appears only in its body. */
import { test, expect } from './fixtures.ts';

test('searching a word from a lesson body lists that lesson', async ({ page, problems }) => {
  await page.goto('/glossary/');
  const box = page.getByRole('searchbox', { name: 'Search the lessons' });
  await box.fill('exposure');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=exposure/);
  await expect(page.getByRole('status')).toContainText(/lessons? found for “exposure”/);
  const hit = page.locator('#search-results li').first();
  await expect(hit.getByRole('link')).toHaveAttribute('href', '/lessons/what-leverage-is/');
  await expect(hit.locator('mark').first()).toHaveText(/exposure/i);
  await hit.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What leverage is');
  expect(problems.list).toEqual([]);
});

test('a word no lesson uses says so plainly', async ({ page }) => {
  await page.goto('/search/?q=zzqxv');
  await expect(page.getByRole('status')).toHaveText('No lesson mentions “zzqxv”. Try a shorter or different word.');
});
