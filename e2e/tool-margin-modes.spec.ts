/**
 * The isolated-vs-cross sandbox on its tool page. Expected figures and verdicts are worked by hand below (the same
 * identities as src/calc/marginModes.ts: isolated health M + s·q·(P − E) − q·P·r, cross health W + Σ[…]); nothing here
 * runs the widget's model.
 *
 * Defaults: wallet 2,000, 0.5 % maintenance, market −10 %; BTC long 10,000 at 60,000, 10x (margin 1,000), own −4 %;
 * ETH long 5,000 at 3,000, 10x (500); SOL long 2,000 at 150, 5x (400); XRP short 500 at 0.5, 5x (100) as position 4.
 * A 10x long is liquidated by a fall of 950/9950 = 9.55 %, a 5x long by 19.6 %, a 5x short by a rise of 97.5/502.5 = 19.4 %.
 */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import type { Page } from '@playwright/test';

const PATH = '/tools/margin-modes/';

/**
 * Defaults (BTC −14 %, ETH and SOL −10 %). Isolated: BTC goes 9.55/14 = 68 % of the way, ETH 9.55/10 = 95 %; SOL stays
 * open at 400 − 200; equity 100 free + 200 = 300. Cross: health 1915 − 2089.5·t reaches 0 at t = 91.6 %, when BTC is
 * at −14 % × 0.9165 = −12.83 %: the whole 2,000 is lost.
 */
const SEVERE =
  'Cross kept BTC open longer (to -12.83% instead of -9.55%) but lost the whole 2,000.00 USDT wallet when BTC had ' +
  'fallen 12.83%; isolated lost only the BTC and ETH margins (1,500.00 USDT) and kept SOL open.';
/** Market −5 %: BTC −9 %, ETH and SOL −5 %: nothing liquidated; 2000 − 900 − 250 − 100 = 750 in both. */
const CALM_5 =
  'Nothing was liquidated in either mode: both accounts end with 750.00 USDT. Margin mode only makes a difference ' +
  'once a position nears its liquidation price.';
/**
 * Market −7 %: BTC −11 % is liquidated (isolated); ETH, SOL −7 %. Isolated 100 + (500 − 350) + (400 − 140) = 510;
 * cross 2000 − 1100 − 350 − 140 = 410, above its requirement (77.05).
 */
const MIDDLE_7 =
  'Isolated liquidated BTC when it had fallen 9.55%, losing its 1,000.00 USDT margin; cross kept every position open ' +
  'and ends with 410.00 USDT against isolated’s 510.00 USDT.';
/**
 * Market −7 %, four positions, XRP's own move +30 % (short, +23 % in all): isolated XRP goes at +19.4 % (19.4/23 = 84 %
 * of the way), BTC at 9.55/11 = 87 %; margins lost 100 + 1,000. Isolated: 0 free + (500 − 350) + (400 − 140) = 410.
 * Cross: 2000 − 1100 − 350 − 140 − 115 = 295, above its requirement 0.005 × 16,025 = 80.13.
 */
const FOUR_7 =
  'Isolated liquidated XRP and BTC (XRP first, when it had risen 19.4%), losing 1,100.00 USDT of margin; cross kept ' +
  'every position open and ends with 295.00 USDT against isolated’s 410.00 USDT.';
/**
 * ?market=-2&p1lev=20&count=2: BTC 20x (margin 500, liquidated by a fall of 450/9950 = 4.52 %) at −6 %; ETH −2 %.
 * Isolated 1000 free + 0 + (500 − 100) = 1,400; cross 2000 − 600 − 100 = 1,300.
 */
const LINKED =
  'Isolated liquidated BTC when it had fallen 4.52%, losing its 500.00 USDT margin; cross kept every position open ' +
  'and ends with 1,300.00 USDT against isolated’s 1,400.00 USDT.';
/** Two positions, market −5 %: BTC −9 %, ETH −5 %, nothing liquidated: 2000 − 900 − 250 = 850 in both. */
const TWO_CALM_5 =
  'Nothing was liquidated in either mode: both accounts end with 850.00 USDT. Margin mode only makes a difference ' +
  'once a position nears its liquidation price.';

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
  await expect(page.getByTestId('verdict')).toHaveText(SEVERE);
  // The defaults show the two modes apart: isolated keeps 300, cross loses everything.
  await expect(page.getByTestId('cross-equity')).toHaveText('0.00 USDT');
  await expect(page.getByTestId('isolated-equity')).toHaveText('300.00 USDT');
  await expect(page.getByTestId('cross-lost')).toHaveText('2,000.00 USDT');
  await expect(page.getByTestId('isolated-lost')).toHaveText('1,700.00 USDT');
  await context.close();
});

test('the verdict changes when the market move changes', async ({ page, problems }) => {
  const widget = await open(page);
  await expect(widget.getByTestId('verdict')).toHaveText(SEVERE);
  await widget.getByLabel('Market move', { exact: true }).fill('-5');
  await expect(widget.getByTestId('verdict')).toHaveText(CALM_5);
  await expect(widget.getByTestId('events')).toHaveText('No position reaches its liquidation price in either copy.');
  await widget.getByLabel('Market move', { exact: true }).fill('-7');
  await expect(widget.getByTestId('verdict')).toHaveText(MIDDLE_7);
  await expect(widget.getByTestId('isolated')).toContainText('Liquidated at');
  await expect(widget.getByTestId('cross')).not.toContainText('Liquidated');
  await expect(page).toHaveURL(/market=-7/);
  // A fourth position, then an asset's own move.
  await widget.getByRole('radio', { name: 'Four' }).check();
  await widget.getByLabel('Position 4 own move', { exact: true }).fill('30');
  await expect(widget.getByTestId('verdict')).toHaveText(FOUR_7);
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
  await expect(widget.getByTestId('verdict')).toHaveText(LINKED);
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
  await expect(widget.getByTestId('verdict')).toHaveText(TWO_CALM_5);
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
