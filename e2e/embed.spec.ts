/** Embeds on a real foreign host: hydration in sandboxes, auto-height, live theme, hostile input. */
import { test, expect, HOST_ORIGIN, axeViolations } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { pnl, positionFromMargin } from '../src/calc/index.ts';
import { formatMoney } from '../src/format/numbers.ts';

/** Every request a page makes, to check that nothing leaves the two test origins. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  return urls;
}

function hostUrl(site: string, snippet: string, extra = ''): string {
  return `${HOST_ORIGIN}/?site=${encodeURIComponent(site)}&snippet=${snippet}${extra}`;
}

test('the embed page is chrome-less, noindex, with attribution and the right headers', async ({
  page,
  baseURL,
  problems,
}) => {
  const res = await page.goto('/embed/v1/position/?leverage=20&theme=dark');
  const headers = res?.headers() ?? {};
  expect(headers['content-security-policy']).toMatch(/frame-ancestors \*/);
  expect(headers['content-security-policy']).not.toMatch(/unsafe-inline/);
  expect(headers['access-control-allow-origin']).toBe('*');
  // One value: no two rules of _headers set one header for one path (see src/build/__tests__/headers.test.ts).
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('camera=()');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('header, nav, footer')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const attribution = page.getByRole('link', { name: /Leverage Lab · educational, not financial advice/ });
  await expect(attribution).toHaveAttribute('href', `${baseURL}/tools/position/?leverage=20`);
  await expect(attribution).toHaveAttribute('target', '_blank');
  await expect(page.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems.list).toEqual([]);
  // Site pages may only be framed by the site itself.
  const site = await page.request.get('/');
  expect(site.headers()['content-security-policy']).toBe("frame-ancestors 'self'");
});

for (const snippet of ['plain', 'loader', 'wordpress'] as const) {
  test(`the widget hydrates and works inside a foreign page (${snippet} snippet)`, async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(hostUrl(baseURL ?? '', snippet, '&q=' + encodeURIComponent('?margin=500')));
    const frame = page.frameLocator('#ours');
    const lev = frame.getByLabel('Leverage', { exact: true });
    await expect(lev).toHaveValue('10');
    await expect(frame.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
    await lev.fill('4');
    const { quantity } = positionFromMargin({ margin: 500, leverage: 4, price: 60000 });
    const expected = pnl({ side: 'long', quantity, entryPrice: 60000, exitPrice: 63000 });
    await expect(frame.getByTestId('pnl')).toHaveText(formatMoney(expected, { unit: 'USDT', signed: true }));
    const origins = new Set(requests.map((u) => new URL(u).origin));
    origins.delete(HOST_ORIGIN);
    origins.delete(new URL(baseURL ?? '').origin);
    expect([...origins].filter((o) => o !== 'null' && !o.startsWith('about'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('with the loader, the frame height follows its content and impostors are ignored', async ({ page, baseURL }) => {
  await page.goto(hostUrl(baseURL ?? '', 'loader'));
  const iframe = page.locator('#ours');
  const frame = page.frameLocator('#ours');
  await expect(frame.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  const inner = async () => frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await inner()))).toBeLessThan(3);
  const before = (await iframe.boundingBox())!.height;
  // A field error adds a message, so the content grows.
  await frame.getByLabel('Entry price', { exact: true }).fill('abc');
  await expect.poll(async () => (await iframe.boundingBox())!.height).not.toBe(before);
  await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await inner()))).toBeLessThan(3);
  // The impostor frame keeps asking for 3333 px; ours never gets it.
  expect((await iframe.boundingBox())!.height).not.toBe(3333);
  // Messages from our frame with bad fields are ignored too.
  const h = await iframe.evaluate((el: HTMLIFrameElement) => el.style.height);
  await page.evaluate(() => {
    const f = document.getElementById('ours') as HTMLIFrameElement;
    for (const data of [
      { source: 'leveragelab', v: 1, type: 'resize', height: 'abc' },
      { source: 'leveragelab', v: 2, type: 'resize', height: 900 },
      { source: 'other', v: 1, type: 'resize', height: 900 },
      { source: 'leveragelab', v: 1, type: 'resize', height: -5 },
    ]) {
      window.dispatchEvent(new MessageEvent('message', { data, source: f.contentWindow, origin: 'null' }));
    }
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { source: 'leveragelab', v: 1, type: 'resize', height: 900 },
        source: f.contentWindow,
        origin: 'https://evil.example',
      }),
    );
  });
  expect(await iframe.evaluate((el: HTMLIFrameElement) => el.style.height)).toBe(h);
  // A huge reported height is clamped.
  await page.evaluate(() => {
    const f = document.getElementById('ours') as HTMLIFrameElement;
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { source: 'leveragelab', v: 1, type: 'resize', height: 99999 },
        source: f.contentWindow,
        origin: 'null',
      }),
    );
  });
  expect(await iframe.evaluate((el: HTMLIFrameElement) => el.style.height)).toBe('4000px');
});

test('in a WordPress-style sandbox the frame reports its height with the secret, and Embedly-style', async ({
  page,
  baseURL,
}) => {
  await page.goto(hostUrl(baseURL ?? '', 'wordpress'));
  await expect(page.frameLocator('#ours').locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { received: { data: unknown }[] }).received.length))
    .toBeGreaterThan(2);
  const received = await page.evaluate(() =>
    (window as unknown as { received: { origin: string; data: unknown; ours: boolean }[] }).received.filter(
      (m) => m.ours,
    ),
  );
  const wp = received.find((m) => (m.data as { message?: string }).message === 'height');
  expect(wp?.data).toMatchObject({ message: 'height', secret: 'Ab12Cd34Ef' });
  expect(wp?.origin).toBe('null');
  const embedly = received.find((m) => typeof m.data === 'string' && m.data.includes('iframe.resize'));
  // Origin and path only: never the frame's live address, which carries the scenario.
  expect(JSON.parse(embedly?.data as string)).toMatchObject({
    context: 'iframe.resize',
    src: `${baseURL}/embed/v1/position/`,
  });
  const ours = received.find((m) => (m.data as { type?: string }).type === 'resize');
  expect(ours?.data).toMatchObject({ source: 'leveragelab', v: 1, type: 'resize' });
});

test('data-follow-theme passes the host theme on live, without a reload or lost input', async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(hostUrl(baseURL ?? '', 'loader', '&follow=1'));
  const frame = page.frameLocator('#ours');
  await expect(frame.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  await frame.getByLabel('Margin', { exact: true }).fill('777');
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(frame.getByLabel('Margin', { exact: true })).toHaveValue('777');
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('hostile parameters never execute and fall back to defaults with a note', async ({ page, problems }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const hostile = new URLSearchParams({
    leverage: '<script>alert(1)</script>',
    entry: 'javascript:alert(1)',
    margin: '"\'><img src=x onerror=alert(1)>',
    exit: '9'.repeat(10000),
    theme: '"><script>alert(1)</script>',
    side: 'long"onmouseover="alert(1)',
  });
  await page.goto(`/embed/v1/position/?${hostile.toString()}`);
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  const notes = page.getByRole('status').filter({ hasText: 'could not be used' });
  await expect(notes).toContainText('leverage');
  await expect(page.getByLabel('Leverage', { exact: true })).toHaveValue('10');
  await expect(page.getByLabel('Exit price', { exact: true })).toHaveValue('63000');
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|Infinity/);
  expect(text.length).toBeLessThan(9000);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(problems.list).toEqual([]);
});

test('a quiz card embeds and works in a sandbox with no storage', async ({ page, baseURL }) => {
  await page.goto(hostUrl(baseURL ?? '', 'wordpress', '&widget=quiz/what-leverage-is'));
  const frame = page.frameLocator('#ours');
  const quiz = frame.locator('[data-quiz="what-leverage-is"]');
  await expect(quiz).toBeVisible();
  await quiz.scrollIntoViewIfNeeded();
  await expect(frame.locator('astro-island').first()).not.toHaveAttribute('ssr', /.*/);
  const first = quiz.locator('fieldset').first();
  await first.locator('input').first().check();
  await quiz.getByRole('button', { name: 'Check' }).first().click();
  await expect(quiz.locator('.ll-quiz-feedback').first()).toContainText(/Not quite|Correct/);
  const oembed = await page.request.get(`${baseURL}/oembed/quiz/what-leverage-is.json`);
  expect(((await oembed.json()) as { html: string }).html).toContain('/embed/v1/quiz/what-leverage-is/');
});

test('no embed page carries a style attribute, which its strict CSP would block', async ({ request }) => {
  const { widgets } = await import('../src/widgets/registry.ts');
  for (const w of widgets) {
    const html = await (await request.get(`/embed/v1/${w.id}/`)).text();
    expect(html, w.id).not.toMatch(/\sstyle="/);
  }
});
