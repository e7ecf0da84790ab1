/** Keyboard-only use: Tab alone reaches every link on every page, and focus is always visible. */
import { test, expect, sitemapPaths } from './fixtures.ts';

for (const path of sitemapPaths()) {
  test(`Tab reaches every link on ${path}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(path);
    // Number the visible links, then Tab through the page and note which ones took focus.
    const total = await page.$$eval('a[href]', (as) => {
      let n = 0;
      for (const a of as) {
        const r = a.getBoundingClientRect();
        const style = getComputedStyle(a);
        const hidden = style.visibility === 'hidden' || style.display === 'none' || (r.width === 0 && r.height === 0);
        if (!hidden || a.classList.contains('skip-link')) a.setAttribute('data-kb', String(n++));
      }
      return n;
    });
    const reached = new Set<string>();
    let withoutOutline = 0;
    // Widgets add many fields between links, so allow a generous number of presses.
    for (let i = 0; i < total * 3 + 400 && reached.size < total; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // Focus inside a frame (the configurator's live preview) is the frame's own business.
        if (!el || el === document.body || el.tagName === 'IFRAME') return null;
        const style = getComputedStyle(el);
        return {
          kb: el.getAttribute('data-kb'),
          outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        };
      });
      if (!info) continue;
      if (info.kb !== null) reached.add(info.kb);
      if (!info.outline) withoutOutline++;
    }
    const missed = await page.$$eval(
      'a[data-kb]',
      (as, seen) =>
        as.filter((a) => !seen.includes(a.getAttribute('data-kb') ?? '')).map((a) => a.outerHTML.slice(0, 120)),
      [...reached],
    );
    expect(missed).toEqual([]);
    expect(withoutOutline, 'every focused element shows a focus outline').toBe(0);
  });
}

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/glossary/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main')).toBeFocused();
});
