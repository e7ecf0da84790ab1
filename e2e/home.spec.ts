/**
 * The course home's hero: a price line where the reader changes the leverage and sees where a long is liquidated.
 * It reads complete with no JavaScript; with it, the leverage control moves the figures.
 *
 * The trade (lesson 4, src/lessons/scenarios/04-liquidation.ts): an isolated long of q = 0.2 BTC from E = $50,000, 0.5 %
 * maintenance margin on the notional at the liquidation price (Binance's rule), no fees. Margin at leverage L is
 * q·E/L, and the position is liquidated at the price P where margin + q·(P − E) = 0.005·q·P; it is bankrupt where
 * margin + q·(P − E) = 0 (Binance USDⓈ-M liquidation formula, https://www.binance.com/fr/support/faq/b3c689c1f50a44cabb3a84e663b81d93).
 */
import { test, expect } from './fixtures.ts';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the hero shows the 10x liquidation worked out, and the way to lesson 1', async ({ page }) => {
    await page.goto('/');
    const hero = page.locator('[data-hero-explorable]');
    await expect(hero).toBeVisible();
    // 10x: margin = 0.2 × 50,000 / 10 = $1,000. 1,000 + 0.2·P − 10,000 = 0.001·P → 0.199·P = 9,000
    // → P = 45,226.1306… → "$45,226.13".
    await expect(hero.locator('[data-figure="hero-liquidation"]')).toHaveText('$45,226.13');
    // Fall to it: 1 − 45,226.1306 / 50,000 = 0.095477… → "9.55%" (the naive answer, 1/10, is 10 %).
    await expect(hero.locator('[data-figure="hero-drop"]')).toHaveText('9.55%');
    await expect(hero.locator('[data-field="naive"]')).toHaveText('10%');
    // Bankruptcy: 1,000 + 0.2·(P − 50,000) = 0 → P = 45,000.
    await expect(hero.locator('[data-field="bank"]')).toHaveText('$45,000.00');
    // The drawing is in the page, named, and a control that could not work is not shown.
    await expect(hero.getByRole('img')).toBeVisible();
    await expect(page.getByLabel('Leverage', { exact: true })).toBeHidden();
    await expect(page.getByText('Try it: move the leverage')).toBeHidden();
    await expect(page.getByRole('link', { name: /^Start with lesson 1/ })).toHaveAttribute(
      'href',
      '/lessons/what-leverage-is/',
    );
  });
});

test('the leverage control moves the figures and the markers, by keyboard', async ({ page, problems }) => {
  await page.goto('/');
  await expect(page.locator('.hero .lead')).toContainText('wipe that deposit out. Try it: move the leverage');
  const hero = page.locator('[data-hero-explorable]');
  const slider = page.getByRole('slider', { name: 'Leverage' });
  const marker = hero.locator('[data-mark="liq"]');
  const before = await marker.getAttribute('transform');
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('20');
  await expect(slider).toHaveAttribute('aria-valuetext', '20x');
  // 20x: margin = 0.2 × 50,000 / 20 = $500. 500 + 0.2·P − 10,000 = 0.001·P → P = 9,500 / 0.199 = 47,738.693…
  await expect(hero.locator('[data-figure="hero-liquidation"]')).toHaveText('$47,738.69');
  // 1 − 47,738.693 / 50,000 = 0.045226… → "4.52%", not 1/20 = 5 %; bankruptcy 500 + 0.2·(P − 50,000) = 0 → 47,500.
  await expect(hero.locator('[data-figure="hero-drop"]')).toHaveText('4.52%');
  await expect(hero.locator('[data-field="naive"]')).toHaveText('5%');
  await expect(hero.locator('[data-field="bank"]')).toHaveText('$47,500.00');
  expect(await marker.getAttribute('transform')).not.toBe(before);
  await page.keyboard.press('Home');
  // 2x: margin $5,000. 5,000 + 0.2·P − 10,000 = 0.001·P → P = 5,000 / 0.199 = 25,125.628… → "$25,125.63".
  await expect(hero.locator('[data-figure="hero-liquidation"]')).toHaveText('$25,125.63');
  expect(problems.list).toEqual([]);
});

test('a returning reader is offered the next lesson', async ({ page, problems }) => {
  await page.goto('/');
  await expect(page.locator('#next-step')).toBeHidden();
  await page.evaluate(() =>
    localStorage.setItem(
      'leverage-lab:progress',
      JSON.stringify({ v: 1, lessons: { 'what-leverage-is': { readAt: '2026-12-01T10:00:00.000Z' } }, quizzes: {} }),
    ),
  );
  await page.reload();
  const next = page.locator('#next-step');
  await expect(next).toBeVisible();
  await expect(next.getByRole('link')).toHaveAttribute('href', /\/lessons\/spot-margin\/$/);
  expect(problems.list).toEqual([]);
});
