/**
 * Every widget in the registry, embedded the way WordPress embeds a pasted link: in a `sandbox="allow-scripts"` frame
 * on a foreign origin (the host fixture plays wp-embed.js: it applies height messages and says "ready"). Each one
 * hydrates, answers a change, reports the height its content really has, posts nothing but layout data, and fetches
 * nothing from a third origin. The loop reads the registry, so a new widget is covered without editing this file.
 */
import { test, expect, HOST_ORIGIN } from './fixtures.ts';
import type { FrameLocator, Page } from '@playwright/test';
import { widgets } from '../src/widgets/registry.ts';
import { presetsFor } from '../src/embed/presets.ts';
import { LOADER_INTEGRITY } from '../src/embed/loaderIntegrity.ts';

const SECRET = 'Ab12Cd34Ef';

interface Received {
  origin: string;
  data: unknown;
  ours: boolean;
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received.filter((m) => m.ours));

/**
 * Checks that a message is one of the protocol's layout messages, field by field: constants, a whole-pixel height,
 * the id and secret the host put in the hash, and the frame's origin and path. Anything else (an input, a query
 * string, a live URL) fails. Returns the height it carries, if any.
 */
function layoutOnly(data: unknown, src: string, id: string): number | null {
  if (typeof data === 'string') {
    const d = JSON.parse(data) as Record<string, unknown>;
    expect(Object.keys(d).sort()).toEqual(['context', 'height', 'src']);
    expect(d).toMatchObject({ context: 'iframe.resize', src });
    expect(Number.isInteger(d['height'])).toBe(true);
    return null;
  }
  const d = data as Record<string, unknown>;
  if ('message' in d) {
    expect(Object.keys(d).sort()).toEqual(['message', 'secret', 'value']);
    expect(d).toMatchObject({ message: 'height', secret: SECRET });
    expect(Number.isInteger(d['value'])).toBe(true);
    return d['value'] as number;
  }
  if (d['type'] === 'ready') {
    expect(d).toEqual({ source: 'leveragelab', v: 1, type: 'ready', id });
    return null;
  }
  expect(Object.keys(d).sort()).toEqual(['height', 'id', 'source', 'type', 'v']);
  expect(d).toMatchObject({ source: 'leveragelab', v: 1, type: 'resize', id });
  expect(Number.isInteger(d['height'])).toBe(true);
  return null;
}

/**
 * The first change a reader would make: a number doubled (halved if the widget refuses it), else another choice.
 * Returns a step that makes it, safe to repeat (a widget still settling after hydration may miss the first one).
 */
async function firstChange(frame: FrameLocator): Promise<() => Promise<void>> {
  const text = frame.locator('main input[type="text"]:visible:enabled').first();
  if ((await text.count()) > 0) {
    const value = Number(await text.inputValue());
    if (Number.isFinite(value) && value > 0) {
      await text.fill(String(value * 2));
      const target = (await frame.locator('[aria-invalid="true"]').count()) === 0 ? value * 2 : value / 2;
      return async () => {
        await text.fill(String(target));
        await text.press('Tab');
      };
    }
  }
  const radio = frame.locator('main input[type="radio"]:visible:not(:checked)').first();
  return () => radio.check();
}

for (const w of widgets) {
  test(`${w.id}: works in a WordPress-style sandbox on a foreign origin, reporting only its true height`, async ({
    page,
    baseURL,
  }) => {
    const requests: string[] = [];
    page.context().on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${HOST_ORIGIN}/?site=${encodeURIComponent(baseURL ?? '')}&snippet=wordpress&widget=${w.id}`);
    const frame = page.frameLocator('#ours');
    await expect(frame.locator('astro-island').first()).not.toHaveAttribute('ssr', /.*/, { timeout: 15_000 });

    const main = frame.locator('main');
    const before = await main.innerText();
    const change = await firstChange(frame);
    await expect(async () => {
      await change();
      expect(await main.innerText()).not.toBe(before);
    }).toPass({ timeout: 15_000 });
    await expect(frame.locator('[aria-invalid="true"]')).toHaveCount(0);

    // The last height WordPress was told is the height of the content, and WordPress applied it (clamped).
    const content = () => frame.locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    const src = `${baseURL}/embed/v1/${w.id}/`;
    const lastHeight = async () =>
      (await received(page))
        .map((m) => layoutOnly(m.data, src, 'embed'))
        .filter((h) => h !== null)
        .at(-1);
    await expect.poll(async () => Math.abs(((await lastHeight()) ?? 0) - (await content()))).toBeLessThan(3);
    const applied = Number(await page.locator('#ours').getAttribute('height'));
    expect(applied).toBe(Math.min(Math.max((await lastHeight()) ?? 0, 200), 1000));

    const origins = new Set(requests.map((u) => new URL(u).origin));
    origins.delete(HOST_ORIGIN);
    origins.delete(new URL(baseURL ?? '').origin);
    expect([...origins].filter((o) => o !== 'null' && !o.startsWith('about'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('no message a frame posts carries an input, while the reader types (plain and WordPress snippets)', async ({
  page,
  baseURL,
}) => {
  for (const snippet of ['plain', 'wordpress'] as const) {
    await page.goto(`${HOST_ORIGIN}/?site=${encodeURIComponent(baseURL ?? '')}&snippet=${snippet}&widget=position`);
    const frame = page.frameLocator('#ours');
    await expect(frame.locator('astro-island').first()).not.toHaveAttribute('ssr', /.*/);
    // Values no height, id or secret could contain.
    const typed = { Margin: '4321.77', Leverage: '7.25', 'Exit price': '61234.5' };
    for (const [label, value] of Object.entries(typed)) {
      await frame.getByLabel(label, { exact: true }).fill(value);
    }
    await frame.getByRole('radio', { name: 'Short' }).check();
    // The page mirrors the scenario into its own address: exactly what must not leave the frame.
    await expect.poll(() => frame.locator('html').evaluate(() => location.search)).toContain('margin=4321.77');
    await page.waitForTimeout(300);
    const messages = await received(page);
    expect(messages.length).toBeGreaterThan(2);
    const id = snippet === 'plain' ? 'w1' : 'embed';
    for (const m of messages) {
      layoutOnly(m.data, `${baseURL}/embed/v1/position/`, id);
      const text = typeof m.data === 'string' ? m.data : JSON.stringify(m.data);
      for (const value of [...Object.values(typed), 'short', 'margin', '?']) expect(text).not.toContain(value);
    }
  }
});

test('every widget has named presets with an embed page, a card and an oEmbed file, offered by its configurator', async ({
  request,
  baseURL,
}) => {
  for (const w of widgets) {
    const presets = presetsFor(w.id);
    expect(presets.length, w.id).toBeGreaterThanOrEqual(2);
    const configurator = await (await request.get(`/widgets/${w.id}/`)).text();
    expect(configurator, w.id).toContain(`data-integrity="${LOADER_INTEGRITY}"`);
    for (const p of presets) {
      expect(configurator, `${w.id}/${p.id}`).toMatch(new RegExp(`<option value="${p.id}"[ >]`));
      expect((await request.get(`/embed/v1/${w.id}/${p.id}/`)).status(), `${w.id}/${p.id}`).toBe(200);
      const card = await request.get(`/cards/${w.id}/${p.id}.png`);
      expect(card.headers()['content-type'], `${w.id}/${p.id}`).toBe('image/png');
      const oembed = (await (await request.get(`/oembed/${w.id}/${p.id}.json`)).json()) as { html: string };
      expect(oembed.html).toMatch(/^<blockquote><p>[A-Z“][^<]{40,}<\/p>/);
      expect(oembed.html).toContain(`<iframe src="${baseURL}/embed/v1/${w.id}/${p.id}/"`);
    }
  }
});

test('the loader is served byte for byte as committed, matching the integrity the snippets carry', async ({
  request,
}) => {
  const res = await request.get('/embed/v1/loader.js');
  expect(res.headers()['access-control-allow-origin']).toBe('*');
  const { createHash } = await import('node:crypto');
  expect(
    `sha384-${createHash('sha384')
      .update(await res.body())
      .digest('base64')}`,
  ).toBe(LOADER_INTEGRITY);
});
