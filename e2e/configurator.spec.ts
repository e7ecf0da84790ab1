/** The embed configurator, oEmbed JSON and image cards. */
import { test, expect } from './fixtures.ts';
import { LOADER_INTEGRITY } from '../src/embed/loaderIntegrity.ts';

test('the configurator writes snippets for exactly the scenario set in the widget', async ({
  page,
  baseURL,
  problems,
}) => {
  await page.goto('/widgets/position/');
  const widget = page.locator('[data-widget="position"]').first();
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island').filter({ has: widget })).not.toHaveAttribute('ssr', /.*/);
  await widget.getByLabel('Leverage', { exact: true }).fill('25');
  await page.getByRole('radio', { name: 'Dark' }).check();
  const iframeSnippet = page.locator('#snip-iframe');
  await expect(iframeSnippet).toHaveValue(
    new RegExp(`src="${baseURL}/embed/v1/position/\\?leverage=25&amp;theme=dark"`),
  );
  await expect(iframeSnippet).toHaveValue(/sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"/);
  await expect(iframeSnippet).toHaveValue(/title="Position and PnL calculator \(Leverage Lab\)"/);
  // The committed loader's pinned integrity (src/embed/loaderIntegrity.ts), exactly.
  await expect(page.locator('#snip-loader')).toHaveValue(
    new RegExp(
      `<script async src="${baseURL}/embed/v1/loader\\.js" integrity="${LOADER_INTEGRITY.replace(/[+/]/g, '\\$&')}" crossorigin="anonymous">`,
    ),
  );
  // The preview loads exactly the generated address.
  await expect(page.locator('#cfg-preview')).toHaveAttribute(
    'src',
    `${baseURL}/embed/v1/position/?leverage=25&theme=dark`,
  );
  // The preview hydrates when it scrolls into view, like any widget.
  await page.locator('#cfg-preview').scrollIntoViewIfNeeded();
  await expect(page.frameLocator('#cfg-preview').getByLabel('Leverage', { exact: true })).toHaveValue('25');
  // Named scenarios give a pasteable link and an image.
  await page.getByLabel('Named scenario').selectOption('fifty-x-short');
  await expect(page.locator('#snip-link')).toHaveValue(`${baseURL}/embed/v1/position/fifty-x-short/`);
  await expect(page.locator('#snip-image')).toHaveValue(/<img src="[^"]+\/cards\/position\/fifty-x-short\.png"/);
  expect(problems.list).toEqual([]);
});

test('a height that would scroll at 360 px wide is warned about; bad sizes get a message', async ({ page }) => {
  await page.goto('/widgets/position/');
  const height = page.getByLabel('Height', { exact: true });
  await height.fill('300');
  await expect(page.locator('#cfg-height-warning')).toContainText('At 360 px wide this widget is');
  await height.fill('4000');
  await expect(page.locator('#cfg-height-warning')).toBeHidden();
  await height.fill('abc');
  await expect(page.getByRole('alert')).toHaveText('The height must be a whole number of pixels from 200 to 4000.');
  await expect(height).toHaveAttribute('aria-invalid', 'true');
});

test('the copy buttons put the snippet on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/widgets/position/');
  await page.getByRole('button', { name: 'Copy the iframe', exact: true }).click();
  await expect(page.locator('#cfg-copied')).toHaveText('Copied to the clipboard.');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toBe(await page.locator('#snip-iframe').inputValue());
});

test('oEmbed JSON for a preset is rich, sized, titled, with a readable blockquote and a thumbnail', async ({
  request,
  baseURL,
}) => {
  const page = await request.get('/embed/v1/position/ten-x-long/');
  const html = await page.text();
  const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBe(`${baseURL}/oembed/position/ten-x-long.json`);
  const res = await request.get(href ?? '');
  expect(res.headers()['content-type']).toContain('application/json');
  const body = (await res.json()) as { height: number; title: string; html: string; thumbnail_url: string };
  expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Leverage Lab', width: 720 });
  expect(body.height).toBeGreaterThan(200);
  expect(body.title).toBe('10x long on bitcoin, 5% rise (Leverage Lab)');
  expect(body.html).toMatch(/^<blockquote><p>A 10x long of 10,000\.00 USDT/);
  expect(body.html).toContain(`<iframe src="${baseURL}/embed/v1/position/ten-x-long/" width="720"`);
  const thumb = await request.get(body.thumbnail_url);
  expect(thumb.headers()['content-type']).toBe('image/png');
  expect((await thumb.body()).subarray(1, 4).toString()).toBe('PNG');
});

test('a preset embed page starts from its scenario', async ({ page }) => {
  await page.goto('/embed/v1/position/fifty-x-short/');
  await expect(page.getByLabel('Leverage', { exact: true })).toHaveValue('50');
  await expect(page.getByRole('radio', { name: 'Short' })).toBeChecked();
});
