/** The risk sizer on its tool page, checked against the calculation module and figures worked by hand. */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import { initialMargin, liquidationPrice, riskPositionSize, riskReward } from '../src/calc/index.ts';
import type { Decimal } from '../src/calc/index.ts';
import { formatMoney, formatNumber, formatPercent, formatPrice } from '../src/format/numbers.ts';

const PATH = '/tools/risk-sizer/';
const usdt = (d: Decimal) => formatMoney(d, { unit: 'USDT' });
/**
 * The highest leverage with the stop first at the defaults (long, entry 60,000, stop 58,800, maintenance 0.5 %), worked
 * by hand: 1/L = (60,000 − 58,800 × 0.995) / 60,000 = 1,494 / 60,000, L = 40.1606…, shown rounded DOWN: 40.16.
 */
const DEFAULT_MAX = '40.16';

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const size = riskPositionSize({
    balance: 10000,
    riskFraction: 0.01,
    entryPrice: 60000,
    stopPrice: 58800,
    openFeeRate: 0.0005,
    closeFeeRate: 0.0005,
  });
  await expect(page.getByTestId('quantity')).toHaveText(`${formatNumber(size.quantity, { digits: 6 })} BTC`);
  await expect(page.getByTestId('risk-amount')).toHaveText(usdt(size.riskAmount));
  // Reward 63,600 − 60,000 = 3,600 against a risk of 60,000 − 58,800 = 1,200: 3 : 1, reward first.
  await expect(page.getByTestId('reward-risk')).toHaveText('3 : 1 (reward : risk)');
  await expect(page.getByTestId('max-leverage')).toHaveText(`${DEFAULT_MAX}x`);
  await context.close();
});

test('changing inputs changes the figures to what the calculation module gives', async ({ page, problems }) => {
  await page.goto(PATH);
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  await widget.getByRole('radio', { name: 'Short' }).check();
  await widget.getByLabel('Account balance', { exact: true }).fill('25000');
  await widget.getByLabel('Risk per trade', { exact: true }).fill('2');
  await widget.getByLabel('Stop price', { exact: true }).fill('61500');
  await widget.getByLabel('Target price (optional)', { exact: true }).fill('55500');
  await widget.getByLabel('Trading fee per side', { exact: true }).fill('0.04');
  await widget.getByLabel('Leverage', { exact: true }).fill('20');

  const size = riskPositionSize({
    balance: 25000,
    riskFraction: 0.02,
    entryPrice: 60000,
    stopPrice: 61500,
    openFeeRate: 0.0004,
    closeFeeRate: 0.0004,
  });
  const margin = initialMargin({ quantity: size.quantity, price: 60000, leverage: 20 });
  const liq = liquidationPrice({
    side: 'short',
    quantity: size.quantity,
    entryPrice: 60000,
    marginMode: 'isolated',
    leverage: 20,
    maintenanceMarginRate: 0.005,
  });
  const rr = riskReward({ side: 'short', entryPrice: 60000, stopPrice: 61500, targetPrice: 55500 });
  await expect(widget.getByTestId('risk-amount')).toHaveText(usdt(size.riskAmount));
  await expect(widget.getByTestId('quantity')).toHaveText(`${formatNumber(size.quantity, { digits: 6 })} BTC`);
  await expect(widget.getByTestId('notional')).toHaveText(usdt(size.notional));
  await expect(widget.getByTestId('margin')).toHaveText(usdt(margin));
  await expect(widget.getByTestId('liquidation')).toHaveText(formatPrice(liq.price ?? 0));
  // By hand: 1/L = (61,500 × 1.005 − 60,000) / 60,000 = 1,807.5 / 60,000 = 0.030125, L = 33.195…, shown 33.19 (down).
  await expect(widget.getByTestId('max-leverage')).toHaveText('33.19x');
  // Reward 60,000 − 55,500 = 4,500 against a risk of 1,500: 3 : 1.
  expect(rr.rewardToRisk.toFixed()).toBe('3');
  await expect(widget.getByTestId('reward-risk')).toHaveText('3 : 1 (reward : risk)');
  await expect(widget.getByTestId('break-even-win-rate')).toHaveText(formatPercent(rr.breakEvenWinRate));
  await expect(widget.getByTestId('liquidation-warning')).toHaveCount(0);
  await expect(page).toHaveURL(/side=short/);
  await expect(page).toHaveURL(/leverage=20/);
  // The chart arrives once it is scrolled into view, with a table alternative.
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await expect(widget.locator('canvas')).toHaveAttribute('aria-label', /Leverage does not set your risk/);
  await widget.getByRole('button', { name: 'Show as table' }).click();
  const table = widget.getByRole('table', { name: /The same .* BTC position at 2x, 10x and 50x/ });
  await expect(table).toBeVisible();
  // The loss at the stop is the same in every row.
  await expect(table.locator('tbody tr td:nth-child(3)')).toHaveText(Array(3).fill(usdt(size.riskAmount)));
  expect(problems.list).toEqual([]);
});

test('the warning appears above the highest safe leverage and goes when it is lowered', async ({ page }) => {
  await page.goto(PATH);
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  const warning = widget.getByTestId('liquidation-warning');
  await expect(warning).toHaveCount(0);
  await widget.getByLabel('Leverage', { exact: true }).fill('50');
  const liq = liquidationPrice({
    side: 'long',
    quantity: riskPositionSize({
      balance: 10000,
      riskFraction: 0.01,
      entryPrice: 60000,
      stopPrice: 58800,
      openFeeRate: 0.0005,
      closeFeeRate: 0.0005,
    }).quantity,
    entryPrice: 60000,
    marginMode: 'isolated',
    leverage: 50,
    maintenanceMarginRate: 0.005,
  });
  await expect(warning).toHaveText(
    `At 50x your position would be liquidated at ${formatPrice(liq.price ?? 0)} before your stop at ${formatPrice(58800)} fires: ` +
      `your stop would never protect you. Use at most ${DEFAULT_MAX}x, or move the stop.`,
  );
  await expect(widget.locator('.ll-summary')).toContainText('before the stop fires');
  await widget.getByLabel('Leverage', { exact: true }).fill(DEFAULT_MAX);
  await expect(warning).toHaveCount(0);
  // One hundredth more: 40.17 > 40.1606…, so liquidation comes before the stop.
  await widget.getByLabel('Leverage', { exact: true }).fill('40.17');
  await expect(warning).toBeVisible();
  await widget.getByLabel('Leverage', { exact: true }).fill('5');
  await expect(warning).toHaveCount(0);
});

test('the target is optional: left empty, the reward figures go away without an error', async ({ page }) => {
  await page.goto(PATH);
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  const target = widget.getByLabel('Target price (optional)', { exact: true });
  await target.fill('');
  await expect(widget.getByTestId('reward-risk')).toHaveCount(0);
  await expect(widget.getByTestId('break-even-win-rate')).toHaveCount(0);
  await expect(widget.getByTestId('target-profit')).toHaveCount(0);
  await expect(target).not.toHaveAttribute('aria-invalid', 'true');
  await expect(widget.locator('.ll-results')).not.toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('quantity')).toHaveText('0.079403 BTC');
  await expect(page).toHaveURL(/target=(&|$)/);
  // The empty target survives a reload from the link.
  await page.reload();
  await waitForHydration(page, widget);
  await expect(target).toHaveValue('');
  await expect(widget.getByTestId('reward-risk')).toHaveCount(0);
  await expect(widget.getByRole('status')).toHaveCount(0);
});

test('a stop on the wrong side of entry gets a message on the stop field', async ({ page }) => {
  await page.goto(PATH);
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  const before = await widget.getByTestId('quantity').innerText();
  const stop = widget.getByLabel('Stop price', { exact: true });
  await stop.fill('61000');
  await expect(stop).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.locator('#risk-sizer-stop-error')).toHaveText(
    'For a long, the stop must be below the entry price.',
  );
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('quantity')).toHaveText(before);
  await widget.getByRole('radio', { name: 'Short' }).check();
  await expect(stop).not.toHaveAttribute('aria-invalid', 'true');
});

test('a link with parameters restores the scenario, and bad parameters fall back with a note', async ({ page }) => {
  await page.goto(
    `${PATH}?account=5000&risk=0.5&side=short&entry=3000&stop=3090&target=2820&leverage=5&bogus=1&fee=abc`,
  );
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('5');
  await expect(widget.getByRole('radio', { name: 'Short' })).toBeChecked();
  await expect(widget.getByLabel('Trading fee per side', { exact: true })).toHaveValue('0.05');
  await expect(widget.getByRole('status').first()).toContainText('trading fee “abc” could not be used');
  await expect(widget.getByRole('status').first()).toContainText('“bogus”');
  const size = riskPositionSize({
    balance: 5000,
    riskFraction: 0.005,
    entryPrice: 3000,
    stopPrice: 3090,
    openFeeRate: 0.0005,
    closeFeeRate: 0.0005,
  });
  await expect(widget.getByTestId('quantity')).toHaveText(`${formatNumber(size.quantity, { digits: 6 })} BTC`);
  // Reward 3,000 − 2,820 = 180 against a risk of 3,090 − 3,000 = 90: 2 : 1.
  await expect(widget.getByTestId('reward-risk')).toHaveText('2 : 1 (reward : risk)');

  // A stop the calculation refuses for the side is reset to the default, with a note.
  await page.goto(`${PATH}?stop=65000`);
  await waitForHydration(page, widget);
  await expect(widget.getByLabel('Stop price', { exact: true })).toHaveValue('58800');
  await expect(widget.getByRole('status').first()).toContainText('stop price “65000” could not be used');
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  // Eight fields × five values: more than the default 30 s on a busy two-core machine.
  test.setTimeout(90_000);
  await page.goto(PATH);
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  const before = await widget.getByTestId('notional').innerText();
  await widget.getByLabel('Entry price', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('notional')).toHaveText(before);
  await widget.getByLabel('Entry price', { exact: true }).fill('60000');
  await sweepGarbage(
    page,
    widget,
    [
      'Account balance',
      'Risk per trade',
      'Entry price',
      'Stop price',
      'Target price (optional)',
      'Trading fee per side',
      'Leverage',
      'Maintenance margin rate',
    ],
    { 'Target price (optional)': [''], 'Trading fee per side': ['0'], 'Maintenance margin rate': ['0'] },
  );
});

test('the sizer works from the keyboard alone', async ({ page }) => {
  await page.goto(PATH);
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  await widget.getByLabel('Account balance', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Risk per trade', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await expect(widget.getByTestId('risk-amount')).toHaveText('200.00 USDT');
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('radio', { name: 'Long' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: 'Short' })).toBeChecked();
  const lev = widget.getByLabel('Leverage slider');
  await lev.focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('11');
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Maintenance margin rate', { exact: true })).toBeFocused();
  // The chart's table toggle is a real button.
  await widget.getByRole('button', { name: 'Show as table' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('button', { name: 'Show as chart' })).toBeVisible();
});

// pages.spec checks every page's first state in both themes; this state check runs in the darker one.
for (const theme of ['dark'] as const) {
  test(`the page passes axe in the ${theme} theme, warning and table shown`, async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${PATH}?leverage=50`);
    const widget = page.locator('[data-widget="risk-sizer"]');
    await waitForHydration(page, widget);
    await expect(widget.getByTestId('liquidation-warning')).toBeVisible();
    await widget.locator('canvas').scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Show as table' }).click();
    await expect(widget.getByRole('button', { name: 'Show as chart' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
}

test('at 320 px wide the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${PATH}?leverage=50`);
  const widget = page.locator('[data-widget="risk-sizer"]');
  await waitForHydration(page, widget);
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await widget.getByRole('button', { name: 'Show as table' }).click();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});
