/** The accessibility scan every spec relies on: it must see problems in the page and in every frame, even cross-origin. */
import { test, expect, HOST_ORIGIN, axeViolations } from './fixtures.ts';
import type { Frame, Page } from '@playwright/test';

/** Grey on grey (about 1.3:1): a contrast failure whatever the theme. CSSOM styles, which a CSP does not block. */
async function addFaintText(where: Page | Frame, id: string): Promise<void> {
  await where.evaluate((elementId) => {
    const p = document.createElement('p');
    p.id = elementId;
    p.textContent = 'Faint words nobody can read';
    p.style.color = '#777777';
    p.style.background = '#999999';
    (document.querySelector('main') ?? document.body).append(p);
  }, id);
}

test('a contrast failure is found in the page and inside a sandboxed frame from another origin', async ({
  page,
  baseURL,
}) => {
  await page.goto(`${HOST_ORIGIN}/?site=${encodeURIComponent(baseURL ?? '')}&snippet=wordpress&widget=position`);
  const frame = page.frameLocator('iframe[title="Leverage Lab widget"]');
  await expect(frame.locator('[data-key-result]').first()).toBeVisible();
  const embed = page.frames().find((f) => f.url().includes('/embed/v1/position/'));
  expect(embed).toBeDefined();
  expect(await axeViolations(page)).toEqual([]);

  await addFaintText(embed!, 'faint-in-frame');
  await addFaintText(page, 'faint-on-host');
  // axe names an element inside a frame by the frame's selector, then the element's.
  const found = await axeViolations(page);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(/^color-contrast: /);
  expect(found[0].split(' → ')[1]?.split(' | ').sort()).toEqual(['#faint-on-host', '#ours #faint-in-frame']);
});

test('the colour-only scan of the second theme finds a failure that only that theme has', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/tools/');
  expect(await axeViolations(page)).toEqual([]);
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '@media (prefers-color-scheme: dark) { h1 { color: #222 !important; } }';
    document.head.append(style);
  });
  expect(await axeViolations(page, { colourOnly: true })).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page, { colourOnly: true })).toEqual([expect.stringMatching(/^color-contrast: .* → h1$/)]);
});
