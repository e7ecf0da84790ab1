/** The price-path replay on its tool page: outcome checked against src/calc's replay, the player, CSV input and axe. */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import { liquidationPrice, positionFromMargin, replay } from '../src/calc/index.ts';
import { formatPrice } from '../src/format/numbers.ts';
import may2021 from '../content/scenarios/btc-2021-05.json' with { type: 'json' };
import blackThursday from '../content/scenarios/btc-2020-03.json' with { type: 'json' };
import type { Page } from '@playwright/test';

const PATH = '/tools/replay/';

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const widget = page.locator('[data-widget="replay"]');
  await waitForHydration(page, widget);
  return widget;
}

/** The calculation module's own replay of an isolated position opened at candle `entry`'s close. */
function calcOutcome(
  candles: { time: string; open: string; high: string; low: string; close: string }[],
  entry: number,
  side: 'long' | 'short',
  leverage: number,
) {
  const entryPrice = candles[entry - 1]?.close ?? '0';
  const { quantity } = positionFromMargin({ margin: 1000, leverage, price: entryPrice });
  const liq = liquidationPrice({
    side,
    quantity,
    entryPrice,
    marginMode: 'isolated',
    leverage,
    maintenanceMarginRate: 0.005,
  });
  const result = replay({
    position: { side, entryPrice, liquidationPrice: liq.price ?? undefined },
    candles: candles.slice(entry),
  });
  return { result, liq, candleNumber: entry + 1 + (result.candleIndex ?? 0) };
}

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const { result, liq, candleNumber } = calcOutcome(blackThursday.candles, 8, 'long', 10);
  expect(result.outcome).toBe('liquidation');
  await expect(page.getByTestId('outcome')).toHaveText(
    `Liquidated on candle ${candleNumber} (2020-03-12) at ${formatPrice(liq.price ?? 0)}`,
  );
  await expect(page.getByTestId('scenario-source')).toContainText('12saga34/Bitcoin_price_prediction/BTC-USD.csv');
  await context.close();
});

test('the liquidation candle the replay reports is the calc module’s, wicks included', async ({ page, problems }) => {
  const widget = await open(page);
  await widget.getByLabel('Price path', { exact: true }).selectOption('btc-2021-05');
  await widget.getByLabel('Entry candle', { exact: true }).fill('3');
  await widget.getByLabel('Leverage', { exact: true }).fill('20');
  const { result, liq, candleNumber } = calcOutcome(may2021.candles, 3, 'long', 20);
  expect(result.outcome).toBe('liquidation');
  const time = may2021.candles[candleNumber - 1]?.time;
  await expect(widget.getByTestId('outcome')).toHaveText(
    `Liquidated on candle ${candleNumber} (${time}) at ${formatPrice(liq.price ?? 0)}`,
  );
  await expect(widget.getByTestId('liquidation')).toHaveText(formatPrice(liq.price ?? 0));
  // A short from the same candle survives the crash.
  await widget.getByRole('radio', { name: 'Short' }).check();
  const short = calcOutcome(may2021.candles, 3, 'short', 20);
  await expect(widget.getByTestId('outcome')).toHaveText(
    short.result.outcome === 'none'
      ? 'Still open at the last candle'
      : new RegExp(`on candle ${short.candleNumber} \\(`),
  );
  await expect(page).toHaveURL(/scenario=btc-2021-05/);
  await expect(page).toHaveURL(/side=short/);
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await expect(widget.locator('canvas')).toHaveAttribute('aria-label', /Price chart of 31 candles/);
  expect(problems.list).toEqual([]);
});

test('a stop and a take-profit: whichever the path touches first ends the trade', async ({ page }) => {
  const widget = await open(page);
  await widget.getByLabel('Stop loss', { exact: true }).fill('5');
  await expect(widget.getByTestId('outcome')).toHaveText('Stopped out on candle 9 (2020-03-09) at 7,702.71 USDT');
  await expect(widget.getByTestId('final-pnl')).toHaveText('-500.00 USDT');
  await widget.getByLabel('Stop loss', { exact: true }).fill('');
  await widget.getByRole('radio', { name: 'Short' }).check();
  await widget.getByLabel('Take-profit', { exact: true }).fill('20');
  await expect(widget.getByTestId('outcome')).toHaveText(/^Took profit on candle 12 \(2020-03-12\)/);
  await expect(widget.getByTestId('final-pnl')).toHaveText('+2,000.00 USDT');
});

test('play, pause and step with buttons and with the keyboard', async ({ page }) => {
  const widget = await open(page);
  const cursor = widget.getByTestId('cursor');
  await expect(cursor).toContainText('Candle 25 of 25');
  await widget.getByRole('button', { name: 'To entry' }).click();
  await expect(cursor).toContainText('Candle 8 of 25 (2020-03-08)');
  await widget.getByRole('button', { name: 'Step forward' }).click();
  await expect(cursor).toContainText('Candle 9 of 25');
  // Keyboard: focus the player and use its keys.
  await widget.getByTestId('player').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cursor).toContainText('Candle 12 of 25 (2020-03-12)');
  await expect(cursor).toContainText('liquidated on candle 12');
  await expect(cursor).toContainText('equity 0.00 USDT');
  await page.keyboard.press('ArrowLeft');
  await expect(cursor).toContainText('Candle 11 of 25');
  await page.keyboard.press('End');
  await expect(cursor).toContainText('Candle 25 of 25');
  await page.keyboard.press('Home');
  await expect(cursor).toContainText('Candle 8 of 25');
  await page.keyboard.press('Space');
  await expect(widget.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(cursor).toContainText('Candle 9 of 25', { timeout: 3000 });
  await page.keyboard.press('Space');
  await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await cursor.innerText();
  await page.waitForTimeout(1000);
  await expect(cursor).toHaveText(paused);
  // The Play button works from the keyboard too.
  await widget.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('with reduced motion, Play jumps straight to the outcome', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await open(page);
  await expect(widget.getByText('Play jumps straight to the outcome')).toBeVisible();
  await widget.getByRole('button', { name: 'To entry' }).click();
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.getByTestId('cursor')).toContainText('Candle 12 of 25');
  await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('seeded random paths come back the same from the link', async ({ page }) => {
  const widget = await open(page, '?scenario=random&seed=5&entry=10');
  // The generator is loaded on demand; the 60-candle path replaces the default once it is here.
  await expect(widget.getByTestId('cursor')).toContainText('Candle 60 of 60 (Day 60)');
  const first = await widget.getByTestId('outcome').innerText();
  const cursor = await widget.getByTestId('cursor').innerText();
  await page.reload();
  await waitForHydration(page, widget);
  await expect(widget.getByTestId('cursor')).toContainText('Candle 60 of 60 (Day 60)');
  await expect(widget.getByTestId('outcome')).toHaveText(first);
  await expect(widget.getByTestId('cursor')).toHaveText(cursor);
  await widget.getByLabel('Random seed', { exact: true }).fill('6');
  await expect(widget.getByTestId('cursor')).not.toHaveText(cursor);
});

test('your own candles: pasted or read from a file, errors name the line, nothing leaves the page', async ({
  page,
  problems,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  const widget = await open(page);
  await widget.getByLabel('Price path', { exact: true }).selectOption('csv');
  await expect(widget.getByTestId('csv-error')).toHaveText('Paste or upload your candles first.');
  const box = widget.getByLabel('Your candles (CSV)', { exact: true });
  await box.fill('time,open,high,low,close\n2024-01-01,100,101,99,100\n2024-01-02,100,99,90,95');
  await expect(widget.getByTestId('csv-error')).toHaveText(
    'Line 3, column 3 (high): the high (99) is below the open (100).',
  );
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  const csv = 'time,open,high,low,close\n2024-01-01,100,101,99,100\n2024-01-02,100,100,80,85\n2024-01-03,85,90,84,88';
  await box.fill(csv);
  await widget.getByLabel('Entry candle', { exact: true }).fill('1');
  await expect(widget.getByTestId('outcome')).toHaveText(/^Liquidated on candle 2 \(2024-01-02\)/);
  expect(page.url()).not.toContain('2024-01');
  await expect(page).toHaveURL(/scenario=csv/);
  // From a file, read in the page by FileReader.
  await widget.getByLabel('Or choose a CSV file').setInputFiles({
    name: 'candles.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('1,100,101,99,100\n2,100,100,1,85\n2,85,90,84,88\n'),
  });
  await expect(widget.getByTestId('csv-error')).toContainText('Line 3, column 1 (time): times must increase');
  await widget.getByLabel('Or choose a CSV file').setInputFiles({
    name: 'candles.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('1,100,101,99,100\n2,100,130,99,125\n3,125,126,124,125\n'),
  });
  await expect(widget.getByTestId('csv-error')).toHaveCount(0);
  await expect(widget.getByTestId('outcome')).toHaveText('Still open at the last candle');
  expect(requests.filter((r) => !r.startsWith('GET '))).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  test.setTimeout(90_000); // many fields × five values on a busy 2-core machine
  const widget = await open(page);
  const before = await widget.getByTestId('outcome').innerText();
  await widget.getByLabel('Margin', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('outcome')).toHaveText(before);
  await widget.getByLabel('Margin', { exact: true }).fill('1000');
  await sweepGarbage(
    page,
    widget,
    ['Entry candle', 'Leverage', 'Margin', 'Stop loss', 'Take-profit', 'Maintenance margin rate'],
    { 'Stop loss': [''], 'Take-profit': [''] },
  );
  await widget.getByRole('radio', { name: 'Cross' }).check();
  await sweepGarbage(page, widget, ['Extra wallet balance'], { 'Extra wallet balance': ['0'] });
});

// pages.spec checks every page's first state in both themes; this state check runs in the darker one.
for (const theme of ['dark'] as const) {
  test(`the page passes axe in the ${theme} theme, with the candle table open`, async ({ page, problems }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    const widget = await open(page, '?stop=5&tp=30');
    await widget.locator('canvas').scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Show as table' }).click();
    await expect(widget.getByRole('button', { name: 'Show as chart' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await widget.getByLabel('Price path', { exact: true }).selectOption('csv');
    await expect(widget.getByTestId('csv-error')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
}

test('at 320 px wide the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page, '?scenario=csv');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});
