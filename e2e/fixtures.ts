/** Shared e2e helpers: the sitemap's pages, a console/network watcher, and the axe scan we require. */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
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

/** axe's WCAG 2.2 AA violations on the page (all rules, or with `colourOnly` the rules that read colours). */
export async function axeViolations(page: Page, { colourOnly = false } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const results = await (colourOnly ? builder.withRules(COLOUR_RULES) : builder.withTags(AXE_TAGS)).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
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
