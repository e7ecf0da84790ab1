/**
 * The practice arena (/practice/): a mission played by keyboard to its debrief, the run shared as a link and replayed
 * in a fresh browser context, garbage in every field, axe in both themes, 320 px. Expected figures are worked by hand
 * from the shipped Binance rows (x1_2021-07-26_short-squeeze_1h.csv), never from the page's model.
 */
import { test, expect, axeViolations } from './fixtures.ts';
import { GARBAGE, waitForHydration } from './widgets.ts';
import type { Page } from '@playwright/test';

const PATH = '/practice/';

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const arena = page.locator('[data-widget="practice-arena"]');
  await waitForHydration(page, arena);
  return arena;
}

/** Starts the run with the keyboard. */
async function startByKeyboard(page: Page) {
  await page.getByTestId('arena-start').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('arena-now')).toBeVisible();
}

/** Opens a 4x isolated short with the keyboard only, at the first hour of the July 2021 squeeze window. */
async function shortByKeyboard(page: Page) {
  await page.getByRole('radio', { name: 'Long' }).focus();
  await page.keyboard.press('ArrowRight'); // Short
  await expect(page.getByRole('radio', { name: 'Short' })).toBeChecked();
  await page.getByLabel('Margin (USDT)').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('1000');
  await page.getByLabel('Leverage (x)').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
}

test('the first view reads without JavaScript: story, missions, terms and data credit', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${PATH}`);
  await expect(page.getByTestId('arena-story')).toContainText('On 12 March 2020 bitcoin fell in two waves');
  await expect(page.getByTestId('arena-missions')).toContainText('at least 80 % of your account');
  await expect(page.getByRole('link', { name: 'Binance Vision' })).toHaveAttribute(
    'href',
    'https://data.binance.vision/',
  );
  await context.close();
});

test('a mission played by keyboard to its debrief, then shared and replayed exactly in a fresh context', async ({
  page,
  browser,
  problems,
}) => {
  const arena = await open(page, '?w=btc-2021-07');
  await expect(arena.getByTestId('arena-story')).toContainText('26 July 2021');
  await startByKeyboard(page);
  await expect(arena.getByTestId('arena-now')).toContainText('2021-07-25 14:00 UTC');
  await shortByKeyboard(page);
  // By hand: the order fills at the 15:00 open 34,092.27 less 0.05 % slippage = 34,075.223865; a 4x short's
  // liquidation (tier 0.4 %) is 1.25 × 34,075.223865 / 1.004 = 42,424.33.
  await expect(arena.getByTestId('liquidation')).toHaveText('42,424.33');
  await expect(arena.getByTestId('arena-live')).toContainText('You opened a 4x isolated short at 34,075.22');
  // Play to the end with the keyboard shortcut (focus on a control of the arena, not a text field).
  await arena.getByRole('button', { name: 'Next hour', exact: true }).focus();
  await page.keyboard.press('e');
  const debrief = arena.getByTestId('arena-debrief');
  await expect(debrief).toBeVisible();
  // The 01:00 squeeze: the last price ran to 48,168.60 past the liquidation price, the mark price only to 39,744.81
  // (the funding the short received at 16:00 and 00:00 added to its margin, so its liquidation price had moved up a
  // little from 42,424.33 by then).
  const log = arena.getByTestId('arena-log');
  await expect(log).toContainText('2021-07-26 01:00 UTC The last price reached 48,168.60, past your liquidation price');
  await expect(log).toContainText('but the mark price only reached 39,744.81. Liquidation watches the mark price');
  await expect(log).toContainText(
    '2021-07-25 16:00 UTC Funding at 0.01% on the mark price 34,151.56: on your short you received',
  );
  await expect(arena.locator('[data-mission="btc-2021-07-squeeze"] [data-testid="mission-result"]')).toContainText(
    'Done',
  );
  await expect(debrief.getByRole('link', { name: 'Liquidation' }).first()).toHaveAttribute(
    'href',
    '/lessons/liquidation/',
  );
  await expect(debrief.getByRole('row')).toHaveCount(8); // header, as played, 1x, 3x, 10x, stop before, after, highest
  const equity = await arena.getByTestId('equity').textContent();
  const highest = await arena.getByTestId('arena-highest').textContent();
  const url = await arena.getByTestId('arena-share').inputValue();
  expect(url).toContain('w=btc-2021-07');
  // The best result is in the progress store (its versions and migrations are tested in src/progress).
  const stored = await page.evaluate(
    () => JSON.parse(localStorage.getItem('leverage-lab:progress') ?? 'null') as unknown,
  );
  expect(stored).toMatchObject({ arena: { 'btc-2021-07-squeeze': { runs: 1, passed: true } } });
  await page.goto('/progress/');
  await expect(page.locator('[data-progress-mission="btc-2021-07-squeeze"]')).toContainText('Done: best finish');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  const replayed = other.locator('[data-widget="practice-arena"]');
  await waitForHydration(other, replayed);
  await other.getByRole('button', { name: 'Replay the shared run' }).click();
  await expect(replayed.getByTestId('arena-debrief')).toBeVisible();
  await expect(replayed.getByTestId('equity')).toHaveText(equity ?? '');
  await expect(replayed.getByTestId('arena-highest')).toHaveText(highest ?? '');
  // Someone else's run is not saved as the reader's own result.
  expect(await other.evaluate(() => localStorage.getItem('leverage-lab:progress'))).toBeNull();
  await fresh.close();
  expect(problems.list).toEqual([]);
});

test('10 October 2025 at 15-minute steps: a cross long and short share one liquidation and go together at 21:15', async ({
  page,
  problems,
}) => {
  const arena = await open(page, '?w=btc-2025-10&s=15');
  await expect(arena.getByRole('radio', { name: '15 minutes at a time' })).toBeChecked();
  await expect(arena.getByTestId('arena-quarter-note')).toContainText('mark price only by the hour');
  await startByKeyboard(page);
  await expect(arena.getByTestId('arena-now')).toContainText('2025-10-10 10:00 UTC');
  await expect(arena.getByTestId('arena-now')).toContainText('step 1 of');
  // A 20x cross long with 4,500 of margin (90,000 notional), then a 10x cross short with 1,000 (10,000 notional).
  await arena.getByRole('radio', { name: 'Cross' }).check();
  await arena.getByLabel('Margin (USDT)').fill('4500');
  await arena.getByLabel('Leverage (x)').fill('20');
  await arena.getByLabel('Leverage (x)').press('Enter');
  await expect(arena.getByTestId('arena-second')).toContainText('You hold a long');
  await arena.getByRole('radio', { name: 'Short', exact: true }).check();
  await arena.getByLabel('Margin (USDT)').fill('1000');
  await arena.getByLabel('Leverage (x)').fill('10');
  await arena.getByLabel('Leverage (x)').press('Enter');
  // By hand (Binance's hedge-mode formula): long fills at the 10:15 open 121,279.4 × 1.0005 = 121,340.0397, q_L =
  // 90,000 / 121,340.0397; short at the 10:30 open 121,270.0 × 0.9995 = 121,209.365, q_S = 10,000 / 121,209.365; fees
  // 45 + 5, so WB = 9,950. At the price below, the long's notional (≈ 79,246) is in the 0.5 % tier (amount 50) and the
  // short's in the 0.4 % tier: LP = (9,950 + 50 − 90,000 + 10,000) / (0.005 q_L + 0.004 q_S − q_L + q_S)
  // = −70,000 / −0.655177… = 106,841.39, the same for both positions.
  const levels = arena.getByTestId('liquidation');
  await expect(levels).toHaveCount(2);
  await expect(levels.nth(0)).toHaveText('106,841.39');
  await expect(levels.nth(1)).toHaveText('106,841.39');
  await expect(arena.getByTestId('arena-shared')).toBeVisible();
  await arena.getByRole('button', { name: 'Next 15 minutes', exact: true }).focus();
  await page.keyboard.press('e');
  // The 21:00 hour's mark low (101,877.69) sits in the 21:15 quarter, where the last price made the hour's low.
  const log = arena.getByTestId('arena-log');
  await expect(log).toContainText('2025-10-10 21:15 UTC Mark price');
  await expect(log).toContainText('your 20x long and your 10x short were liquidated together');
  await expect(arena.getByTestId('equity')).toContainText('0.00 USDT');
  await expect(arena.getByTestId('arena-share')).toHaveValue(/s=15/);
  expect(problems.list).toEqual([]);
});

test('garbage in every field gives a plain message and no NaN; a broken link starts fresh with a note', async ({
  page,
  problems,
}) => {
  const arena = await open(page, '?w=nope&a=12_o_x~garbage');
  await expect(arena.getByTestId('arena-note')).toBeVisible();
  await startByKeyboard(page);
  const fields: [string, string[]][] = [
    ['Margin (USDT)', GARBAGE],
    ['Leverage (x)', GARBAGE],
    ['Stop-loss price (optional)', GARBAGE.filter((g) => g !== '')],
    ['Take-profit price (optional)', GARBAGE.filter((g) => g !== '')],
  ];
  for (const [label, values] of fields) {
    const input = arena.getByLabel(label, { exact: true });
    const original = await input.inputValue();
    for (const value of values) {
      await input.fill(value);
      await input.press('Enter');
      await expect(input, `${label} = "${value}"`).toHaveAttribute('aria-invalid', 'true');
      const id = ((await input.getAttribute('aria-describedby')) ?? '').split(' ')[0] ?? '';
      await expect(page.locator(`[id="${id}"]`)).toHaveText(/\w{3,}.*\./);
      expect(await page.evaluate(() => /NaN|Infinity/.test(document.body.innerText))).toBe(false);
    }
    await input.fill(original);
  }
  // A stop on the wrong side is refused by the engine with a reason, and time moves on.
  await arena.getByLabel('Stop-loss price (optional)', { exact: true }).fill('999999');
  await arena.getByLabel('Stop-loss price (optional)', { exact: true }).press('Enter');
  await expect(arena.getByTestId('arena-log')).toContainText(
    'Order refused: a long’s stop-loss must be below the price',
  );
  // Margin to add or remove, once a position is open.
  await arena.getByLabel('Stop-loss price (optional)', { exact: true }).fill('');
  await arena.getByLabel('Stop-loss price (optional)', { exact: true }).press('Enter');
  const amount = arena.getByLabel('Margin to add or remove (USDT)');
  for (const value of GARBAGE) {
    await amount.fill(value);
    await arena.getByRole('button', { name: 'Add margin' }).click();
    await expect(amount, `amount = "${value}"`).toHaveAttribute('aria-invalid', 'true');
  }
  await amount.fill('1000000');
  await arena.getByRole('button', { name: 'Add margin' }).click();
  await expect(arena.getByTestId('arena-log')).toContainText('Order refused: Not enough balance');
  // The open position's own order form has its own fields and messages.
  for (const label of ['New stop-loss price (empty: none)', 'New take-profit price (empty: none)']) {
    const input = arena.getByLabel(label, { exact: true });
    for (const value of GARBAGE.filter((g) => g !== '')) {
      await input.fill(value);
      await input.press('Enter');
      await expect(input, `${label} = "${value}"`).toHaveAttribute('aria-invalid', 'true');
      expect(await page.evaluate(() => /NaN|Infinity/.test(document.body.innerText))).toBe(false);
    }
    await input.fill('');
  }
  expect(problems.list).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe passes in the ${theme} theme, before start and at the debrief, and the page fits 320 px`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(90_000); // axe twice over a long page on a busy 2-core machine
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 320, height: 800 });
    const arena = await open(page, '?w=btc-2020-03');
    expect(await axeViolations(page)).toEqual([]);
    await startByKeyboard(page);
    await arena.getByRole('button', { name: /Place order/ }).click();
    await arena.getByRole('button', { name: 'Skip to the end' }).click();
    await expect(arena.getByTestId('arena-debrief')).toBeVisible();
    await arena.getByRole('button', { name: /table/i }).first().click();
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems.list).toEqual([]);
  });
}
