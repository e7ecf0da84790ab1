/** No broken internal link anywhere: every same-site href answers 200 and every #fragment exists. */
import { test, expect, sitemapPaths } from './fixtures.ts';

test('every internal link on every sitemap page resolves, fragments included', async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const links = new Map<string, string>(); // target → first page that links to it
  // Links come from each page's HTML as served (every page is rendered at build, islands included), read by the
  // browser's own parser: a request per page instead of a full page load, which kept this test at 20 s.
  await page.goto('/');
  const pageHtml = new Map<string, string>();
  for (const path of sitemapPaths()) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    pageHtml.set(origin + path, html);
    const hrefs = await page.evaluate(
      ([source, base]) =>
        [...new DOMParser().parseFromString(source, 'text/html').querySelectorAll('a[href]')].map(
          (a) => new URL(a.getAttribute('href') ?? '', base).href,
        ),
      [html, origin + path] as const,
    );
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin === origin && !links.has(url.href)) links.set(url.href, path);
    }
  }
  expect(links.size).toBeGreaterThan(5);
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
