/**
 * The order-fills explorer on its tool page. Outcomes are checked against figures worked by hand from the rows of
 * content/market-data/crash-windows/w1_2020-03-12_black-thursday_1h.csv (Binance BTCUSDT perpetual, hourly; columns
 * perp_open/high/low/close are the last price, mark_* the mark price; candle n is data row n), never against the
 * widget's model.
 */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import type { Page } from '@playwright/test';

const PATH = '/tools/order-fills/';

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const widget = page.locator('[data-widget="order-fills"]');
  await waitForHydration(page, widget);
  // The calculation code loads at the first interaction; let it arrive before typing, so no keystroke races the
  // moment the widget reads the link's parameters (useWidget's `ready`).
  await widget.getByLabel('Margin', { exact: true }).focus();
  await page.waitForLoadState('networkidle');
  return widget;
}

/**
 * Defaults: long from candle 24 (2020-03-11T23:00Z), perp_close 7,938.39; 10x on 1,000 USDT, so q = 10,000 / 7,938.39.
 * Stops 5 % below: 7,938.39 × 0.95 = 7,541.4705. Candles 25–30 have last lows 7,902.40 … 7,569.16 and mark lows
 * 7,569.29 or more, all above it. Candle 31 (2020-03-12T06:00Z): perp_open 7,650.78, perp_low 7,460.00; mark_open
 * 7,646.77, mark_low 7,458.49: both stop-markets trigger inside the hour and fill at 7,541.47. PnL −5 % × 10,000 = −500.
 * Stop-limit limit 7,541.4705 × 0.995 = 7,503.763…: candle 31 trades down to 7,460.00 (past it) and closes at 7,502.00;
 * candle 32's perp_high is 7,502.15 and no later high reaches 7,503.77: never filled.
 * Liquidation (isolated, 0.5 %): 1,000 + q × (P − 7,938.39) = 0.005 × q × P ⇒ P = 9,000 × 7,938.39 / 9,950 = 7,180.45;
 * mark lows 7,345.47 (32), 7,315.47 (33), 7,341.95 (34), then 5,620.86 at candle 35 (2020-03-12T10:00Z).
 */
const STOP_LAST =
  'Stop-market on the last price at 7,541.47 USDT: triggered and filled at 7,541.47 USDT on candle 31 ' +
  '(2020-03-12 06:00 UTC). Realised PnL -500.00 USDT.';

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  await expect(page.getByTestId('outcome-stop-last')).toHaveText(STOP_LAST);
  await expect(page.getByTestId('outcome-stop-limit')).toContainText('7,541.47 / 7,503.76 USDT: never filled.');
  await expect(page.getByTestId('outcome-stop-limit')).toContainText(
    'the price fell from 7,650.78 USDT to 7,460.00 USDT within the hour',
  );
  await expect(page.getByTestId('liquidation-price')).toHaveText('7,180.45 USDT');
  await expect(page.getByTestId('outcome-liquidation')).toContainText('candle 35 (2020-03-12 10:00 UTC)');
  await context.close();
});

test('a later entry shows the mark-price stop firing seven hours after the last-price one', async ({
  page,
  problems,
}) => {
  const widget = await open(page);
  await expect(widget.getByTestId('outcome-stop-last')).toHaveText(STOP_LAST);
  await widget.getByLabel('Entry candle', { exact: true }).fill('36');
  // Entry candle 36 (2020-03-12T11:00Z) closes at 6,038.38; stop 6,038.38 × 0.95 = 5,736.461. Candle 38 (13:00):
  // perp_low 5,711.10 (past it) but mark_low 5,750.05 (not); mark lows of candles 39–44 are 5,915.47 or more; candle
  // 45 (20:00): mark_low 5,625.35, and its last range 5,600.79–6,060.00 holds 5,736.46.
  await expect(widget.getByTestId('outcome-stop-last')).toContainText(
    'filled at 5,736.46 USDT on candle 38 (2020-03-12 13:00 UTC)',
  );
  await expect(widget.getByTestId('outcome-stop-mark')).toContainText(
    'filled at 5,736.46 USDT on candle 45 (2020-03-12 20:00 UTC)',
  );
  await expect(page).toHaveURL(/entry=36/);
  await expect(widget.getByTestId('orders-table')).toContainText('Stop-market, mark price');
  expect(problems.list).toEqual([]);
});

test('a link restores the scenario, loads its window, and bad parameters fall back with a note', async ({ page }) => {
  const widget = await open(page, '?window=btc-2021-07&side=short&entry=25&leverage=20&stop=abc&bogus=1');
  await expect(widget.getByLabel('Price path', { exact: true })).toHaveValue('btc-2021-07');
  await expect(widget.getByRole('radio', { name: 'Short' })).toBeChecked();
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('20');
  await expect(widget.getByLabel('Stop distance', { exact: true })).toHaveValue('5');
  const notes = widget.getByRole('status').first();
  await expect(notes).toContainText('stop distance “abc” could not be used');
  await expect(notes).toContainText('“bogus”');
  // At 20x a short is liquidated about 4.5 % above entry, before a 5 % stop: the stop comes too late.
  await expect(widget.getByTestId('outcome-stop-last')).toContainText('Too late: the position was liquidated first');
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await open(page);
  await widget.getByLabel('Margin', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('outcome-stop-last')).toHaveText(STOP_LAST);
  await widget.getByLabel('Margin', { exact: true }).fill('1000');
  await sweepGarbage(
    page,
    widget,
    [
      'Entry candle',
      'Margin',
      'Leverage',
      'Stop distance',
      'Stop-limit offset',
      'Take-profit distance',
      'Maintenance margin rate',
    ],
    { 'Stop-limit offset': ['0'] },
  );
});

test('the explorer works from the keyboard alone', async ({ page }) => {
  const widget = await open(page);
  const path = widget.getByLabel('Price path', { exact: true });
  await path.focus();
  // The focus is the first interaction: the calculation code loads now; let it arrive before the next key.
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('ArrowDown');
  await expect(path).toHaveValue('btc-2021-05');
  await expect(page).toHaveURL(/window=btc-2021-05/);
  await expect(widget.getByTestId('entry-price')).not.toContainText('7,938.39');
  // Past the data credit's two links to the side, then the entry candle.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('radio', { name: 'Long' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: 'Short' })).toBeChecked();
  await expect(page).toHaveURL(/side=short/);
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Entry candle', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10');
  await expect(page).toHaveURL(/entry=10/);
  await expect(widget.getByTestId('outcome-stop-last')).toContainText('Stop-market on the last price at');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the page passes axe in the ${theme} theme`, async ({ page, problems }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await open(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
}

test('at 320 px wide the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});
