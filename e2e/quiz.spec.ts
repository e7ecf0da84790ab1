/** The lesson quiz: feedback that explains, hints, "Try another", the result, saved progress, keyboard use. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration } from './widgets.ts';
import { quizBankSchema } from '../src/quiz/schema.ts';
import { resolve, type ClientQuestion } from '../src/quiz/model.ts';
import { MAX_INPUT_LENGTH } from '../src/input/number.ts';
import type { Page, Locator } from '@playwright/test';

const LESSON = '/lessons/what-leverage-is/';
const bank = quizBankSchema.parse(parse(readFileSync('content/quizzes/what-leverage-is.yaml', 'utf8')));
const questions = bank.questions as ClientQuestion[];
const byId = (id: string) => questions.find((q) => q.id === id) as ClientQuestion;

async function openQuiz(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const quiz = page.locator('[data-quiz="what-leverage-is"]');
  await waitForHydration(page, quiz);
  return quiz;
}

/** The right answer to a question as a reader would give it (generated ones from the seed on the page). */
async function rightAnswer(card: Locator, q: ClientQuestion): Promise<string> {
  const seed = Number((await card.getAttribute('data-seed')) ?? 0);
  return resolve(q, seed).numeric?.display ?? '';
}

async function answer(card: Locator, q: ClientQuestion, right: boolean): Promise<void> {
  if (q.type === 'single' || q.type === 'multiple') {
    const pick = q.choices.filter((c) => c.correct === right);
    for (const c of q.type === 'single' ? pick.slice(0, 1) : pick) {
      await card.getByLabel(c.text, { exact: true }).check();
    }
  } else {
    await card.getByLabel('Your answer').fill(right ? await rightAnswer(card, q) : '1');
  }
  await card.getByRole('button', { name: 'Check' }).click();
}

test('a wrong choice says what it misunderstands and why the answer is right; a retry keeps the first result', async ({
  page,
  problems,
}) => {
  const quiz = await openQuiz(page);
  const q = byId('same-position-same-pnl');
  if (q.type !== 'single') throw new Error('expected a single-choice question');
  const card = quiz.locator('#quiz-q-same-position-same-pnl');
  const feedback = card.locator('.ll-quiz-feedback');
  await expect(feedback).toHaveAttribute('aria-live', 'polite');
  const wrong = q.choices[0];
  const right = q.choices.find((c) => c.correct)!;
  await card.getByLabel(wrong.text, { exact: true }).check();
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Not quite.');
  await expect(feedback).toContainText(wrong.explanation);
  await expect(feedback).toContainText(`The answer is “${right.text}”`);
  await expect(feedback.getByRole('link', { name: 'What leverage does not change' })).toHaveAttribute(
    'href',
    `${LESSON}#what-leverage-does-not-change`,
  );
  await card.getByLabel(right.text, { exact: true }).check();
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Correct.');
  await expect(feedback).toContainText('Your score keeps your first answer, which was not right.');
  expect(problems.list).toEqual([]);
});

test('multiple choice reviews every option', async ({ page }) => {
  const quiz = await openQuiz(page);
  const q = byId('what-moves-liquidation-closer');
  if (q.type !== 'multiple') throw new Error('expected a multiple-choice question');
  const card = quiz.locator('#quiz-q-what-moves-liquidation-closer');
  await card.getByLabel(q.choices[0].text, { exact: true }).check();
  await card.getByLabel(q.choices[1].text, { exact: true }).check();
  await card.getByRole('button', { name: 'Check' }).click();
  const feedback = card.locator('.ll-quiz-feedback');
  await expect(feedback).toContainText('Not quite.');
  await expect(feedback.locator('li')).toHaveCount(q.choices.length);
  await expect(feedback).toContainText('You chose this, but it does not apply.');
  await expect(feedback).toContainText('You missed this one: it applies.');
});

test('numeric answers: unreadable text is refused plainly, a common mistake is explained, units are shown', async ({
  page,
}) => {
  const quiz = await openQuiz(page);
  const card = quiz.locator('#quiz-q-opening-fee-at-20x');
  const input = card.getByLabel('Your answer');
  await expect(card.locator('.ll-unit')).toHaveText('USDT');
  await input.fill('ten');
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(card.locator('.ll-quiz-feedback')).toContainText('“ten” is not a number');
  await input.fill('0.5');
  await card.getByRole('button', { name: 'Check' }).click();
  const feedback = card.locator('.ll-quiz-feedback');
  await expect(feedback).toContainText('Not quite.');
  await expect(feedback).toContainText('That is 0.05% of your margin.');
  await expect(feedback).toContainText('The answer is 10 USDT');
  await input.fill('$10.00');
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Correct.');
  await expect(page.locator('body')).not.toContainText(/NaN|Infinity/);
  // The field takes no more than the reader accepts.
  await expect(input).toHaveAttribute('maxlength', String(MAX_INPUT_LENGTH));
});

test('a liquidation price is right under either convention lesson 4 teaches, and each is named', async ({
  page,
  problems,
}) => {
  await page.goto('/lessons/liquidation/');
  const quiz = page.locator('[data-quiz="liquidation"]');
  await waitForHydration(page, quiz);
  const card = quiz.locator('#quiz-q-liquidation-price-10x');
  const input = card.getByLabel('Your answer');
  const feedback = card.locator('.ll-quiz-feedback');
  // 10x long of 0.2 BTC at $50,000, 0.5 % maintenance. At entry (Bybit): 50,000 × (1 − 1/10 + 0.005) = 45,250.
  await input.fill('45,250');
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Correct.');
  await expect(feedback).toContainText(
    "That is the answer with the maintenance margin measured on the position's value at entry",
  );
  // At the liquidation price (Binance): 50,000 × 0.9 / 0.995 = 45,226.13.
  await input.fill('45226');
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Correct.');
  await expect(feedback).toContainText('at the liquidation price, as Binance and Hyperliquid do');
  await expect(feedback).toContainText('45,250 USD is right too');
  // The bankruptcy price, 50,000 × 0.9 = 45,000, is still the classic mistake.
  await input.fill('45000');
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Not quite.');
  await expect(feedback).toContainText('That is the bankruptcy price');
  expect(problems.list).toEqual([]);
});

test('generated questions: hints one by one, a worked solution, and "Try another" draws new numbers', async ({
  page,
  problems,
}) => {
  const quiz = await openQuiz(page);
  const q = byId('liquidation-price-of-isolated-position');
  const card = quiz.locator('#quiz-q-liquidation-price-of-isolated-position');
  const seed = Number(await card.getAttribute('data-seed'));
  const expected = resolve(q, seed);
  await expect(card.locator('legend')).toContainText(expected.prompt);
  const hints = card.getByRole('list', { name: 'Hints' });
  await card.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(hints.locator('li')).toHaveCount(1);
  await card.getByRole('button', { name: 'Show the next hint (2 of 3)' }).click();
  await expect(hints.locator('li')).toHaveCount(2);
  await card.getByLabel('Your answer').fill(expected.numeric!.display);
  await card.getByRole('button', { name: 'Check' }).click();
  const feedback = card.locator('.ll-quiz-feedback');
  await expect(feedback).toContainText('Correct.');
  await expect(feedback).toContainText('Worked solution:');
  await expect(feedback.locator('.ll-steps li')).toHaveCount(expected.numeric!.solution.length);

  await card.getByRole('button', { name: 'Try another' }).click();
  await expect(card).not.toHaveAttribute('data-seed', String(seed));
  const next = Number(await card.getAttribute('data-seed'));
  await expect(card.locator('legend')).toContainText(resolve(q, next).prompt);
  await expect(card.getByLabel('Your answer')).toHaveValue('');
  await expect(feedback).toContainText('new version of the question');
  // The bankruptcy price is the classic mistake, and it is named as such.
  const bankrupt = resolve(q, next).numeric!.key.traps![0];
  await card.getByLabel('Your answer').fill(bankrupt.answer);
  await card.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('That is the bankruptcy price');
  expect(problems.list).toEqual([]);
});

test('the result shows the score and what was missed with links, is saved, and survives a reload', async ({
  page,
  problems,
}) => {
  test.setTimeout(60_000);
  const quiz = await openQuiz(page);
  const missed = ['recover-from-half', 'wick-through-liquidation'];
  for (const q of questions) {
    await answer(quiz.locator(`#quiz-q-${q.id}`), q, !missed.includes(q.id));
  }
  const total = questions.length;
  const right = total - missed.length;
  const pct = Math.round((right / total) * 100);
  await expect(quiz.getByTestId('quiz-score')).toHaveText(
    `You got ${right} of ${total} right on the first try (${pct}%). You passed the quiz.`,
  );
  const result = quiz.getByRole('region', { name: 'Your result' });
  for (const id of missed) {
    const q = byId(id);
    await expect(result).toContainText(q.concept);
    await expect(result.locator(`a[href="${LESSON}#${q.section}"]`)).toBeVisible();
    await expect(result.locator(`a[href="#quiz-q-${id}"]`)).toBeVisible();
  }
  await expect(result.getByRole('link', { name: 'See all your progress' })).toHaveAttribute('href', '/progress/');

  const saved = await page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('leverage-lab:progress') ?? '{}') as {
        quizzes: Record<string, { attempts: number; missed: string[]; best: number }>;
      },
  );
  expect(saved.quizzes['what-leverage-is']).toMatchObject({
    attempts: 1,
    missed: questions.filter((q) => missed.includes(q.id)).map((q) => q.id),
  });
  expect(saved.quizzes['what-leverage-is'].best).toBeCloseTo(right / total, 10);

  await page.reload();
  await waitForHydration(page, page.locator('[data-quiz="what-leverage-is"]'));
  await expect(page.getByTestId('quiz-best')).toHaveText(`Your best so far: ${pct}% after 1 attempt.`);
  await page.goto('/');
  await expect(page.locator('[data-lesson-slug="what-leverage-is"] .lesson-mark')).toHaveText('Quiz passed');
  expect(problems.list).toEqual([]);
});

test('"Try the quiz again" starts a new attempt; a lower score keeps the best', async ({ page }) => {
  test.setTimeout(60_000);
  const quiz = await openQuiz(page);
  for (const q of questions) await answer(quiz.locator(`#quiz-q-${q.id}`), q, true);
  await expect(quiz.getByTestId('quiz-score')).toContainText('(100%)');
  await quiz.getByRole('button', { name: 'Try the quiz again' }).click();
  await expect(quiz.getByTestId('quiz-score')).toHaveCount(0);
  await expect(quiz.locator(`#quiz-q-${questions[0].id} input`).first()).toBeFocused();
  for (const q of questions) await answer(quiz.locator(`#quiz-q-${q.id}`), q, false);
  await expect(quiz.getByTestId('quiz-score')).toContainText('You got 0 of');
  await expect(quiz.getByTestId('quiz-best')).toHaveText('Your best so far: 100% after 2 attempts.');
});

test('the quiz works from the keyboard alone', async ({ page }) => {
  const quiz = await openQuiz(page);
  const q = byId('ten-percent-fall-at-10x');
  if (q.type !== 'single') throw new Error('expected a single-choice question');
  const card = quiz.locator('#quiz-q-ten-percent-fall-at-10x');
  // Focus the first option by tabbing from the previous question's last control.
  await card.getByLabel(q.choices[0].text, { exact: true }).focus();
  const rightIndex = q.choices.findIndex((c) => c.correct);
  for (let i = 0; i < rightIndex; i++) await page.keyboard.press('ArrowDown');
  await expect(card.getByLabel(q.choices[rightIndex].text, { exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.locator('.ll-quiz-feedback')).toContainText('Correct.');

  // A numeric answer: type it and press Enter; reveal a hint with the keyboard.
  const fee = quiz.locator('#quiz-q-opening-fee-at-20x');
  await fee.getByLabel('Your answer').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(fee.getByRole('button', { name: /Show a hint/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(fee.getByRole('list', { name: 'Hints' }).locator('li')).toHaveCount(1);
  await fee.getByLabel('Your answer').focus();
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect(fee.locator('.ll-quiz-feedback')).toContainText('Correct.');
});

test('with feedback open, the quiz passes axe in both themes and fits 320 px', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const quiz = await openQuiz(page);
  await answer(quiz.locator('#quiz-q-same-position-same-pnl'), byId('same-position-same-pnl'), false);
  await answer(quiz.locator('#quiz-q-what-moves-liquidation-closer'), byId('what-moves-liquidation-closer'), false);
  const gen = byId('liquidation-price-of-isolated-position');
  const card = quiz.locator('#quiz-q-liquidation-price-of-isolated-position');
  await card.getByRole('button', { name: /Show a hint/ }).click();
  await answer(card, gen, false);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axeViolations(page), 'light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { colourOnly: true }), 'dark').toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
