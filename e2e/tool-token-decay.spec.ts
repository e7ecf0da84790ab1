/** The leveraged-token simulator on its tool page, checked against values worked by hand. */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';

const PATH = '/tools/token-decay/';
const WIDGET = '[data-widget="token-decay"]';

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const widget = page.locator(WIDGET);
  // Defaults: 3x, ±5 % for 10 days. Token: 100 × (1.15 × 0.85)^5 = 100 × 0.9775^5 = 89.2449… → 89.24.
  await expect(widget.getByTestId('token-end')).toHaveText(/^89\.24 \(/);
  // Bitcoin: 100 × (1.05 × 0.95)^5 = 100 × 0.9975^5 = 98.7562…; the fixed 3x long 100 + 3 × (98.7562 − 100) = 96.27.
  await expect(widget.getByTestId('fixed-end')).toHaveText(/^96\.27 \(/);
  await context.close();
});

test('a hand-worked case from the keyboard alone, kept in the link', async ({ page, problems }) => {
  await page.goto(PATH);
  const widget = page.locator(WIDGET);
  await waitForHydration(page, widget);
  await widget.getByLabel('Price path', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Leverage', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  // The slider, then the daily move.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Daily move', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Number of days', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  // By hand: token 100 × 1.3 × 0.7 = 91; bitcoin 100 → 110 → 99; fixed 3x long 100 + 3 × (99 − 100) = 97.
  await expect(widget.getByTestId('token-end')).toHaveText(/^91 \(/);
  await expect(widget.getByTestId('fixed-end')).toHaveText(/^97 \(/);
  await expect(widget.getByTestId('underlying-move')).toHaveText(/1%$/);
  await expect(page).toHaveURL(/move=10/);
  await expect(page).toHaveURL(/days=2/);
  // The link restores the same scenario.
  await page.reload();
  await waitForHydration(page, widget);
  await expect(widget.getByLabel('Daily move', { exact: true })).toHaveValue('10');
  await expect(widget.getByTestId('token-end')).toHaveText(/^91 \(/);
  // The chart's table toggle is a real button, reached and pressed from the keyboard.
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await widget.getByRole('button', { name: 'Show as table' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('button', { name: 'Show as chart' })).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('a real crash window loads and is run hour by hour', async ({ page, problems }) => {
  await page.goto(`${PATH}?path=btc-2024-08&leverage=3`);
  const widget = page.locator(WIDGET);
  await waitForHydration(page, widget);
  await expect(widget.getByLabel('Price path', { exact: true })).toHaveValue('btc-2024-08');
  await expect(widget.getByTestId('token-end')).toBeVisible();
  await expect(widget.getByLabel('Daily move', { exact: true })).toHaveCount(0);
  // 96 hourly closes (3–6 Aug 2024), a rebalance every 24 hours: at hours 24, 48 and 72.
  await expect(widget.getByTestId('rebalances')).toHaveText('3');
  // By hand from the perpetual's hourly closes in content/market-data/crash-windows/w4_2024-08-05_yen-carry_1h.csv
  // (perp_close): hour 0 (3 Aug 00:00) 61,117.5; hour 24 (4 Aug) 60,726.4; hour 48 (5 Aug) 56,143.9; hour 72 (6 Aug)
  // 56,010.1; hour 95 (6 Aug 23:00) 55,991.2.
  // Bitcoin: 55,991.2 / 61,117.5 − 1 = 0.9161239 − 1 = −8.3876 %.
  await expect(widget.getByTestId('underlying-move')).toHaveText('-8.39%');
  // Token, 3x reset each day (V = 100 × Π (1 + 3 × (P_end / P_start − 1)) per day, Cheng and Madhavan 2009):
  // day 1: 1 + 3 × (60,726.4 / 61,117.5 − 1) = 1 − 3 × 0.0063992 = 0.9808026;
  // day 2: 1 + 3 × (56,143.9 / 60,726.4 − 1) = 1 − 3 × 0.0754614 = 0.7736158;
  // day 3: 1 + 3 × (56,010.1 / 56,143.9 − 1) = 1 − 3 × 0.0023832 = 0.9928505;
  // day 4: 1 + 3 × (55,991.2 / 56,010.1 − 1) = 1 − 3 × 0.0003374 = 0.9989877;
  // 100 × 0.9808026 × 0.7736158 × 0.9928505 × 0.9989877 = 75.2577 → 75.26, a return of −24.74 %.
  await expect(widget.getByTestId('token-end')).toHaveText('75.26 (-24.74%)');
  // The fixed 3x long, never rebalanced (its liquidation near 61,117.5 × (2/3) / 0.995 ≈ 40,950 is never reached):
  // 100 × (1 + 3 × (−0.0838761)) = 100 × 0.7483716 = 74.84, a return of −25.16 %.
  await expect(widget.getByTestId('fixed-end')).toHaveText('74.84 (-25.16%)');
  await expect(widget.locator('.ll-summary')).toContainText('Yen carry-trade unwind');
  expect(problems.list).toEqual([]);
});

test('bad link parameters fall back to the defaults with a note', async ({ page }) => {
  await page.goto(`${PATH}?path=nowhere&leverage=abc&days=2&move=10`);
  const widget = page.locator(WIDGET);
  await waitForHydration(page, widget);
  await expect(widget.getByLabel('Price path', { exact: true })).toHaveValue('choppy');
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('3');
  await expect(widget.getByRole('status').first()).toContainText('leverage');
  await expect(widget.getByTestId('token-end')).toHaveText(/^91 \(/);
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(PATH);
  const widget = page.locator(WIDGET);
  await waitForHydration(page, widget);
  const before = await widget.getByTestId('token-end').innerText();
  await widget.getByLabel('Leverage', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('token-end')).toHaveText(before);
  await widget.getByLabel('Leverage', { exact: true }).fill('3');
  await sweepGarbage(page, widget, ['Leverage', 'Daily move', 'Number of days', 'Maintenance margin rate'], {
    'Maintenance margin rate': ['0'],
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the page passes axe in the ${theme} theme, with the table shown`, async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${PATH}?leverage=5&move=20&days=4`);
    const widget = page.locator(WIDGET);
    await waitForHydration(page, widget);
    await widget.locator('canvas').scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Show as table' }).click();
    await expect(widget.getByRole('button', { name: 'Show as chart' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
}

test('at 320 px wide the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(PATH);
  const widget = page.locator(WIDGET);
  await waitForHydration(page, widget);
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await widget.getByRole('button', { name: 'Show as table' }).click();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});
