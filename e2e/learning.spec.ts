/**
 * The learning loop: quiz answers become evidence, mastery shows at the lesson end and on /progress/, concepts come
 * due at /review/ (the clock moved forward with page.clock), the course check links weak concepts to their section,
 * and damaged learning data is set aside with a plain message while the lessons read are kept.
 */
import { readFileSync } from 'node:fs';
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration } from './widgets.ts';
import type { Locator, Page } from '@playwright/test';

const KEY = 'leverage-lab:progress';
const LESSON = '/lessons/what-leverage-is/';
const DAY = 86_400_000;

const stored = (page: Page) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as { learning: { evidence: unknown[] } }, KEY);

/** Answers the quiz question `id` by choosing the choice that starts with `text`, and checks it. */
async function answerChoice(quiz: Locator, id: string, text: string): Promise<Locator> {
  const card = quiz.locator(`#quiz-q-${id}`);
  await card.locator('.ll-quiz-choice').filter({ hasText: text }).locator('input').check();
  await card.getByRole('button', { name: 'Check' }).click();
  return card.locator('.ll-quiz-verdict');
}

/** Answers the current session question by keyboard only: the first choice (Space) or "1", Enter to check. */
async function answerByKeyboard(page: Page): Promise<void> {
  const card = page.locator('.ll-session form.ll-quiz-q');
  await expect(card.locator('input').first()).toBeFocused();
  const type = await card.locator('input').first().getAttribute('type');
  if (type === 'text') await page.keyboard.type('1');
  else await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(card.locator('.ll-quiz-verdict')).toBeVisible();
  // Tab to the "Next question" / "See your results" button.
  for (let k = 0; k < 12; k++) {
    await page.keyboard.press('Tab');
    const on = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (on === 'session-next') break;
  }
  await expect(page.getByTestId('session-next')).toBeFocused();
  await page.keyboard.press('Enter');
}

test('quiz answers show as mastery at the lesson end and on /progress/, then come due at /review/', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  await page.goto(LESSON);
  const quiz = page.locator('[data-quiz="what-leverage-is"]');
  await waitForHydration(page, quiz);

  // Right: "same-position-same-pnl" (pnl-scales-with-notional, margin-vs-position-size); wrong:
  // "ten-percent-fall-at-10x" (liquidation-before-full-loss). Choices as in content/quizzes/what-leverage-is.yaml.
  await expect(await answerChoice(quiz, 'same-position-same-pnl', 'They make the same')).toHaveText('Correct.');
  await expect(await answerChoice(quiz, 'ten-percent-fall-at-10x', 'Still open, but down 10%')).toHaveText(
    'Not quite.',
  );

  await expect.poll(async () => (await stored(page)).learning.evidence.length).toBe(2);

  const summary = page.getByTestId('lesson-mastery');
  await waitForHydration(page, summary);
  await expect(summary.locator('[data-concept="pnl-scales-with-notional"]')).toHaveAttribute('data-level', 'familiar');
  await expect(summary.locator('[data-concept="liquidation-before-full-loss"]')).toHaveAttribute(
    'data-level',
    'attempted',
  );
  await expect(summary.getByTestId('lesson-due')).toContainText('Nothing is due for review right now.');

  await page.goto('/progress/');
  const list = page.getByTestId('concept-mastery');
  await expect(list.locator('[data-concept="pnl-scales-with-notional"]')).toHaveAttribute('data-level', 'familiar');
  await expect(list.locator('[data-concept="pnl-scales-with-notional"]')).toContainText('Familiar');
  await expect(list.locator('[data-concept="isolated-margin"]')).toContainText('Not started');

  // Nothing is due today…
  await page.goto('/review/');
  await expect(page.getByTestId('review-empty')).toContainText('Nothing is due for review right now.');
  await expect(page.getByTestId('review-empty')).toContainText('Your next review is due on');
  await expect(page.getByTestId('review-empty')).toContainText('stay in this browser');

  // …but thirty days later the three concepts are due: a review session, by keyboard only.
  await page.clock.setFixedTime(new Date(Date.now() + 30 * DAY));
  await page.goto('/review/');
  await page.goto('/');
  await expect(page.locator('#review-due')).toHaveText('3 concepts are due for review. Review now');
  await page.goto(LESSON);
  const due = page.getByTestId('lesson-mastery');
  await waitForHydration(page, due);
  await expect(due.getByTestId('lesson-due')).toContainText('3 concepts are due for review across the course.');
  await page.goto('/review/');
  await expect(page.getByTestId('review-due')).toContainText('3 concepts are due for review');
  await page.getByRole('button', { name: 'Start the review' }).focus();
  await page.keyboard.press('Enter');
  const where = page.locator('#session-where');
  await expect(where).toContainText(/question 1 of \d+/);
  const total = Number(/of (\d+)/.exec((await where.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(3);
  expect(await axeViolations(page), 'a review question, light theme').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { colourOnly: true }), 'a review question, dark theme').toEqual([]);
  // A phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 700 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  for (let k = 0; k < total; k++) await answerByKeyboard(page);
  const result = page.getByTestId('session-result');
  await expect(result.getByRole('heading', { name: 'Review done' })).toBeFocused();
  await expect(result).toContainText(`of ${total} right on the first try`);
  const after = await stored(page);
  expect(after.learning.evidence.length).toBe(2 + total);

  // Export, reset and re-import carry the learning data whole.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/progress/');
  await waitForHydration(page, page.locator('.ll-progress'));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my progress (JSON)' }).click();
  const file = readFileSync(await (await downloading).path(), 'utf8');
  expect((JSON.parse(file) as typeof after).learning).toEqual(after.learning);
  await page.getByRole('button', { name: 'Reset my progress…' }).click();
  await page.getByRole('button', { name: 'Yes, delete my progress' }).click();
  expect((await stored(page)).learning.evidence).toEqual([]);
  await page.getByLabel('Import a progress file').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
  expect((await stored(page)).learning).toEqual(after.learning);
  await expect(page.getByTestId('progress-due')).toContainText('due for review');
  expect(problems.list).toEqual([]);
});

test('the course check mixes every lesson and links a weak concept to the section that teaches it', async ({
  page,
  problems,
}) => {
  test.setTimeout(180_000);
  await page.goto('/check/');
  const start = page.getByRole('button', { name: 'Start the course check' });
  await waitForHydration(page, start);
  expect(await axeViolations(page), 'check page, light theme').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { colourOnly: true }), 'check page, dark theme').toEqual([]);
  await start.click();
  const where = page.locator('#session-where');
  await expect(where).toContainText(/question 1 of \d+/);
  const total = Number(/of (\d+)/.exec((await where.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(20);
  const lessons = new Set<string>();
  for (let k = 0; k < total; k++) {
    const card = page.locator('.ll-session form.ll-quiz-q');
    const link = card.locator('.ll-quiz-feedback a');
    const field = card.getByLabel('Your answer');
    if (await field.count()) await field.fill('1');
    else await card.locator('input').first().check();
    await card.getByRole('button', { name: 'Check' }).click();
    await expect(card.locator('.ll-quiz-verdict')).toBeVisible();
    lessons.add(new URL((await link.first().getAttribute('href')) ?? '', page.url()).pathname);
    await page.getByTestId('session-next').click();
  }
  expect(lessons.size).toBe(12);
  const result = page.getByTestId('session-result');
  await expect(result.getByRole('heading', { name: 'Your course check' })).toBeVisible();
  const weak = result.getByTestId('weak-concepts').getByRole('link').first();
  const href = (await weak.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/lessons\/[a-z0-9-]+\/#[a-z0-9-]+$/);
  await weak.click();
  await expect(page).toHaveURL(href);
  await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('damaged learning data is set aside with a plain message; the lessons read are kept', async ({ page }) => {
  const record = {
    v: 3,
    lessons: { 'what-leverage-is': { readAt: '2026-11-20T10:00:00.000Z' } },
    quizzes: {},
    arena: {},
    learning: { evidence: 'not a list', total: 1, scheduled: 0, cards: {} },
  };
  await page.goto('/progress/');
  await page.evaluate(([k, v]) => localStorage.setItem(k as string, JSON.stringify(v)), [KEY, record]);
  await page.reload();
  await expect(page.locator('#progress-notice')).toContainText(
    'Your saved answers and review schedule on this device could not be read',
  );
  await expect(page.locator('#progress-notice')).toContainText('the lessons you read and your quiz results are kept');
  await waitForHydration(page, page.locator('.ll-progress'));
  await expect(page.locator('[data-progress-lesson="what-leverage-is"] [data-testid="read"]')).toHaveText(
    'Read on Nov 20, 2026',
  );
  expect(await page.evaluate((k) => localStorage.getItem(`${k}:backup`), KEY)).toContain('not a list');
});

test('/review/ with nothing saved says so plainly and passes axe in both themes', async ({ page, problems }) => {
  await page.goto('/review/');
  await expect(page.getByTestId('review-empty')).toContainText('Answer the quiz at the end of a lesson first');
  expect(await axeViolations(page), 'light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { colourOnly: true }), 'dark').toEqual([]);
  expect(problems.list).toEqual([]);
});
