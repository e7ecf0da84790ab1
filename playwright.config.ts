import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env['PORT'] ?? 4321);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// Debian's Chromium: Playwright cannot download its own browser on our machines.
const executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env['CI'] ? 1 : 0,
  forbidOnly: !!process.env['CI'],
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: process.env['E2E_REPORT'] ?? 'reports/e2e.json' }]],
  use: { baseURL: BASE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args } },
    },
  ],
  webServer: {
    // Serves the built dist/: `npm test` builds first.
    command: `astro preview --host 127.0.0.1 --port ${PORT}`, // honours OUT_DIR through astro.config.mjs
    url: BASE_URL,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
