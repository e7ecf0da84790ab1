/** The /progress/ page: what was read and scored, the review list, export and import, reset, bad data. */
import { readFileSync } from 'node:fs';
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration } from './widgets.ts';
import type { Page } from '@playwright/test';

const KEY = 'leverage-lab:progress';
const record = {
  v: 1,
  lessons: { 'what-leverage-is': { readAt: '2026-11-20T10:00:00.000Z' } },
  quizzes: {
    'what-leverage-is': {
      attempts: 2,
      best: 0.75,
      missed: ['recover-from-half', 'wick-through-liquidation'],
      lastAt: '2026-11-21T10:00:00.000Z',
    },
  },
};

async function openWith(page: Page, value: unknown): Promise<void> {
  await page.goto('/progress/');
  await page.evaluate(([k, v]) => localStorage.setItem(k as string, JSON.stringify(v)), [KEY, value]);
  await page.reload();
  await waitForHydration(page, page.locator('.ll-progress'));
}

const stored = (page: Page): Promise<unknown> =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as unknown, KEY);

test('shows lessons read with dates, quiz scores, and a review list linking to questions and sections', async ({
  page,
  problems,
}) => {
  await openWith(page, record);
  const lesson = page.locator('[data-progress-lesson="what-leverage-is"]');
  await expect(lesson.getByTestId('read')).toHaveText('Read on Nov 20, 2026');
  await expect(lesson.getByTestId('quiz')).toHaveText('Quiz: best 75% after 2 attempts, passed');

  const review = page.locator('[data-review="what-leverage-is"]');
  await expect(review.locator('li')).toHaveCount(2);
  await expect(review.getByRole('link', { name: 'Read “Leverage cuts both ways”' })).toHaveAttribute(
    'href',
    '/lessons/what-leverage-is/#leverage-cuts-both-ways',
  );
  const question = review.locator('a[href="/lessons/what-leverage-is/#quiz-q-recover-from-half"]');
  await question.click();
  await expect(page).toHaveURL(/#quiz-q-recover-from-half$/);
  await expect(page.locator('#quiz-q-recover-from-half')).toBeInViewport();
  expect(problems.list).toEqual([]);
});

test('export then import restores the same state', async ({ page }) => {
  await openWith(page, record);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my progress (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^leverage-lab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = readFileSync(await download.path(), 'utf8');
  // The stored record is version 1: the page reads it through the migration and exports version 3.
  expect(JSON.parse(file)).toMatchObject({
    ...record,
    v: 3,
    arena: {},
    learning: { evidence: [], total: 0, scheduled: 0, cards: {} },
  });

  await page.getByRole('button', { name: 'Reset my progress…' }).click();
  await page.getByRole('button', { name: 'Yes, delete my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was reset' })).toBeVisible();
  expect(await stored(page)).toEqual({
    v: 3,
    lessons: {},
    quizzes: {},
    arena: {},
    learning: { evidence: [], total: 0, scheduled: 0, cards: {} },
  });
  await expect(page.locator('[data-progress-lesson="what-leverage-is"] [data-testid="read"]')).toHaveText(
    'Not read yet',
  );

  await page.getByLabel('Import a progress file').setInputFiles({
    name: 'my-progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  const confirm = page.getByRole('group', { name: /“my-progress.json” holds 1 lesson read, 1 quiz taken/ });
  await expect(confirm).toBeFocused();
  await confirm.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported my-progress.json' })).toBeVisible();
  expect(await stored(page)).toEqual({
    ...record,
    v: 3,
    arena: {},
    learning: { evidence: [], total: 0, scheduled: 0, cards: {} },
  });
  await page.reload();
  await expect(page.locator('[data-progress-lesson="what-leverage-is"] [data-testid="quiz"]')).toHaveText(
    'Quiz: best 75% after 2 attempts, passed',
  );
});

for (const [name, content, reason] of [
  ['not JSON', 'this is not json', 'not a JSON file'],
  ['from a newer version', '{"v":9,"lessons":{},"quizzes":{}}', 'newer version of Leverage Lab'],
  ['damaged', '{"v":1,"lessons":{"what-leverage-is":{"readAt":"soon"}},"quizzes":{}}', 'damaged'],
  ['someone else’s JSON', '{"hello":"world"}', 'not a Leverage Lab progress file'],
] as const) {
  test(`a bad import file (${name}) is refused with the reason and changes nothing`, async ({ page, problems }) => {
    await openWith(page, record);
    await page.getByLabel('Import a progress file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This file was not imported');
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText('Your progress has not changed.');
    await expect(page.getByRole('button', { name: 'Replace my progress with this file' })).toHaveCount(0);
    expect(await stored(page)).toEqual(record);
    expect(problems.list).toEqual([]);
  });
}

test('reset asks first, and cancelling keeps everything; all from the keyboard', async ({ page }) => {
  await openWith(page, record);
  const reset = page.getByRole('button', { name: 'Reset my progress…' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('group', { name: /Delete every lesson mark and quiz score/ });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(reset).toBeFocused();
  expect(await stored(page)).toEqual(record);
});

test('corrupt saved progress is set aside with a notice, and the page still works', async ({ page, problems }) => {
  await page.goto('/progress/');
  await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"lessons":'), KEY);
  await page.reload();
  await expect(page.locator('#progress-notice')).toContainText('could not be read');
  await waitForHydration(page, page.locator('.ll-progress'));
  await expect(page.locator('[data-progress-lesson="what-leverage-is"] [data-testid="read"]')).toHaveText(
    'Not read yet',
  );
  await expect(page.getByText('Nothing to review.')).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('with storage blocked, the page says so and import still works for the visit', async ({ page, problems }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto('/progress/');
  await waitForHydration(page, page.locator('.ll-progress'));
  await expect(page.getByText('lasts only for this visit')).toBeVisible();
  await page.getByLabel('Import a progress file').setInputFiles({
    name: 'p.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(record)),
  });
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  await expect(page.locator('[data-progress-lesson="what-leverage-is"] [data-testid="read"]')).toHaveText(
    'Read on Nov 20, 2026',
  );
  expect(problems.list).toEqual([]);
});

test('with a review list and a confirmation open, the page passes axe in both themes and fits 320 px', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 800 });
  await openWith(page, record);
  await page.getByRole('button', { name: 'Reset my progress…' }).click();
  await page.getByLabel('Import a progress file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('nope'),
  });
  await expect(page.getByRole('alert')).toContainText('not imported');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    expect(await axeViolations(page), theme).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
