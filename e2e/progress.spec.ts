/** Progress marks: reaching a lesson's end marks it read; bad saved data is survived with a notice. */
import { test, expect } from './fixtures.ts';

const KEY = 'leverage-lab:progress';

test('reaching the end of a lesson marks it read on the course home, across reloads', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('[data-lesson-slug="what-leverage-is"]');
  await expect(card.locator('.lesson-mark')).toHaveText('Not started');
  await card.getByRole('link').click();
  await expect(page.locator('#lesson-status')).toHaveText('You have reached the end of the lesson.');
  await page.locator('#lesson-end').scrollIntoViewIfNeeded();
  await expect(page.locator('#lesson-status')).toContainText('Marked as read on');
  await page.goto('/');
  await expect(card.locator('.lesson-mark')).toHaveText('Read');
  await page.reload();
  await expect(card.locator('.lesson-mark')).toHaveText('Read');
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? '{}') as {
    v: number;
    lessons: Record<string, unknown>;
  };
  expect(saved.v).toBe(3);
  expect(Object.keys(saved.lessons)).toEqual(['what-leverage-is']);
});

test('corrupt saved progress is set aside with a plain notice, and the site keeps working', async ({
  page,
  problems,
}) => {
  await page.goto('/');
  await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"lessons":{"what-leverage-is":{"readAt":42}}'), KEY);
  await page.reload();
  const notice = page.locator('#progress-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('could not be read');
  await expect(page.locator('[data-lesson-slug="what-leverage-is"] .lesson-mark')).toHaveText('Not started');
  expect(await page.evaluate((k) => localStorage.getItem(`${k}:backup`), KEY)).toContain('"readAt":42');
  // Reported once: the next visit starts clean.
  await page.reload();
  await expect(notice).toBeHidden();
  expect(problems.list).toEqual([]);
});

test('progress from a newer version is left untouched: the reader is told, nothing is written', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((k) => localStorage.setItem(k, '{"v":99,"lessons":{}}'), KEY);
  await page.reload();
  await expect(page.locator('#progress-notice')).toContainText('newer version');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe('{"v":99,"lessons":{}}');
  expect(await page.evaluate((k) => localStorage.getItem(`${k}:backup`), KEY)).toBeNull();
});

test('with storage blocked, lessons still mark as read for the visit', async ({ page, problems }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto('/lessons/what-leverage-is/');
  await page.locator('#lesson-end').scrollIntoViewIfNeeded();
  await expect(page.locator('#lesson-status')).toContainText('Marked as read on');
  expect(problems.list).toEqual([]);
});
