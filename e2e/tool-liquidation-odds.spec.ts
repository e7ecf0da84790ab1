/** The liquidation-odds explorer on its tool page: closed form from src/calc, the fan from a Web Worker, reproducible by seed. */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import { liquidationPrice, liquidationProbability } from '../src/calc/index.ts';
import { computeOdds } from '../src/widgets/LiquidationOdds/model.ts';
import { computeFan } from '../src/widgets/LiquidationOdds/fan.ts';
import { liquidationOddsParams, type LiquidationOddsValues } from '../src/widgets/LiquidationOdds/params.ts';
import { formatPercent } from '../src/format/numbers.ts';
import type { Locator, Page } from '@playwright/test';

const PATH = '/tools/liquidation-odds/';
const pct = (p: number) => formatPercent(p, { digits: p < 0.001 ? 4 : 1 });

function expected(patch: Partial<LiquidationOddsValues> = {}) {
  const out = computeOdds({ ...liquidationOddsParams.defaults, ...patch });
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}

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
  const liq = liquidationPrice({
    side: 'long',
    quantity: 1,
    entryPrice: 100,
    marginMode: 'isolated',
    leverage: 10,
    maintenanceMarginRate: 0.005,
  });
  const p = liquidationProbability({ distance: liq.distance ?? 0, volatility: 0.529, horizonDays: 30 });
  await expect(page.getByTestId('probability')).toHaveText(pct(p));
  await expect(page.getByTestId('distance')).toHaveText(`${formatPercent(liq.distance?.abs() ?? 0)} below`);
  await context.close();
});

test('the fan runs in a Web Worker, and its hit rate is the calc module’s', async ({ page, problems }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const widget = await open(page, '?seed=11&paths=1000');
  await fanTable(widget, 11);
  expect(workers.some((u) => /montecarlo\.worker/.test(u))).toBe(true);
  const r = expected({ seed: '11', paths: '1000' });
  const fan = computeFan(r.fan);
  await expect(widget.getByTestId('hit-rate')).toHaveText(pct(fan.hitRate));
  await expect(widget.getByTestId('probability')).toHaveText(pct(r.probability));
  // Changing the inputs runs a new simulation; the closed form follows at once.
  await widget.getByLabel('Horizon', { exact: true }).fill('90');
  await expect(widget.getByTestId('probability')).toHaveText(
    pct(expected({ seed: '11', paths: '1000', days: '90' }).probability),
  );
  await expect(widget.getByTestId('fan-status')).toContainText('seed 11:', { timeout: 20_000 });
  const fan90 = computeFan(expected({ seed: '11', paths: '1000', days: '90' }).fan);
  await expect(widget.getByTestId('hit-rate')).toHaveText(pct(fan90.hitRate));
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

test('presets and the distance input', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('button', { name: /ETH 2024: 64\.7%/ }).click();
  await expect(widget.getByLabel('Annualised volatility', { exact: true })).toHaveValue('64.7');
  await expect(widget.getByRole('button', { name: /ETH 2024/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.getByTestId('probability')).toHaveText(pct(expected({ vol: '64.7' }).probability));
  await widget.getByRole('radio', { name: 'The distance' }).check();
  await widget.getByLabel('Distance to liquidation', { exact: true }).fill('25');
  await widget.getByRole('radio', { name: 'Short' }).check();
  const r = expected({ vol: '64.7', input: 'distance', distance: '25', side: 'short' });
  await expect(widget.getByTestId('probability')).toHaveText(pct(r.probability));
  await expect(widget.getByTestId('distance')).toHaveText('25% above');
  await expect(widget.getByRole('link', { name: 'Gale Finance' })).toHaveAttribute(
    'href',
    'https://www.gale.finance/compare/btc-vs-eth-2024',
  );
});

test('a link restores the scenario; bad parameters fall back with a note', async ({ page }) => {
  const widget = await open(page, '?leverage=25&days=7&vol=abc&paths=3');
  await expect(widget.getByLabel('Leverage', { exact: true })).toHaveValue('25');
  await expect(widget.getByLabel('Annualised volatility', { exact: true })).toHaveValue('52.9');
  await expect(widget.getByRole('status').first()).toContainText('annualised volatility “abc” could not be used');
  await expect(widget.getByRole('status').first()).toContainText('number of simulated paths “3” could not be used');
  await expect(widget.getByTestId('probability')).toHaveText(pct(expected({ leverage: '25', days: '7' }).probability));
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
  await widget.getByRole('button', { name: /BTC 2024/ }).focus();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: /ETH 2024/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByLabel('Annualised volatility', { exact: true })).toHaveValue('64.7');
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
