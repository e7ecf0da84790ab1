/** The position and PnL calculator on its tool page, checked against the calculation module and figures worked by hand. */
import { test, expect } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import { pnl, liquidationPrice, positionFromMargin } from '../src/calc/index.ts';
import { formatMoney, formatPrice, formatPercent } from '../src/format/numbers.ts';

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/tools/position/');
  const { quantity } = positionFromMargin({ margin: 1000, leverage: 10, price: 60000 });
  const expected = pnl({ side: 'long', quantity, entryPrice: 60000, exitPrice: 63000 });
  await expect(page.getByTestId('pnl')).toHaveText(formatMoney(expected, { unit: 'USDT', signed: true }));
  // By hand: 1,000 × 10 = 10,000 USDT = 0.1666… BTC; × (63,000 − 60,000) = +500; fees 0.05 % of 10,000 and of 10,500 =
  // 5 + 5.25; net 489.75 = 48.98 % of the margin; the move (63,000 − 60,000) / 60,000 = +5 %.
  await expect(page.getByTestId('pnl')).toHaveText('+500.00 USDT');
  await expect(page.getByTestId('net-pnl')).toHaveText('+489.75 USDT');
  await expect(page.getByTestId('roe')).toHaveText('+48.98%');
  await expect(page.locator('[data-widget="position"] .ll-summary')).toContainText(
    'a +5% price move gives +489.75 USDT',
  );
  await context.close();
});

test('changing inputs changes the figures to what the calculation module gives', async ({ page, problems }) => {
  await page.goto('/tools/position/');
  const widget = page.locator('[data-widget="position"]');
  await waitForHydration(page, widget);
  await widget.getByRole('radio', { name: 'Short' }).check();
  await widget.getByLabel('Leverage', { exact: true }).fill('25');
  await widget.getByLabel('Exit price', { exact: true }).fill('61500');

  const { quantity, notional } = positionFromMargin({ margin: 1000, leverage: 25, price: 60000 });
  const expectedPnl = pnl({ side: 'short', quantity, entryPrice: 60000, exitPrice: 61500 });
  const liq = liquidationPrice({
    side: 'short',
    quantity,
    entryPrice: 60000,
    marginMode: 'isolated',
    leverage: 25,
    maintenanceMarginRate: 0.005,
  });
  await expect(widget.getByTestId('notional')).toHaveText(formatMoney(notional, { unit: 'USDT' }));
  await expect(widget.getByTestId('pnl')).toHaveText(formatMoney(expectedPnl, { unit: 'USDT', signed: true }));
  await expect(widget.getByTestId('liquidation')).toHaveText(formatPrice(liq.price ?? 0));
  // The same position at 1x and at 50x makes the same PnL: leverage only changes margin and ROE.
  const rows = widget.getByTestId('same-size').locator('tbody tr');
  await expect(rows.first().locator('td').nth(1)).toHaveText(formatMoney(expectedPnl, { unit: 'USDT', signed: true }));
  await expect(rows.last().locator('td').nth(1)).toHaveText(formatMoney(expectedPnl, { unit: 'USDT', signed: true }));
  await expect(page).toHaveURL(/side=short/);
  await expect(page).toHaveURL(/leverage=25/);
  // The chart arrives once it is scrolled into view, with a table alternative.
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await expect(widget.locator('canvas')).toHaveAttribute('aria-label', /PnL against exit price for a short/);
  await widget.getByRole('button', { name: 'Show as table' }).click();
  await expect(widget.getByRole('table', { name: 'PnL before fees at a range of exit prices' })).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('a link with parameters restores the scenario, and bad parameters fall back with a note', async ({ page }) => {
  await page.goto('/tools/position/?side=short&leverage=5&entry=3000&exit=2700&margin=200&bogus=1&fee=abc');
  const widget = page.locator('[data-widget="position"]');
  await waitForHydration(page, widget);
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('5');
  await expect(widget.getByRole('radio', { name: 'Short' })).toBeChecked();
  await expect(widget.getByLabel('Trading fee per side', { exact: true })).toHaveValue('0.05');
  await expect(widget.getByRole('status').first()).toContainText('trading fee “abc” could not be used');
  await expect(widget.getByRole('status').first()).toContainText('“bogus”');
  const { quantity } = positionFromMargin({ margin: 200, leverage: 5, price: 3000 });
  const expected = pnl({ side: 'short', quantity, entryPrice: 3000, exitPrice: 2700 });
  await expect(widget.getByTestId('pnl')).toHaveText(formatMoney(expected, { unit: 'USDT', signed: true }));
  await expect(widget.getByTestId('roe')).toContainText('%');
  expect(formatPercent('0.1')).toBe('10%');
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  await page.goto('/tools/position/');
  const widget = page.locator('[data-widget="position"]');
  await waitForHydration(page, widget);
  const before = await widget.getByTestId('pnl').innerText();
  await widget.getByLabel('Entry price', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('pnl')).toHaveText(before);
  await widget.getByLabel('Entry price', { exact: true }).fill('60000');
  await sweepGarbage(
    page,
    widget,
    [
      'Margin',
      'Leverage',
      'Entry price',
      'Exit price',
      'Trading fee per side',
      'Maintenance margin rate',
      'Whole account',
    ],
    { 'Trading fee per side': ['0'], 'Maintenance margin rate': ['0'] },
  );
});

test('the calculator works from the keyboard alone', async ({ page }) => {
  await page.goto('/tools/position/');
  const widget = page.locator('[data-widget="position"]');
  await waitForHydration(page, widget);
  await widget.getByRole('radio', { name: 'Long' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: 'Short' })).toBeChecked();
  const lev = widget.getByLabel('Leverage slider');
  await lev.focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('11');
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Entry price', { exact: true })).toBeFocused();
});
