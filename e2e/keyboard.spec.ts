/** Keyboard-only use: Tab alone reaches every link on each kind of page, and focus is always visible. */
import { test, expect, sitemapPaths } from './fixtures.ts';
import type { CDPSession } from '@playwright/test';

const TAB = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };

/**
 * Presses Tab `count` times through the DevTools protocol, sending the key events without waiting for each answer. The
 * browser still handles them one after another, as a reader's key presses: the same walk as `keyboard.press`, about
 * ten times faster (a page with 489 links took 30 s of the suite).
 */
async function pressTab(cdp: CDPSession, count: number): Promise<void> {
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...TAB }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...TAB }));
  }
  await Promise.all(sent);
}

// One page of each kind (they share their layout and components), so the walk stays affordable.
const kinds = [
  /^\/$/,
  /^\/glossary\/$/,
  /^\/search\/$/,
  /^\/progress\/$/,
  /^\/tools\/$/,
  /^\/widgets\/$/,
  /^\/lessons\//,
  /^\/tools\/./,
  /^\/widgets\/./,
];
const samples = kinds.map((k) => sitemapPaths().find((p) => k.test(p))).filter((p): p is string => !!p);

test('the keyboard walk covers every kind of page', () => {
  expect(samples).toHaveLength(kinds.length);
});

for (const path of samples) {
  test(`Tab reaches every link on ${path}`, async ({ page }) => {
    await page.goto(path);
    // Number the visible links, and record in the page every element that takes focus and whether
    // it shows an outline, so the walk below is only key presses.
    const total = await page.evaluate(() => {
      let n = 0;
      for (const a of document.querySelectorAll('a[href]')) {
        const r = a.getBoundingClientRect();
        const style = getComputedStyle(a);
        const hidden = style.visibility === 'hidden' || style.display === 'none' || (r.width === 0 && r.height === 0);
        if (!hidden || a.classList.contains('skip-link')) a.setAttribute('data-kb', String(n++));
      }
      const w = window as unknown as { kbSeen: Set<string>; kbNoOutline: string[] };
      w.kbSeen = new Set();
      w.kbNoOutline = [];
      document.addEventListener('focusin', (event) => {
        const el = event.target as HTMLElement;
        // Focus inside a frame (the configurator's live preview) is the frame's own business.
        if (el.tagName === 'IFRAME') return;
        const kb = el.getAttribute('data-kb');
        if (kb !== null) w.kbSeen.add(kb);
        // Focus is already set when focusin fires, so :focus-visible styles apply here.
        const style = getComputedStyle(el);
        if (style.outlineStyle === 'none' || style.outlineWidth === '0px')
          w.kbNoOutline.push(el.outerHTML.slice(0, 80));
      });
      return n;
    });
    const seen = () => page.evaluate(() => (window as unknown as { kbSeen: Set<string> }).kbSeen.size);
    // Widgets add many fields between links; check progress every 40 presses.
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < total * 3 + 400; i += 40) {
      await pressTab(cdp, 40);
      if ((await seen()) >= total) break;
    }
    const missed = await page.evaluate(() => {
      const w = window as unknown as { kbSeen: Set<string> };
      return [...document.querySelectorAll('a[data-kb]')]
        .filter((a) => !w.kbSeen.has(a.getAttribute('data-kb') ?? ''))
        .map((a) => a.outerHTML.slice(0, 120));
    });
    expect(missed).toEqual([]);
    const noOutline = await page.evaluate(() => (window as unknown as { kbNoOutline: string[] }).kbNoOutline);
    expect(noOutline, 'every focused element shows a focus outline').toEqual([]);
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
