/**
 * Lesson 9's cascade explorable (<Tangle name="cascade" />): keyboard only, checked against chains worked by hand.
 * Clusters of $1M at 4, 6, 8, 10 and 12 % below the price; drop = news + impact × clusters liquidated, repeated until
 * no new cluster is reached (src/calc/cascade.ts, liquidationCascade).
 */
import { test, expect, axeViolations } from './fixtures.ts';
import { waitForHydration } from './widgets.ts';

const PATH = '/lessons/when-the-venue-is-the-risk/';

test('the cascade sentence reads without JavaScript and follows the keyboard', async ({ page, browser, problems }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(PATH);
  // 4 % reaches the 4 % cluster: 4 % + 1 % × 1 = 5 %, short of the 6 % cluster.
  const plain = still.locator('[data-tangle="cascade"]');
  await expect(plain.locator('[data-output="count"]')).toHaveText('1 cluster');
  await expect(plain.locator('[data-output="move"]')).toHaveText('5%');
  await context.close();

  await page.goto(PATH);
  const tangle = page.locator('[data-tangle="cascade"]');
  await waitForHydration(page, tangle);
  const impact = tangle.getByRole('slider', { name: 'Price impact per million dollars sold', exact: true });
  await impact.focus();
  // 1 % → 2 % in steps of 0.25: 4 → 6 → 8 → 10 → 12 → 4 % + 2 % × 5 = 14 %, 10 % of it from the liquidations.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(impact).toHaveAttribute('aria-valuenow', '2');
  await expect(tangle.locator('[data-output="count"]')).toHaveText('5 clusters');
  await expect(tangle.locator('[data-output="move"]')).toHaveText('14%');
  await expect(tangle.locator('[data-output="added"]')).toHaveText('10%');
  // A 3.5 % drop reaches nothing: the move is the news alone.
  const shock = tangle.getByRole('slider', { name: 'First drop', exact: true });
  await shock.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tangle.locator('[data-output="count"]')).toHaveText('0 clusters');
  await expect(tangle.locator('[data-output="move"]')).toHaveText('3.5%');
  expect(await axeViolations(page)).toEqual([]);
  expect(problems.list).toEqual([]);
});
