/** The liquidation-odds explorer on its tool page: closed form from src/calc, the fan from a Web Worker, reproducible by seed. */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import { Decimal, barrierHitRate, liquidationPrice, liquidationProbability, simulatePaths } from '../src/calc/index.ts';
import type { Numeric } from '../src/calc/index.ts';
import { formatPercent } from '../src/format/numbers.ts';
import { VOLATILITY_PRESETS } from '../src/widgets/LiquidationOdds/volatility.ts';
import type { Locator, Page } from '@playwright/test';

// Expected figures come from src/calc directly (never from the widget's model): the page describes a 1-unit isolated
// position entered at 100, so its liquidation price is the fan's barrier and its distance the closed form's input.

const PATH = '/tools/liquidation-odds/';
const pct = (p: number) => formatPercent(p, { digits: p < 0.001 ? 4 : 1 });

/** Isolated 1-unit position at 100 with the page's default 0.5 % maintenance rate. */
function liquidation(leverage: number, side: 'long' | 'short' = 'long') {
  const liq = liquidationPrice({
    side,
    quantity: 1,
    entryPrice: 100,
    marginMode: 'isolated',
    leverage,
    maintenanceMarginRate: 0.005,
  });
  if (liq.price === null || liq.distance === null) throw new Error('no liquidation price');
  return { price: liq.price, distance: liq.distance };
}

/** Chance of touching the level `distance` away within `days`, at annualised volatility `vol` (a fraction). */
const odds = (distance: Numeric, vol: number, days: number) =>
  liquidationProbability({ distance, volatility: vol, horizonDays: days });

/**
 * The Monte Carlo hit rate of a long's barrier. Steps as the page picks them: daily, but at least 48 (30 days → 48
 * steps of 0.625 days; 90 days → 90 steps of 1 day).
 */
function hitRate(seed: number, paths: number, days: number, barrier: Numeric) {
  const steps = Math.max(48, Math.ceil(days));
  const sim = simulatePaths({ seed, startPrice: 100, volatility: 0.706, steps, stepDays: days / steps, paths });
  return barrierHitRate(sim, { barrier, direction: 'down' });
}

// 10x long: (100 − 10) / 0.995 = 90.4523, 9.55 % below.
const TEN_X = liquidation(10);

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  const widget = page.locator('[data-widget="liquidation-odds"]');
  await waitForHydration(page, widget);
  return widget;
}

/** Waits for the simulation to finish and returns the fan table's text. */
async function fanTable(widget: Locator, seed: number): Promise<string> {
  await expect(widget.getByTestId('fan-status')).toContainText(`seed ${seed}:`, { timeout: 20_000 });
  return (await widget.getByTestId('fan').locator('table').textContent()) ?? '';
}

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  expect(TEN_X.price.toFixed(4)).toBe('90.4523');
  await expect(page.getByTestId('probability')).toHaveText(pct(odds(TEN_X.distance, 0.706, 30)));
  await expect(page.getByTestId('distance')).toHaveText('9.55% below');
  await context.close();
});

test('the fan runs in a Web Worker, and its hit rate is the calc module’s', async ({ page, problems }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const widget = await open(page, '?seed=11&paths=1000');
  await fanTable(widget, 11);
  expect(workers.some((u) => /montecarlo\.worker/.test(u))).toBe(true);
  await expect(widget.getByTestId('hit-rate')).toHaveText(pct(hitRate(11, 1000, 30, TEN_X.price)));
  await expect(widget.getByTestId('probability')).toHaveText(pct(odds(TEN_X.distance, 0.706, 30)));
  // Changing the inputs runs a new simulation; the closed form follows at once.
  await widget.getByLabel('Horizon', { exact: true }).fill('90');
  await expect(widget.getByTestId('probability')).toHaveText(pct(odds(TEN_X.distance, 0.706, 90)));
  await expect(widget.getByTestId('fan-status')).toContainText('seed 11:', { timeout: 20_000 });
  await expect(widget.getByTestId('hit-rate')).toHaveText(pct(hitRate(11, 1000, 90, TEN_X.price)));
  await expect(page).toHaveURL(/days=90/);
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await expect(widget.locator('canvas')).toHaveAttribute(
    'aria-label',
    /Fan chart of 1,000 simulated paths over 90 days/,
  );
  expect(problems.list).toEqual([]);
});

test('the same seed gives the same fan; another seed gives another', async ({ page }) => {
  const widget = await open(page, '?seed=7');
  const first = await fanTable(widget, 7);
  expect(first).toMatch(/Median/);
  await page.reload();
  await waitForHydration(page, widget);
  const second = await fanTable(widget, 7);
  expect(second).toBe(first);
  await widget.getByLabel('Random seed', { exact: true }).fill('8');
  const other = await fanTable(widget, 8);
  expect(other).not.toBe(first);
});

// The presets are data (src/widgets/LiquidationOdds/volatility.ts, checked against the shipped price files by its own
// unit test); the page must show each one and put its figure in the field.
const [FIRST, SECOND] = VOLATILITY_PRESETS;
const presetName = (p: (typeof VOLATILITY_PRESETS)[number]) => `${p.label}: ${p.volatility}%`;

test('presets and the distance input', async ({ page }) => {
  if (!FIRST || !SECOND) throw new Error('expected at least two volatility presets');
  const widget = await open(page);
  await widget.getByRole('button', { name: presetName(SECOND), exact: true }).click();
  await expect(widget.getByLabel('Annualised volatility', { exact: true })).toHaveValue(SECOND.volatility);
  await expect(widget.getByRole('button', { name: presetName(SECOND), exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const vol = new Decimal(SECOND.volatility).div(100);
  await expect(widget.getByTestId('probability')).toHaveText(pct(odds(TEN_X.distance, vol.toNumber(), 30)));
  await widget.getByRole('radio', { name: 'The distance' }).check();
  await widget.getByLabel('Distance to liquidation', { exact: true }).fill('25');
  await widget.getByRole('radio', { name: 'Short' }).check();
  // A short entered as 25 % away: liquidated at 125, a signed distance of +0.25.
  await expect(widget.getByTestId('probability')).toHaveText(pct(odds('0.25', vol.toNumber(), 30)));
  await expect(widget.getByTestId('distance')).toHaveText('25% above');
  await expect(widget.getByRole('link', { name: FIRST.sourceTitle })).toHaveAttribute('href', FIRST.sourceUrl);
});

test('a link restores the scenario; bad parameters fall back with a note', async ({ page }) => {
  const widget = await open(page, '?leverage=25&days=7&vol=abc&paths=3');
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('25');
  await expect(widget.getByLabel('Annualised volatility', { exact: true })).toHaveValue('70.6');
  await expect(widget.getByRole('status').first()).toContainText('annualised volatility “abc” could not be used');
  await expect(widget.getByRole('status').first()).toContainText('number of simulated paths “3” could not be used');
  await expect(widget.getByTestId('probability')).toHaveText(pct(odds(liquidation(25).distance, 0.706, 7)));
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  test.setTimeout(90_000); // many fields × five values on a busy 2-core machine
  const widget = await open(page);
  const before = await widget.getByTestId('probability').innerText();
  await widget.getByLabel('Leverage', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('probability')).toHaveText(before);
  await widget.getByLabel('Leverage', { exact: true }).fill('10');
  await sweepGarbage(
    page,
    widget,
    ['Leverage', 'Maintenance margin rate', 'Annualised volatility', 'Horizon', 'Random seed'],
    { 'Maintenance margin rate': ['0'], 'Random seed': ['0'] },
  );
  await widget.getByRole('radio', { name: 'The distance' }).check();
  await sweepGarbage(page, widget, ['Distance to liquidation']);
});

test('the explorer works from the keyboard alone', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('radio', { name: 'Long' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: 'Short' })).toBeChecked();
  await widget.getByLabel('Horizon slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByLabel('Horizon', { exact: true })).toHaveValue('31');
  if (!FIRST || !SECOND) throw new Error('expected at least two volatility presets');
  await widget.getByRole('button', { name: presetName(FIRST), exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: presetName(SECOND), exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByLabel('Annualised volatility', { exact: true })).toHaveValue(SECOND.volatility);
  await widget.getByRole('button', { name: 'Draw new paths' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByLabel('Random seed', { exact: true })).not.toHaveValue('42');
});

// pages.spec checks every page's first state in both themes; this state check runs in the darker one.
for (const theme of ['dark'] as const) {
  test(`the page passes axe in the ${theme} theme, with the fan table open`, async ({ page, problems }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    const widget = await open(page, '?paths=1000');
    await fanTable(widget, 42);
    await widget.locator('canvas').scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Show as table' }).click();
    await expect(widget.getByRole('button', { name: 'Show as chart' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
}

test('at 320 px wide the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const widget = await open(page, '?paths=1000');
  await fanTable(widget, 42);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});
