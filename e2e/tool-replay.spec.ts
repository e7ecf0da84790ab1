/**
 * The price-path replay on its tool page and in lesson 7: outcomes checked against figures worked by hand from the
 * shipped Binance rows, or against src/calc's `replayTrade` run on candles read here straight from the CSV files
 * (never the widget's model); the player, CSV input, the data credit and axe.
 */
import { readFileSync } from 'node:fs';
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import { replayTrade, type Candle } from '../src/calc/index.ts';
import { formatPrice } from '../src/format/numbers.ts';
import type { Page } from '@playwright/test';

const PATH = '/tools/replay/';

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const widget = page.locator('[data-widget="replay"]');
  await waitForHydration(page, widget);
  return widget;
}

/** A shipped window's candles, read from its columns: the perpetual's last price and its mark price. */
function windowCandles(file: string): (Candle & { time: string })[] {
  const lines = readFileSync(`content/market-data/crash-windows/${file}`, 'utf8').trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const c = line.split(',');
    const at = (name: string) => c[col(name)];
    return {
      time: at('open_time_utc').replace('T', ' ').replace('Z', ' UTC'),
      open: at('perp_open'),
      high: at('perp_high'),
      low: at('perp_low'),
      close: at('perp_close'),
      markOpen: at('mark_open'),
      markHigh: at('mark_high'),
      markLow: at('mark_low'),
      markClose: at('mark_close'),
    };
  });
}

test('the server-rendered defaults read without JavaScript, with the story and the data credit', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  // By hand: entry at the 2020-03-11T23:00Z close 7,938.39; liquidation 7,938.39 × 0.9 / 0.995 = 7,180.4533; the
  // first mark low below it is 5,620.86 at 2020-03-12T10:00Z, candle 35 (the last price fell to 5,199.17 that hour).
  await expect(page.getByTestId('outcome')).toHaveText(
    'Liquidated on candle 35 (2020-03-12 10:00 UTC) at 7,180.45 USDT, on the mark price',
  );
  await expect(page.getByTestId('liquidation')).toHaveText('7,180.45 USDT');
  await expect(page.getByTestId('scenario-story')).toContainText('On 12 March 2020 bitcoin fell in two waves');
  const credit = page.getByTestId('scenario-source');
  await expect(credit).toContainText('Liquidation is checked on the mark price');
  await expect(credit.getByRole('link', { name: 'Binance Vision' })).toHaveAttribute(
    'href',
    'https://data.binance.vision/',
  );
  await expect(credit.getByRole('link', { name: 'CC BY-NC-SA 4.0' })).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  );
  await context.close();
});

test('another window loads when chosen, and its outcome is the calc module’s on the CSV’s candles', async ({
  page,
  problems,
}) => {
  const widget = await open(page);
  await widget.getByLabel('Price path', { exact: true }).selectOption('btc-2022-11');
  await expect(widget.getByTestId('scenario-story')).toContainText('9 November 2022');
  await widget.getByLabel('Entry candle', { exact: true }).fill('40');
  await widget.getByLabel('Leverage', { exact: true }).fill('20');
  const candles = windowCandles('w3_2022-11-08_ftx_1h.csv');
  const common = { candles, entryIndex: 39, margin: 1000, leverage: 20, maintenanceMarginRate: 0.005 };
  const long = replayTrade({ ...common, side: 'long' });
  expect(long.end?.outcome).toBe('liquidation');
  const at = long.end?.candleIndex ?? -1;
  await expect(widget.getByTestId('outcome')).toHaveText(
    `Liquidated on candle ${at + 1} (${candles[at]?.time}) at ${formatPrice(long.liquidationPrice ?? 0)}, on the mark price`,
  );
  await expect(widget.getByTestId('liquidation')).toHaveText(formatPrice(long.liquidationPrice ?? 0));
  await widget.getByRole('radio', { name: 'Short' }).check();
  const short = replayTrade({ ...common, side: 'short' });
  await expect(widget.getByTestId('outcome')).toHaveText(
    short.end === null ? 'Still open at the last candle' : new RegExp(`on candle ${short.end.candleIndex + 1} \\(`),
  );
  await expect(page).toHaveURL(/scenario=btc-2022-11/);
  await expect(page).toHaveURL(/side=short/);
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await expect(widget.locator('canvas')).toHaveAttribute('aria-label', /Price chart of 120 candles/);
  expect(problems.list).toEqual([]);
});

test('the mark price decides liquidation, the last price triggers the stop (13 March 2020, 02:00 UTC)', async ({
  page,
}) => {
  // By hand: entry at the 2020-03-13T01:00Z close 4,062.89, 10x long: liquidation 4,062.89 × 0.9 / 0.995 = 3,674.98.
  // Next hour the last price fell to 3,621.81, the mark price only to 3,801.83: not liquidated.
  const widget = await open(page, '?entry=50');
  await expect(widget.getByTestId('liquidation')).toHaveText('3,674.98 USDT');
  await expect(widget.getByTestId('outcome')).toHaveText('Still open at the last candle');
  await expect(widget.getByTestId('extremes')).toHaveText('last 3,621.81 USDT · mark 3,801.83 USDT');
  // A 5 % stop, 4,062.89 × 0.95 = 3,859.7455, is passed by the last price in that hour: −5 % of 10,000 = −500.
  await widget.getByLabel('Stop loss', { exact: true }).fill('5');
  await expect(widget.getByTestId('outcome')).toHaveText(
    `Stopped out on candle 51 (2020-03-13 02:00 UTC) at ${formatPrice('3859.7455')}, on the last price`,
  );
  await expect(widget.getByTestId('final-pnl')).toHaveText('-500.00 USDT');
});

test('lesson 7: the 10x long with a 5% stop is stopped at 06:00 UTC on 12 March, the crash day', async ({ page }) => {
  await page.goto('/lessons/risk-management/');
  const widget = page.locator('[data-widget="replay"]');
  await widget.scrollIntoViewIfNeeded();
  // By hand: stop 7,938.39 × 0.95 = 7,541.47; the first last-price low under it is 7,460.00 at 2020-03-12T06:00Z.
  await expect(widget.getByTestId('outcome')).toHaveText(
    'Stopped out on candle 31 (2020-03-12 06:00 UTC) at 7,541.47 USDT, on the last price',
  );
  await expect(widget.getByTestId('final-pnl')).toHaveText('-500.00 USDT');
  await expect(widget.getByTestId('extremes')).toHaveText('last 3,621.81 USDT · mark 3,801.83 USDT');
});

test('a stop and a take-profit: whichever the path touches first ends the trade', async ({ page }) => {
  const widget = await open(page);
  await widget.getByLabel('Stop loss', { exact: true }).fill('5');
  await expect(widget.getByTestId('outcome')).toHaveText(
    'Stopped out on candle 31 (2020-03-12 06:00 UTC) at 7,541.47 USDT, on the last price',
  );
  await expect(widget.getByTestId('final-pnl')).toHaveText('-500.00 USDT');
  await widget.getByLabel('Stop loss', { exact: true }).fill('');
  await widget.getByRole('radio', { name: 'Short' }).check();
  // 7,938.39 × 0.8 = 6,350.712, passed by the last low 5,199.17 at 2020-03-12T10:00Z: +20 % of 10,000.
  await widget.getByLabel('Take-profit', { exact: true }).fill('20');
  await expect(widget.getByTestId('outcome')).toHaveText(
    'Took profit on candle 35 (2020-03-12 10:00 UTC) at 6,350.71 USDT, on the last price',
  );
  await expect(widget.getByTestId('final-pnl')).toHaveText('+2,000.00 USDT');
});

test('play, pause and step with buttons and with the keyboard', async ({ page }) => {
  const widget = await open(page);
  const cursor = widget.getByTestId('cursor');
  await expect(cursor).toContainText('Candle 96 of 96');
  await widget.getByRole('button', { name: 'To entry' }).click();
  await expect(cursor).toContainText(
    'Candle 24 of 96 (2020-03-11 23:00 UTC): close 7,938.39 USDT (mark 7,933.90 USDT)',
  );
  await widget.getByRole('button', { name: 'Step forward' }).click();
  await expect(cursor).toContainText('Candle 25 of 96');
  // Keyboard: focus the player and use its keys.
  await widget.getByTestId('player').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(cursor).toContainText('Candle 35 of 96 (2020-03-12 10:00 UTC)');
  await expect(cursor).toContainText('liquidated on candle 35');
  await expect(cursor).toContainText('equity 0.00 USDT');
  await page.keyboard.press('ArrowLeft');
  await expect(cursor).toContainText('Candle 34 of 96');
  await page.keyboard.press('End');
  await expect(cursor).toContainText('Candle 96 of 96');
  await page.keyboard.press('Home');
  await expect(cursor).toContainText('Candle 24 of 96');
  await page.keyboard.press('Space');
  await expect(widget.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(cursor).toContainText('Candle 25 of 96', { timeout: 3000 });
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
  await expect(widget.getByTestId('cursor')).toContainText('Candle 35 of 96');
  await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('seeded random paths come back the same from the link, with one price for last and mark', async ({ page }) => {
  const widget = await open(page, '?scenario=random&seed=5&entry=10');
  // The generator is loaded on demand; the 60-candle path replaces the default once it is here.
  await expect(widget.getByTestId('cursor')).toContainText('Candle 60 of 60 (Day 60)');
  await expect(widget.getByTestId('one-price')).toHaveText(
    'A random path has one price, used as both the last and the mark price.',
  );
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
  // By hand: 10x long at 100, liquidation 100 × 0.9 / 0.995 = 90.45; the 2 January low of 80 passes it.
  const csv = 'time,open,high,low,close\n2024-01-01,100,101,99,100\n2024-01-02,100,100,80,85\n2024-01-03,85,90,84,88';
  await box.fill(csv);
  await widget.getByLabel('Entry candle', { exact: true }).fill('1');
  await expect(widget.getByTestId('outcome')).toHaveText('Liquidated on candle 2 (2024-01-02) at 90.45 USDT');
  await expect(widget.getByTestId('one-price')).toContainText('Your candles have no mark price');
  expect(page.url()).not.toContain('2024-01');
  await expect(page).toHaveURL(/scenario=csv/);
  // With mark columns, the same last-price wick no longer liquidates: the mark low is 95.
  await box.fill(
    'time,open,high,low,close,mark_open,mark_high,mark_low,mark_close\n' +
      '2024-01-01,100,101,99,100,100,101,99,100\n2024-01-02,100,100,80,85,100,100,95,96\n2024-01-03,85,90,84,88,96,97,95,96',
  );
  await expect(widget.getByTestId('outcome')).toHaveText('Still open at the last candle');
  await expect(widget.getByTestId('one-price')).toHaveCount(0);
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
