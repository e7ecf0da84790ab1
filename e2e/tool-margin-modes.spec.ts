/** The isolated-vs-cross sandbox on its tool page, checked against its model and the calculation module. */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import { computeSandbox } from '../src/widgets/MarginModes/model.ts';
import { marginModesParams, type MarginModesValues } from '../src/widgets/MarginModes/params.ts';
import { formatMoney } from '../src/format/numbers.ts';
import type { Page } from '@playwright/test';

const PATH = '/tools/margin-modes/';

function expected(patch: Partial<MarginModesValues> = {}) {
  const out = computeSandbox({ ...marginModesParams.defaults, ...patch });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const widget = page.locator('[data-widget="margin-modes"]');
  await waitForHydration(page, widget);
  return widget;
}

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const r = expected();
  await expect(page.getByTestId('verdict')).toHaveText(r.verdict);
  await expect(page.getByTestId('cross-equity')).toHaveText(formatMoney(r.crossEquity, { unit: 'USDT' }));
  await expect(page.getByTestId('isolated-equity')).toHaveText(formatMoney(r.isolatedEquity, { unit: 'USDT' }));
  await context.close();
});

test('the verdict changes when the market move changes, and follows the model', async ({ page, problems }) => {
  const widget = await open(page);
  const severe = expected().verdict;
  await expect(widget.getByTestId('verdict')).toHaveText(severe);
  await expect(widget.getByTestId('verdict')).toContainText('lost the whole 2,000.00 USDT wallet');
  await widget.getByLabel('Market move', { exact: true }).fill('-5');
  const calm = expected({ market: '-5' }).verdict;
  expect(calm).not.toBe(severe);
  await expect(widget.getByTestId('verdict')).toHaveText(calm);
  await expect(widget.getByTestId('events')).toHaveText('No position reaches its liquidation price in either copy.');
  await widget.getByLabel('Market move', { exact: true }).fill('-7');
  await expect(widget.getByTestId('verdict')).toHaveText(expected({ market: '-7' }).verdict);
  await expect(widget.getByTestId('isolated')).toContainText('Liquidated at');
  await expect(widget.getByTestId('cross')).not.toContainText('Liquidated');
  await expect(page).toHaveURL(/market=-7/);
  // A fourth position, then an asset's own move.
  await widget.getByRole('radio', { name: 'Four' }).check();
  await widget.getByLabel('Position 4 own move', { exact: true }).fill('30');
  const r = expected({ market: '-7', count: '4', p4move: '30' });
  await expect(widget.getByTestId('verdict')).toHaveText(r.verdict);
  await expect(widget.getByTestId('cross')).toContainText('XRP short');
  await expect(page).toHaveURL(/p4move=30/);
  // The chart arrives with an accessible name and a table.
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await expect(widget.locator('canvas')).toHaveAttribute('aria-label', /both accounts’ equity/);
  await widget.getByRole('button', { name: 'Show as table' }).click();
  await expect(widget.getByRole('table', { name: 'Account equity along the price move' })).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('a link restores the scenario; bad parameters fall back with a note', async ({ page }) => {
  const widget = await open(page, '?market=-2&p1lev=20&count=2&p2asset=LUNA&wallet=abc&bogus=1');
  await expect(widget.getByLabel('Market move', { exact: true })).toHaveValue('-2');
  await expect(widget.getByLabel('Position 1 leverage', { exact: true })).toHaveValue('20');
  await expect(widget.getByLabel('Position 3 size', { exact: true })).toHaveCount(0);
  await expect(widget.getByLabel('Position 2 asset', { exact: true })).toHaveValue('ETH');
  const notes = widget.getByRole('status').first();
  await expect(notes).toContainText('asset of position 2 “LUNA” could not be used');
  await expect(notes).toContainText('wallet balance “abc” could not be used');
  await expect(notes).toContainText('“bogus”');
  await expect(widget.getByTestId('verdict')).toHaveText(expected({ market: '-2', p1lev: '20', count: '2' }).verdict);
});

test('two positions on the same asset are refused next to the field', async ({ page }) => {
  const widget = await open(page);
  await widget.getByLabel('Position 2 asset', { exact: true }).selectOption('BTC');
  await expect(widget.getByText('Position 1 is already BTC')).toBeVisible();
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  test.setTimeout(90_000); // many fields × five values on a busy 2-core machine
  const widget = await open(page);
  const before = await widget.getByTestId('verdict').innerText();
  await widget.getByLabel('Wallet balance', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('verdict')).toHaveText(before);
  await widget.getByLabel('Wallet balance', { exact: true }).fill('2000');
  await sweepGarbage(
    page,
    widget,
    [
      'Wallet balance',
      'Maintenance margin rate',
      'Market move',
      'Position 1 size',
      'Position 1 leverage',
      'Position 1 entry price',
      'Position 1 own move',
      'Position 3 own move',
    ],
    {
      'Maintenance margin rate': ['0'],
      'Market move': ['-5', '0'],
      'Position 1 own move': ['-5', '0'],
      'Position 3 own move': ['-5', '0'],
    },
  );
});

test('the sandbox works from the keyboard alone', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('radio', { name: 'Three' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(widget.getByRole('radio', { name: 'Two' })).toBeChecked();
  await expect(widget.getByLabel('Position 3 size', { exact: true })).toHaveCount(0);
  const slider = widget.getByLabel('Market move slider');
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(widget.getByLabel('Market move', { exact: true })).toHaveValue('-5');
  await expect(widget.getByTestId('verdict')).toHaveText(expected({ market: '-5', count: '2' }).verdict);
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Position 1 asset', { exact: true })).toBeFocused();
});

// pages.spec checks every page's first state in both themes; this state check runs in the darker one.
for (const theme of ['dark'] as const) {
  test(`the page passes axe in the ${theme} theme, with liquidations and the table showing`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    const widget = await open(page, '?count=4');
    await widget.locator('canvas').scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Show as table' }).click();
    await expect(widget.getByRole('button', { name: 'Show as chart' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
}

test('at 320 px wide the copies stack and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const widget = await open(page, '?count=4');
  const iso = await widget.getByTestId('isolated').boundingBox();
  const cross = await widget.getByTestId('cross').boundingBox();
  expect(iso && cross && cross.y > iso.y).toBe(true);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});
