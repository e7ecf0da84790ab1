import { defineConfig, devices } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

const PORT = Number(process.env['PORT'] ?? 4321);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const BUILD = process.env['OUT_DIR'] ?? 'dist';

/**
 * The build names its origin everywhere (embed frames, CSP, oEmbed): it must be the one these tests serve it on, or
 * embeds point at a port nobody serves. `npm run build:test` builds for http://127.0.0.1:$PORT.
 */
const sitemapIndex = `${BUILD}/sitemap-index.xml`;
if (existsSync(sitemapIndex)) {
  const built = /<loc>(https?:\/\/[^/<]+)/.exec(readFileSync(sitemapIndex, 'utf8'))?.[1];
  if (built && built !== BASE_URL) {
    throw new Error(
      `${BUILD} was built for ${built}, but the tests serve it on ${BASE_URL}: rebuild it with ` +
        `SITE_URL=${BASE_URL} (npm run build:test), or run the tests with the PORT it was built for.`,
    );
  }
}
/** The foreign host of the embed tests: another port is another origin. */
const HOST_PORT = PORT + 1000;
// Debian's Chromium: Playwright cannot download its own browser on our machines.
export const CHROMIUM_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
/**
 * The features Playwright itself turns off (its `disabledFeatures`, playwright-core 1.65). Chromium keeps only the last
 * `--disable-features` switch, so ours must repeat them; a unit test fails if Playwright's list changes.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
/**
 * Debian's Chromium 156 runs the full browser headless, and preloads its omnibox popup as two WebUI renderers per
 * window that kept a third of a core busy in our runs; turning them off took the e2e suite from 2.2 to 1.6 minutes on
 * a sample of specs.
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];
/** The Chromium switches of the e2e suite; scripts/js-transfer.ts launches the same browser. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
];

export default defineConfig({
  testDir: './e2e',
  // Screenshot baselines (e2e/visual.spec.ts) by spec and name only: the same on every machine, port and OS.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  // Separate artefacts per build, so parallel runs on one machine don't clash.
  outputDir: process.env['OUT_DIR'] ? `${process.env['OUT_DIR']}-test-results` : 'test-results',
  fullyParallel: true,
  // One Chromium per core: the suite is CPU-bound (rendering, axe), more workers only slow it.
  workers: 2,
  // On CI a failed test runs once more, for its trace and to tell a flaky test from a broken one; but a test that
  // passes only on the retry is reported as flaky and fails the run (.ci/run prints its name).
  retries: process.env['CI'] ? 1 : 0,
  failOnFlakyTests: !!process.env['CI'],
  forbidOnly: !!process.env['CI'],
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: process.env['E2E_REPORT'] ?? 'reports/e2e.json' }]],
  use: { baseURL: BASE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
    },
  ],
  webServer: [
    {
      // Our static server applies the built _headers file, as a static host would.
      command: `node scripts/serve.ts ${BUILD} ${PORT}`,
      url: BASE_URL,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A second origin playing a blogger's site, for the embed tests.
      command: `node scripts/serve.ts e2e/fixtures/host ${HOST_PORT}`,
      url: `http://127.0.0.1:${HOST_PORT}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
