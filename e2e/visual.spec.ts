/**
 * Visual regression: the first screen of the home page, a lesson, a tool page and an embed, in both themes, on a
 * 390 px phone and a 1280 px desktop (16 shots). A change to how these look must update the baselines on purpose:
 *
 *   OUT_DIR=… PORT=… npx playwright test e2e/visual.spec.ts --update-snapshots
 *
 * Each shot waits for fonts and for the islands in view to hydrate, with animations and the caret off.
 */
import { test, expect } from './fixtures.ts';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'lesson', path: '/lessons/liquidation/' },
  { name: 'tool', path: '/tools/liquidation/' },
  { name: 'embed', path: '/embed/v1/liquidation/' },
];
const WIDTHS = [390, 1280];
const THEMES = ['light', 'dark'] as const;

for (const { name, path } of PAGES) {
  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      test(`${name} at ${width} px, ${theme}`, async ({ page, problems }) => {
        await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
        await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => document.fonts.ready);
        // Islands in view hydrate (Astro drops their `ssr` attribute once they have). An island's own box is
        // `display: contents`, so its first child says where it is.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('astro-island[ssr]')].every((island) => {
            const box = (island.firstElementChild ?? island).getBoundingClientRect();
            return box.top >= window.innerHeight || box.bottom <= 0 || box.height === 0;
          }),
        );
        await expect(page).toHaveScreenshot(`${name}-${width}-${theme}.png`, {
          animations: 'disabled',
          caret: 'hide',
          maxDiffPixelRatio: 0.01,
          // A lesson's "checked" date changes whenever it is reviewed: not a visual change.
          mask: [page.locator('time')],
        });
        expect(problems.list).toEqual([]);
      });
    }
  }
}
