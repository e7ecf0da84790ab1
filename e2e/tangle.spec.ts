/** Reactive prose in lesson 1: the draggable, typeable numbers of <Tangle name="leveraged-trade" />, checked against figures worked by hand. */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration } from './widgets.ts';
import type { Locator, Page } from '@playwright/test';

const PATH = '/lessons/what-leverage-is/';

/**
 * The sentence's figures, worked by hand at entry 50,000 and 0.5 % maintenance: notional = margin × L, loss =
 * notional × fall, share = loss / margin; a long is liquidated at 50,000 × (1 − 1/L) / 0.995 (Binance isolated
 * formula), so the clause appears when 50,000 × (1 − fall) is at or below that.
 */
const FIGURES: Record<string, { notional: string; loss: string; share: string; past: boolean }> = {
  // 10x: liquidation 45,226.13, exit 47,500.
  '1000/10/5': { notional: '$10,000', loss: '$500', share: '50%', past: false },
  '1100/10/5': { notional: '$11,000', loss: '$550', share: '50%', past: false },
  // 20x: liquidation 50,000 × 0.95 / 0.995 = 47,738.69, above the exit 47,500.
  '900/20/5': { notional: '$18,000', loss: '$900', share: '100%', past: true },
  '1000/20/5': { notional: '$20,000', loss: '$1,000', share: '100%', past: true },
  // 100x: liquidation 50,000 × 0.99 / 0.995 = 49,748.74.
  '900/100/5': { notional: '$90,000', loss: '$4,500', share: '500%', past: true },
  // exit 50,000 × 0.995 = 49,750, just above 49,748.74; loss 90,000 × 0.005 = 450.
  '900/100/0.5': { notional: '$90,000', loss: '$450', share: '50%', past: false },
  '900/100/90': { notional: '$90,000', loss: '$81,000', share: '9,000%', past: true },
  '2500/10/5': { notional: '$25,000', loss: '$1,250', share: '50%', past: false },
  // 25x: liquidation 50,000 × 0.96 / 0.995 = 48,241.21, above 47,500 and above 43,750.
  '2500/25/5': { notional: '$62,500', loss: '$3,125', share: '125%', past: true },
  // 62,500 × 0.125 = 7,812.50 (cents shown when not whole); 7,812.5 / 2,500 = 3.125.
  '2500/25/12.5': { notional: '$62,500', loss: '$7,812.50', share: '312.5%', past: true },
};

async function expectFigures(tangle: Locator, margin: string, leverage: string, move: string): Promise<void> {
  const want = FIGURES[`${margin}/${leverage}/${move}`];
  if (!want) throw new Error(`no hand-worked figures for ${margin}/${leverage}/${move}`);
  await expect(tangle.locator('[data-output="notional"]')).toHaveText(want.notional);
  await expect(tangle.locator('[data-output="loss"]')).toHaveText(want.loss);
  await expect(tangle.locator('[data-output="share"]')).toHaveText(want.share);
  if (want.past) await expect(tangle).toContainText('past the liquidation price');
  else await expect(tangle).not.toContainText('past the liquidation price');
}

async function openTangle(page: Page): Promise<Locator> {
  await page.goto(PATH);
  const tangle = page.locator('[data-tangle="leveraged-trade"]');
  await waitForHydration(page, tangle);
  return tangle;
}

const slider = (tangle: Locator, name: string) => tangle.getByRole('slider', { name, exact: true });

test('without JavaScript the lesson reads the whole sentence with the default numbers', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const tangle = page.locator('[data-tangle="leveraged-trade"]');
  await expect(tangle.locator('p').first()).toHaveText(
    'With $1,000 of margin at 10x, you control a position worth $10,000. A 5% fall in the price costs you $500, which is 50% of your margin.',
  );
  await expect(tangle.locator('[data-output="notional"]')).toHaveText('$10,000');
  await expect(tangle.locator('[data-output="loss"]')).toHaveText('$500');
  await expect(tangle.locator('[data-output="share"]')).toHaveText('50%');
  await context.close();
});

test('each number is a slider with its range and a value in words', async ({ page }) => {
  const tangle = await openTangle(page);
  const margin = slider(tangle, 'Margin');
  await expect(margin).toHaveAttribute('aria-valuemin', '100');
  await expect(margin).toHaveAttribute('aria-valuemax', '100000');
  await expect(margin).toHaveAttribute('aria-valuenow', '1000');
  await expect(margin).toHaveAttribute('aria-valuetext', '1,000 dollars of margin');
  await expect(slider(tangle, 'Leverage')).toHaveAttribute('aria-valuetext', '10 times leverage');
  await expect(slider(tangle, 'Price fall')).toHaveAttribute('aria-valuetext', 'a 5 percent price fall');
  await expect(tangle.getByText('press Enter to type a value')).toBeVisible();
});

test('arrow keys, Page Up/Down, Home and End change a number and the sentence follows the calculation', async ({
  page,
  problems,
}) => {
  const tangle = await openTangle(page);
  const margin = slider(tangle, 'Margin');
  await margin.focus();
  await page.keyboard.press('ArrowRight');
  await expect(margin).toHaveAttribute('aria-valuenow', '1100');
  await expect(margin).toHaveText('$1,100');
  await expect(margin).toHaveAttribute('aria-valuetext', '1,100 dollars of margin');
  await expectFigures(tangle, '1100', '10', '5');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await expect(margin).toHaveAttribute('aria-valuenow', '900');

  const leverage = slider(tangle, 'Leverage');
  await leverage.focus();
  await page.keyboard.press('PageUp');
  await expect(leverage).toHaveText('20x');
  await expectFigures(tangle, '900', '20', '5');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(leverage).toHaveText('1x');
  await page.keyboard.press('End');
  await expect(leverage).toHaveAttribute('aria-valuenow', '100');
  await expectFigures(tangle, '900', '100', '5');

  const move = slider(tangle, 'Price fall');
  await move.focus();
  await page.keyboard.press('Home');
  await expect(move).toHaveText('0.5%');
  await expectFigures(tangle, '900', '100', '0.5');
  await page.keyboard.press('End');
  await expect(move).toHaveText('90%');
  await expectFigures(tangle, '900', '100', '90');
  await expect(tangle).toContainText('so the position would be closed first');
  // Clamped at the ends: more presses do nothing.
  await page.keyboard.press('ArrowRight');
  await expect(move).toHaveAttribute('aria-valuenow', '90');
  expect(problems.list).toEqual([]);
});

test('click or Enter opens a box to type an exact value; Enter commits, Escape cancels', async ({ page }) => {
  const tangle = await openTangle(page);
  await slider(tangle, 'Margin').click();
  const box = tangle.getByRole('textbox', { name: 'Margin, in dollars' });
  await expect(box).toBeFocused();
  await box.fill('2,500');
  await page.keyboard.press('Enter');
  await expect(slider(tangle, 'Margin')).toBeFocused();
  await expect(slider(tangle, 'Margin')).toHaveText('$2,500');
  await expectFigures(tangle, '2500', '10', '5');

  await slider(tangle, 'Leverage').focus();
  await page.keyboard.press('Enter');
  const lev = tangle.getByRole('textbox', { name: /^Leverage/ });
  await expect(lev).toBeFocused();
  await lev.fill('25');
  await page.keyboard.press('Enter');
  await expect(slider(tangle, 'Leverage')).toHaveText('25x');
  await expectFigures(tangle, '2500', '25', '5');

  await page.keyboard.press('Enter');
  await tangle.getByRole('textbox', { name: /^Leverage/ }).fill('7');
  await page.keyboard.press('Escape');
  await expect(slider(tangle, 'Leverage')).toBeFocused();
  await expect(slider(tangle, 'Leverage')).toHaveText('25x');

  // Blur commits too.
  await slider(tangle, 'Price fall').click();
  await tangle.getByRole('textbox', { name: /^Price fall/ }).fill('12.5');
  await page.locator('h1').click();
  await expect(slider(tangle, 'Price fall')).toHaveText('12.5%');
  await expectFigures(tangle, '2500', '25', '12.5');
});

test('garbage typed is refused with a short message, the old value stays, and nothing shows NaN or Infinity', async ({
  page,
}) => {
  const tangle = await openTangle(page);
  const margin = slider(tangle, 'Margin');
  for (const garbage of ['abc', '1e999', '-5', '', '0', 'Infinity', '10000000']) {
    await margin.focus();
    await page.keyboard.press('Enter');
    const box = tangle.getByRole('textbox', { name: 'Margin, in dollars' });
    await box.fill(garbage);
    await page.keyboard.press('Enter');
    // Refused: the box stays open, marked invalid, with a message.
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(tangle.getByRole('alert')).toHaveText(/from \$100 to \$100,000/);
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity(?! to)/);
    await page.keyboard.press('Escape');
    await expect(margin).toHaveText('$1,000');
  }
  // Leaving the box with garbage keeps the old value and leaves the message beside it.
  await margin.click();
  await tangle.getByRole('textbox', { name: 'Margin, in dollars' }).fill('lots');
  await page.locator('h1').click();
  await expect(margin).toHaveText('$1,000');
  await expect(margin).toHaveAttribute('aria-invalid', 'true');
  await expect(tangle.getByRole('alert')).toBeVisible();
  await expectFigures(tangle, '1000', '10', '5');
  expect(await tangle.innerText()).not.toMatch(/NaN|Infinity/);
});

test('dragging a number sideways changes it in steps, and the sentence follows', async ({ page }) => {
  const tangle = await openTangle(page);
  const leverage = slider(tangle, 'Leverage');
  const box = await leverage.boundingBox();
  if (!box) throw new Error('no box');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, y, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 40, y, { steps: 4 });
  await page.mouse.up();
  // 4 px per step: 40 px right is 10 steps of 1x.
  await expect(leverage).toHaveAttribute('aria-valuenow', '20');
  await expectFigures(tangle, '1000', '20', '5');
  // A drag is not a click: no edit box opened.
  await expect(tangle.getByRole('textbox')).toHaveCount(0);
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x - 400, y, { steps: 10 });
  await page.mouse.up();
  await expect(leverage).toHaveAttribute('aria-valuenow', '1');
});

test('with reduced motion the numbers do not animate', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const tangle = await openTangle(page);
  const duration = await slider(tangle, 'Margin').evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(duration).toBe('0s');
});

// pages.spec checks every page's first state in both themes; this state check runs in the darker one.
for (const theme of ['dark'] as const) {
  test(`the lesson with the sentence passes axe in the ${theme} theme, also while typing`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    const tangle = await openTangle(page);
    expect(await axeViolations(page)).toEqual([]);
    await slider(tangle, 'Margin').click();
    await tangle.getByRole('textbox', { name: 'Margin, in dollars' }).fill('abc');
    await page.keyboard.press('Enter');
    expect(await axeViolations(page)).toEqual([]);
  });
}
