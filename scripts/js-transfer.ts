/**
 * JavaScript as a browser fetches it: every built page (the sitemap's pages and every embed route) is opened in
 * Chromium at the e2e viewport (tool and embed pages in a 2,400 px tall window, their widget in view), with no
 * scrolling and no interaction, until `load` and then network idle; the gzip
 * size of every JavaScript response it received is summed. Unlike the static count in js-budget.ts, this includes
 * what `import()` pulls in (chart.js, workers) and every island that hydrates in the first screen.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium, devices, type Browser, type Response } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config.ts';
import { startServer } from './serve.ts';

/** The pages of a built site: every `<loc>` of its sitemaps, then every page under /embed/ (noindex, so not there). */
export function pagePaths(root: string): string[] {
  const paths = new Set<string>();
  for (const name of readdirSync(root).filter((n) => /^sitemap-\d+\.xml$/.test(n))) {
    const xml = readFileSync(join(root, name), 'utf8');
    for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(m[1]).pathname);
  }
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') paths.add(`/${relative(root, dir).replace(/\\/g, '/')}/`);
    }
  };
  if (existsSync(join(root, 'embed'))) walk(join(root, 'embed'));
  return [...paths].sort();
}

/** Whether a response is JavaScript: by its content type, or by the file name when the type is missing. */
export function isJavaScript(url: string, contentType: string | undefined): boolean {
  if (contentType) return /\b(java|ecma)script\b/i.test(contentType);
  return /\.m?js$/.test(new URL(url).pathname);
}

/** Gzip bytes (level 9, as js-budget.ts counts) of one response body: what a static host would send. */
export const gzipBytes = (body: Buffer | string): number => gzipSync(body, { level: 9 }).length;

export interface TransferReport {
  path: string;
  /** Gzip bytes of every JavaScript response before interaction. */
  bytes: number;
  /** The JavaScript URLs fetched (path only), sorted. */
  files: string[];
}

/** Sums what one page fetched: each JavaScript URL once, by its gzip size. */
export function sumJavaScript(path: string, responses: { url: string; contentType?: string; body: Buffer }[]) {
  const seen = new Map<string, number>();
  for (const r of responses) {
    if (!isJavaScript(r.url, r.contentType)) continue;
    const u = new URL(r.url);
    seen.set(u.pathname + u.search, gzipBytes(r.body));
  }
  let bytes = 0;
  for (const b of seen.values()) bytes += b;
  return { path, bytes, files: [...seen.keys()].sort() } satisfies TransferReport;
}

async function measureOne(browser: Browser, base: string, path: string): Promise<TransferReport> {
  // A fresh context per page: nothing cached by an earlier page is left out of this one's count.
  // Tool and embed pages are gated with the whole widget in view (a tall window), as a reader with it on screen sees
  // it; other pages at the e2e viewport.
  const tall = /^\/(tools|embed)\//.test(path);
  const context = await browser.newContext({
    ...devices['Desktop Chrome'],
    ...(tall ? { viewport: { width: 1280, height: 2400 } } : {}),
  });
  const pending: Promise<{ url: string; contentType?: string; body: Buffer } | null>[] = [];
  const record = (res: Response) => {
    pending.push(
      res
        .body()
        .then((body) => ({ url: res.url(), contentType: res.headers()['content-type'], body }))
        .catch(() => null),
    );
  };
  // Context-wide, so requests from frames and workers count too.
  context.on('response', record);
  try {
    const page = await context.newPage();
    const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
    if (!res || res.status() >= 400) throw new Error(`${path} answered ${res?.status()}`);
    await page.waitForLoadState('networkidle');
    const responses = (await Promise.all(pending)).filter((r) => r !== null);
    return sumJavaScript(path, responses);
  } finally {
    await context.close();
  }
}

/**
 * Opens every page of `paths` on a local server of `root` and measures its JavaScript transfer.
 * `concurrency` pages are open at once (the machine has two cores).
 */
export async function measureTransfer(root: string, paths: string[], concurrency = 3): Promise<TransferReport[]> {
  const server = startServer(root, 0);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const out: TransferReport[] = [];
  try {
    const queue = [...paths];
    const worker = async (): Promise<void> => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        out.push(await measureOne(browser, base, path));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
