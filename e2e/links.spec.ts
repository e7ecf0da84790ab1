/** No broken internal link anywhere: every same-site href answers 200 and every #fragment exists. */
import { test, expect, sitemapPaths } from './fixtures.ts';

test('every internal link on every sitemap page resolves, fragments included', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? '').origin;
  const links = new Map<string, string>(); // target → first page that links to it
  for (const path of sitemapPaths()) {
    await page.goto(path);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin === origin && !links.has(url.href)) links.set(url.href, path);
    }
  }
  expect(links.size).toBeGreaterThan(5);
  const pageHtml = new Map<string, string>();
  const broken: string[] = [];
  for (const [href, from] of links) {
    const url = new URL(href);
    const target = url.origin + url.pathname;
    if (!pageHtml.has(target)) {
      const res = await request.get(target);
      if (res.status() !== 200) {
        broken.push(`${from} → ${href} (HTTP ${res.status()})`);
        continue;
      }
      pageHtml.set(target, await res.text());
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && !pageHtml.get(target)?.includes(`id="${fragment}"`)) {
      broken.push(`${from} → ${href} (no element with id "${fragment}")`);
    }
  }
  expect(broken).toEqual([]);
});
