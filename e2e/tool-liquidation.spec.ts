/**
 * The liquidation price calculator on its tool page. Expected figures are worked by hand (arithmetic in comments) or
 * come from src/calc's liquidationPrice with inputs built here, never from the widget's model or its venue comparison.
 */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration, sweepGarbage } from './widgets.ts';
import {
  BINANCE_BTCUSDT,
  BYBIT_BTCUSDT,
  HYPERLIQUID_BTC,
  hyperliquidMaintenanceRate,
  liquidationPrice,
  notional,
  positionFromMargin,
  tierFor,
  type LiquidationInput,
} from '../src/calc/index.ts';
import { formatPercent, formatPrice } from '../src/format/numbers.ts';

const tiers = BINANCE_BTCUSDT.tiers ?? [];

/** An isolated USDT-margined position opened with `margin` at `leverage`, as the widget builds it. */
function isolated(side: 'long' | 'short', margin: number, leverage: number, entry: number) {
  const { quantity } = positionFromMargin({ margin, leverage, price: entry });
  return { side, quantity, entryPrice: entry, leverage, marginMode: 'isolated' } as const;
}

const price = (p: { toFixed(): string } | null) => (p === null ? 'none' : formatPrice(p, { unit: 'USDT' }));

test('the server-rendered defaults read without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/tools/liquidation/');
  const expected = liquidationPrice({ ...isolated('long', 1000, 10, 60000), tiers });
  // By hand: q = 10,000 / 60,000 = 1/6 BTC, Binance tier 1 (0.4 %): (1,000 − 10,000) / (q × (0.004 − 1)) = 54,000 / 0.996.
  expect(price(expected.price)).toBe('54,216.87 USDT');
  await expect(page.getByTestId('liquidation')).toHaveText(price(expected.price));
  await expect(page.getByTestId('steps')).toContainText('0.16666667 × 60,000 − 1,000');
  await context.close();
});

test('changing inputs changes the figures to what the calculation module gives', async ({ page, problems }) => {
  await page.goto('/tools/liquidation/');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  await widget.getByRole('radio', { name: 'Short' }).first().check();
  await widget.getByLabel('Leverage', { exact: true }).fill('20');
  await widget.getByLabel('Entry price', { exact: true }).fill('50000');
  const binance = liquidationPrice({ ...isolated('short', 1000, 20, 50000), tiers });
  await expect(widget.getByTestId('liquidation')).toHaveText(price(binance.price));
  await expect(widget.getByTestId('bankruptcy')).toHaveText(price(binance.bankruptcyPrice));
  await expect(widget.getByTestId('distance')).toHaveText(formatPercent(binance.distance ?? 0, { signed: true }));

  await widget.getByLabel('Venue rule').selectOption('bybit');
  const bybit = liquidationPrice({
    ...isolated('short', 1000, 20, 50000),
    maintenanceMarginRate: BYBIT_BTCUSDT.maintenanceMarginRate ?? '0.005',
    maintenanceBasis: 'entry',
    maxLeverage: BYBIT_BTCUSDT.maxLeverage,
  });
  await expect(widget.getByTestId('liquidation')).toHaveText(price(bybit.price));

  await widget.getByLabel('Close fee', { exact: true }).fill('0.06');
  const withFee = liquidationPrice({
    ...isolated('short', 1000, 20, 50000),
    maintenanceMarginRate: '0.005',
    maintenanceBasis: 'entry',
    maxLeverage: 100,
    closeFeeRate: '0.0006',
  });
  await expect(widget.getByTestId('liquidation')).toHaveText(price(withFee.price));
  await expect(page).toHaveURL(/side=short/);
  await expect(page).toHaveURL(/venue=bybit/);
  await expect(page).toHaveURL(/fee=0.06/);

  // The chart arrives once it is scrolled into view, with a table alternative.
  await widget.getByRole('heading', { name: 'The same trade at each venue' }).scrollIntoViewIfNeeded();
  await widget.locator('canvas').scrollIntoViewIfNeeded();
  await expect(widget.locator('canvas')).toHaveAttribute('aria-label', /lines meet at the liquidation price/);
  await widget.getByRole('button', { name: 'Show as table' }).click();
  await expect(
    widget.getByRole('table', { name: 'Equity and maintenance requirement at a range of mark prices' }),
  ).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('cross margin: adding another position changes the liquidation price, removing it restores it', async ({
  page,
}) => {
  await page.goto('/tools/liquidation/');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  await widget.getByRole('radio', { name: 'Cross' }).check();
  const cross = { ...isolated('long', 1000, 10, 60000), marginMode: 'cross', walletBalance: 5000, tiers } as const;
  const alone = liquidationPrice(cross);
  await expect(widget.getByTestId('liquidation')).toHaveText(price(alone.price));

  await widget.getByRole('button', { name: 'Add another position' }).click();
  await expect(widget.getByLabel('Position 1 quantity')).toBeFocused();
  await widget.getByLabel('Position 1 quantity').fill('4');
  await widget.getByLabel('Position 1 mark price').fill('2500');
  // Its maintenance follows the Binance tiers at its mark notional (4 × 2,500 = 10,000 USDT).
  const tier = tierFor(notional({ quantity: 4, price: 2500 }), tiers);
  const withOther = liquidationPrice({
    ...cross,
    otherPositions: [
      {
        side: 'long',
        quantity: 4,
        entryPrice: 3000,
        markPrice: 2500,
        maintenanceMarginRate: tier.maintenanceMarginRate,
        maintenanceAmount: tier.maintenanceAmount,
      },
    ],
  });
  expect(withOther.price?.gt(alone.price ?? 0)).toBe(true);
  await expect(widget.getByTestId('liquidation')).toHaveText(price(withOther.price));
  await expect(page).toHaveURL(/others=1/);
  await expect(page).toHaveURL(/o1qty=4/);

  await widget.getByRole('button', { name: 'Remove position 1' }).click();
  await expect(widget.getByLabel('Position 1 quantity')).toHaveCount(0);
  await expect(widget.getByTestId('liquidation')).toHaveText(price(alone.price));
});

test('the venue table rows equal the calculation module’s values for each rule', async ({ page }) => {
  await page.goto('/tools/liquidation/?leverage=25&margin=400');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  const trade = isolated('long', 400, 25, 60000);
  const expected: Record<string, LiquidationInput> = {
    binance: { ...trade, tiers },
    bybit: { ...trade, maintenanceMarginRate: '0.005', maintenanceBasis: 'entry', maxLeverage: 100 },
    hyperliquid: {
      ...trade,
      maintenanceMarginRate: hyperliquidMaintenanceRate(HYPERLIQUID_BTC.maxLeverage),
      maxLeverage: HYPERLIQUID_BTC.maxLeverage,
    },
    textbook: { ...trade, maintenanceMarginRate: 0 },
    closefee: { ...trade, maintenanceMarginRate: '0.005', closeFeeRate: '0.0005' },
  };
  // By hand, with q = 10,000 / 60,000 = 1/6 BTC and q × E = 10,000: cushion 400 − 10,000 = −9,600, so
  // Binance (0.4 %): 57,600 / 0.996; Bybit (0.5 % of 10,000 = 50 at entry): 60,000 − 350 × 6; Hyperliquid (1.25 %):
  // 57,600 / 0.9875; textbook: 57,600; close-fee rule (0.5 % + 0.05 %): 57,600 / 0.9945.
  const byHand: Record<string, [string, string]> = {
    binance: ['57,831.33 USDT', '-3.61%'],
    bybit: ['57,900.00 USDT', '-3.5%'],
    hyperliquid: ['58,329.11 USDT', '-2.78%'],
    textbook: ['57,600.00 USDT', '-4%'],
    closefee: ['57,918.55 USDT', '-3.47%'],
  };
  const rows = widget.getByTestId('venues').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  for (const [id, input] of Object.entries(expected)) {
    const r = liquidationPrice(input);
    expect([price(r.price), formatPercent(r.distance ?? 0, { signed: true })], id).toEqual(byHand[id]);
    const tr = widget.locator(`tr[data-rule="${id}"]`);
    await expect(tr.getByTestId('venue-price'), id).toHaveText(price(r.price));
    await expect(tr.getByTestId('venue-distance'), id).toHaveText(formatPercent(r.distance ?? 0, { signed: true }));
  }
  await expect(widget.getByTestId('why-differ')).toContainText('differ most');

  // Above Hyperliquid's 40x maximum its row says so instead of a price.
  await widget.getByLabel('Leverage', { exact: true }).fill('50');
  await expect(widget.locator('tr[data-rule="hyperliquid"]').getByTestId('venue-price')).toHaveText(
    'Not offered: at most 40x',
  );
});

test('the step-by-step formula shows the reader’s numbers', async ({ page }) => {
  await page.goto('/tools/liquidation/');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  const stepsList = widget.getByTestId('steps');
  await expect(stepsList.locator('li')).toHaveCount(5);
  await expect(stepsList.locator('li').first()).toContainText('equity + unrealised PnL = maintenance requirement');
  await widget.getByLabel('Margin', { exact: true }).fill('2500');
  await widget.getByLabel('Entry price', { exact: true }).fill('40000');
  // 2,500 × 10 = 25,000 USDT; q = 0.625 BTC; tier 1 at 0.4 %.
  await expect(stepsList).toContainText('P = (0.625 × 40,000 − 2,500) ÷ (0.625 × (1 − 0.004))');
  const r = liquidationPrice({ ...isolated('long', 2500, 10, 40000), tiers });
  await expect(stepsList.locator('li').nth(3)).toContainText(`P = ${price(r.price)}`);
  await expect(stepsList).toContainText('tier 1');
});

test('the "10x is not 10%" note appears and disappears with the numbers', async ({ page }) => {
  await page.goto('/tools/liquidation/');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  const note = widget.getByTestId('ten-x-note');
  const r = liquidationPrice({ ...isolated('long', 1000, 10, 60000), tiers });
  await expect(note).toHaveText(
    `At 10x you might expect a 10% move to liquidate you; here it takes ${formatPercent(r.distance?.abs() ?? 0)}, because the exchange closes you when your equity reaches the maintenance margin, not zero.`,
  );
  // A custom rate of 0 % liquidates at exactly 10 %: no note.
  await widget.getByLabel('Venue rule').selectOption('custom');
  await widget.getByLabel('Maintenance margin rate', { exact: true }).fill('0');
  await expect(note).toHaveCount(0);
  await widget.getByLabel('Maintenance margin rate', { exact: true }).fill('0.5');
  await expect(note).toBeVisible();
  // At 1x a long cannot be liquidated: said in words, and no note.
  await widget.getByLabel('Leverage', { exact: true }).fill('1');
  await expect(widget.getByTestId('liquidation')).toHaveText('None: cannot be liquidated');
  await expect(widget.getByTestId('no-liquidation')).toContainText('No price above zero liquidates this position');
  await expect(note).toHaveCount(0);
});

test('a link with parameters restores the scenario, and bad parameters fall back with a note', async ({ page }) => {
  await page.goto(
    '/tools/liquidation/?mode=cross&wallet=3000&others=1&o1side=short&o1qty=5&o1entry=2000&o1mark=2100&venue=hyperliquid&leverage=20&bogus=1&fee=abc',
  );
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  await expect(widget.getByRole('radio', { name: 'Cross' })).toBeChecked();
  await expect(widget.getByLabel('Venue rule')).toHaveValue('hyperliquid');
  await expect(widget.getByLabel('Position 1 quantity')).toHaveValue('5');
  await expect(
    widget.getByRole('group', { name: 'Position 1 side' }).getByRole('radio', { name: 'Short' }),
  ).toBeChecked();
  await expect(widget.getByLabel('Close fee', { exact: true })).toHaveValue('0');
  await expect(widget.getByRole('status').first()).toContainText('close fee “abc” could not be used');
  await expect(widget.getByRole('status').first()).toContainText('“bogus”');
  const rate = hyperliquidMaintenanceRate(40);
  const expected = liquidationPrice({
    ...isolated('long', 1000, 20, 60000),
    marginMode: 'cross',
    walletBalance: 3000,
    maintenanceMarginRate: rate,
    maxLeverage: 40,
    otherPositions: [{ side: 'short', quantity: 5, entryPrice: 2000, markPrice: 2100, maintenanceMarginRate: rate }],
  });
  await expect(widget.getByTestId('liquidation')).toHaveText(price(expected.price));
});

test('garbage in any field shows a message, never NaN or Infinity, and keeps the last result', async ({ page }) => {
  test.setTimeout(90_000); // ten fields × five values on a busy 2-core machine
  await page.goto('/tools/liquidation/?venue=custom&mode=cross&others=1');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  // A link's own settings wait for the calculator: until it loads the server's default figure shows, dimmed.
  await expect(widget.locator('.ll-results')).not.toHaveClass(/ll-stale/);
  const before = await widget.getByTestId('liquidation').innerText();
  await widget.getByLabel('Entry price', { exact: true }).fill('abc');
  await expect(widget.locator('.ll-results')).toHaveClass(/ll-stale/);
  await expect(widget.getByTestId('liquidation')).toHaveText(before);
  await widget.getByLabel('Entry price', { exact: true }).fill('60000');
  await sweepGarbage(
    page,
    widget,
    [
      'Margin',
      'Leverage',
      'Entry price',
      'Close fee',
      'Maintenance margin rate',
      'Maintenance amount',
      'Wallet balance',
      'Position 1 quantity',
      'Position 1 entry price',
      'Position 1 mark price',
    ],
    { 'Close fee': ['0'], 'Maintenance margin rate': ['0'], 'Maintenance amount': ['0'] },
  );
  // A coin-margined contract takes a custom rate: picking a USDT preset says so next to the venue.
  await widget.getByRole('radio', { name: 'Coin-margined' }).check();
  await widget.getByLabel('Venue rule').selectOption('binance');
  await expect(widget.getByLabel('Venue rule')).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.locator('#liquidation-venue-error')).toContainText('USDT-margined');
});

test('the calculator works from the keyboard alone', async ({ page }) => {
  await page.goto('/tools/liquidation/');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  await widget.getByRole('radio', { name: 'Long' }).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: 'Short' }).first()).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('radio', { name: 'USDT-margined' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('radio', { name: 'Isolated' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: 'Cross' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Venue rule')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(widget.getByLabel('Venue rule')).toHaveValue('bybit');
  const add = widget.getByRole('button', { name: 'Add another position' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByLabel('Position 1 quantity')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByLabel('Position 1 entry price')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Remove position 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByLabel('Position 1 quantity')).toHaveCount(0);
  await expect(add).toBeFocused();
});

// pages.spec checks every page's first state in both themes; this state check runs in the darker one.
for (const theme of ['dark'] as const) {
  test(`the page passes axe in the ${theme} theme, with cross positions and the table open`, async ({ page }) => {
    test.setTimeout(90_000); // axe over a long page on a busy 2-core machine
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/tools/liquidation/?mode=cross&others=2&venue=custom&leverage=20');
    const widget = page.locator('[data-widget="liquidation"]');
    await waitForHydration(page, widget);
    await expect(widget.getByLabel('Position 2 quantity')).toBeVisible();
    await widget.getByRole('heading', { name: 'The same trade at each venue' }).scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Show as table' }).click();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('fits 320 px wide without sideways scrolling, with three other positions', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto('/tools/liquidation/?mode=cross&others=3&venue=custom&fee=0.05&mma=10');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  await expect(widget.getByLabel('Position 3 mark price')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});

test('if the calculation code does not load, the reader sees a plain message and keeps the last result', async ({
  page,
}) => {
  // The island's first render is the server's; the model, src/calc and the words come in one chunk after hydration.
  await page.route(/\/_astro\/liquidationEngine\.[^/]*\.js$/, (route) => route.abort());
  await page.goto('/tools/liquidation/');
  const widget = page.locator('[data-widget="liquidation"]');
  await waitForHydration(page, widget);
  // By hand, as in the first test: 54,000 / 0.996 = 54,216.87 USDT for the defaults.
  await expect(widget.getByTestId('liquidation')).toHaveText('54,216.87 USDT');
  await widget.getByLabel('Leverage', { exact: true }).fill('20');
  await expect(widget.getByTestId('engine-status')).toHaveText(
    'The calculator did not load, so the result cannot change. Check your connection and reload the page.',
  );
  await expect(widget.getByTestId('liquidation')).toHaveText('54,216.87 USDT');
  await expect(widget.getByTestId('steps')).toContainText('0.16666667 × 60,000 − 1,000');
  await expect(widget.getByTestId('venues').locator('tbody tr')).toHaveCount(5);
});
