/** Shared e2e helpers: the sitemap's pages, a console/network watcher, and the axe scan we require. */
import { test as base, expect, type Page } from '@playwright/test';
import axe from 'axe-core';
import { readFileSync, existsSync } from 'node:fs';

/** Every page path in the built sitemap (dist/ must be built first, as `npm test` does). */
export function sitemapPaths(): string[] {
  const file = `${process.env['OUT_DIR'] ?? 'dist'}/sitemap-0.xml`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests.`);
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The rules of AXE_TAGS whose outcome depends on colours. The theme is CSS only (the DOM is the same in both), so after a
 * full scan in one theme, a scan in the other needs only these.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe's WCAG 2.2 AA violations on the page and in each of its frames (all rules, or with `colourOnly` the rules that read
 * colours).
 *
 * axe-core is put into each frame once and run there with `axe.run`, each frame on its own document, so a frame from
 * another origin (a blogger's page framing an embed) is scanned too. We do not use `@axe-core/playwright`: its default
 * mode finishes every scan in a fresh blank page, which cost about 1.3 s a scan here (most of the e2e suite's axe time),
 * and its legacy mode re-injects axe on every scan and skips cross-origin frames.
 */
export async function axeViolations(page: Page, { colourOnly = false } = {}): Promise<string[]> {
  const options = {
    runOnly: colourOnly ? { type: 'rule', values: COLOUR_RULES } : { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
  };
  for (const frame of page.frames()) {
    if (frame.isDetached() || (await frame.evaluate(() => 'axe' in window))) continue;
    await frame.evaluate(axe.source);
    // Frames from other origins (a blogger's page framing an embed) answer the top frame's axe too.
    await frame.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] }),
    );
  }
  return page.evaluate(async (opts) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, opts as axe.RunOptions);
    return violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, options);
}

/** Problems a visitor would hit: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export interface PageProblems {
  list: string[];
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page }, use) => {
    const problems: PageProblems = { list: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.list.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.list.push(`exception: ${err.message}`));
    page.on('requestfailed', (req) => {
      // A frame that is re-pointed while loading aborts its old requests: not a fault.
      if (req.failure()?.errorText !== 'net::ERR_ABORTED')
        problems.list.push(`failed: ${req.url()} ${req.failure()?.errorText}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.list.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await use(problems);
  },
});

/** Switches the theme the way a reader does, with the header control. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark' | 'system'): Promise<void> {
  await page.getByLabel('Colour theme').selectOption(theme);
}

export { expect };

/** The second origin the embed tests use as a blogger's site (see playwright.config.ts). */
export const HOST_ORIGIN = `http://127.0.0.1:${Number(process.env['PORT'] ?? 4321) + 1000}`;
