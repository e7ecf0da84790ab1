/**
 * JavaScript budget, in two measures printed side by side for every built page:
 *
 * - The gate (static, no browser): the gzip size of the page's inline scripts, its module scripts, the islands that
 *   hydrate at load or idle time, and the heaviest one of its `client:visible` islands, each with its static imports.
 *   It does not count code behind `import()` (chart.js, workers) nor a second island in view, so it is a floor of what
 *   a reader downloads, not the whole of it.
 * - The browser measure (js-transfer.ts): every JavaScript response Chromium fetched before any interaction, with the
 *   page in view. It is gated at 40 KB for every embed and tool page (BROWSER_BUDGET): a widget in view at load draws
 *   its chart as server-rendered SVG and loads chart.js, and any calculation code the first view does not need, at
 *   the reader's first interaction. Elsewhere it is reported.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureTransfer, pagePaths, type TransferReport } from './js-transfer.ts';

export interface PageBudget {
  /** Matches the page's path relative to the site root, e.g. /tools/position/. */
  test: (path: string) => boolean;
  /** Gzip bytes allowed. */
  limit: number;
  reason: string;
}

/** The budgets, most specific first. */
export const BUDGETS: PageBudget[] = [
  {
    // A configurator is a page for bloggers, not one readers land on: its widget is held to 40 KB on its tool page
    // (and in a browser on its embed), and the configurator's own script (snippets, preview, measuring) comes on top.
    test: (path) => /^\/widgets\/[a-z0-9-]+\/$/.test(path),
    limit: 42 * 1024,
    reason: "a configurator page's own scripts (about 2 KB) plus its widget's island stay under 42 KB gzip",
  },
  {
    test: () => true,
    limit: 40 * 1024,
    reason: "a page's own scripts plus its heaviest client:visible island (static imports only) stay under 40 KB gzip",
  },
];

/** What a page in view may fetch before the reader's first interaction, measured in a browser. */
export const BROWSER_BUDGET = {
  test: (path: string) => /^\/(embed|tools)\//.test(path),
  limit: 40 * 1024,
  reason:
    'an embed or tool page fetches at most 40 KB gzip of JavaScript before the first interaction (chart.js and deferred calculation code wait for it)',
};

/** The browser measures over BROWSER_BUDGET: embed and tool pages only. */
export function browserOver(browser: TransferReport[]): TransferReport[] {
  return browser.filter((b) => BROWSER_BUDGET.test(b.path) && b.bytes > BROWSER_BUDGET.limit);
}

/** The host-page script bloggers add next to an embed. */
export const LOADER = { url: '/embed/v1/loader.js', limit: 2 * 1024, reason: 'the embed loader stays under 2 KB gzip' };

/** Lesson pages with no widget may ship only the theme and progress scripts, under 2 KB gzip together. */
export const PROSE_LESSON_LIMIT = 2 * 1024;

const gz = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;

/** Static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`), not dynamic `import()`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]);
  // Re-exports pull code in too.
  for (const m of code.matchAll(/(?:^|[;}\n])\s*export\s*[\w*{}\s,$]*?\s*from\s*["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

export interface PageReport {
  path: string;
  bytes: number;
  files: string[];
  hasIsland: boolean;
  limit: number;
  reason: string;
  ok: boolean;
}

/** Measures one page; `root` is the built site (dist/). */
export function measurePage(root: string, htmlFile: string): PageReport {
  const html = readFileSync(htmlFile, 'utf8');
  const rel = `/${relative(root, htmlFile).replace(/\\/g, '/')}`;
  const path = rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel;
  let bytes = 0;
  const files = new Set<string>();
  // Inline scripts (theme, Astro's island bootstrap), except JSON data blocks.
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/type=["']?(application\/(ld\+)?json|text\/plain)/.test(m[1] ?? '')) continue;
    if ((m[2] ?? '').trim()) bytes += gz(m[2]);
  }
  // Page scripts load at once. Islands hydrate when they scroll into view (client:visible), one
  // screen at a time, so a page is charged its scripts plus its heaviest island; code an island
  // loads later with import() (chart.js, workers) is not charged at all.
  const pageScripts = [...html.matchAll(/<script[^>]*\bsrc=["']([^"']+)["']/g)].map((m) => m[1]);
  const islandTags = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => m[0]);
  const urlsOf = (tag: string) =>
    [...tag.matchAll(/\b(?:component-url|renderer-url)=["']([^"']+)["']/g)].map((u) => u[1]);
  // Islands that hydrate at load or idle time always count; visible ones count one at a time.
  const eager = islandTags.filter((t) => !/\bclient=["']visible["']/.test(t)).flatMap(urlsOf);
  const islands = islandTags.filter((t) => /\bclient=["']visible["']/.test(t)).map(urlsOf);
  const hasIsland = islandTags.length > 0;
  const graph = (entries: string[]): Set<string> => {
    const seen = new Set<string>();
    const queue = entries.filter((u) => u.startsWith('/'));
    while (queue.length > 0) {
      const url = queue.pop() as string;
      if (seen.has(url)) continue;
      const file = join(root, url);
      if (!existsSync(file)) throw new Error(`[leverage-lab] ${path} refers to ${url}, which is not in ${root}`);
      seen.add(url);
      for (const spec of staticImports(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') || spec.startsWith('/')) {
          queue.push(spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec));
        }
      }
    }
    return seen;
  };
  const size = (urls: Iterable<string>) => [...urls].reduce((sum, u) => sum + gz(readFileSync(join(root, u))), 0);
  const base = graph([...pageScripts, ...eager]);
  let heaviest = new Set<string>();
  for (const island of islands) {
    const extra = [...graph(island)].filter((u) => !base.has(u));
    if (size(extra) > size(heaviest)) heaviest = new Set(extra);
  }
  for (const u of [...base, ...heaviest]) files.add(u);
  bytes += size(files);
  const isProseLesson = path.startsWith('/lessons/') && !hasIsland;
  const budget = BUDGETS.find((b) => b.test(path)) as PageBudget;
  const limit = isProseLesson ? PROSE_LESSON_LIMIT : budget.limit;
  const reason = isProseLesson
    ? 'a lesson with no widget ships only the theme and progress scripts, under 2 KB gzip'
    : budget.reason;
  return { path, bytes, files: [...files].sort(), hasIsland, limit, reason, ok: bytes <= limit };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') out.push(...htmlFiles(full));
    } else if (name.endsWith('.html')) out.push(full);
  }
  return out.sort();
}

/** Measures every page of a built site. */
export function measureSite(root: string): PageReport[] {
  return htmlFiles(root).map((f) => measurePage(root, f));
}

/** Measures a standalone script (the embed loader) against its own budget. */
export function measureScript(root: string, url: string, limit: number, reason: string): PageReport {
  const bytes = gz(readFileSync(join(root, url)));
  return { path: url, bytes, files: [url], hasIsland: false, limit, reason, ok: bytes <= limit };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The printed table: the gated static count, its budget and status, and the browser measure beside it. */
export function table(reports: PageReport[], browser: TransferReport[]): string[] {
  const fetched = new Map(browser.map((b) => [b.path, b.bytes]));
  const width = Math.max(...reports.map((r) => r.path.length), 4);
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width) : c.padStart(['', 14, 7, 6, 18][i] as number))).join('  ');
  const lines = [row(['page', 'static (gated)', 'budget', 'status', 'in browser'])];
  for (const r of reports) {
    const b = fetched.get(r.path);
    const shown = b === undefined ? '-' : kb(b);
    // Gated pages say so: "(gated)" within the browser budget, "OVER" past it.
    const mark =
      b !== undefined && BROWSER_BUDGET.test(r.path) ? (b > BROWSER_BUDGET.limit ? ' OVER' : ' (gated)') : '';
    lines.push(row([r.path, kb(r.bytes), kb(r.limit), r.ok ? 'ok' : 'OVER', shown + mark]));
  }
  return lines;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // --gated: measure in the browser only the pages whose browser measure is gated (embed and tool pages), as the test
  // command does to stay quick; without it every page is measured and reported.
  const gatedOnly = args.includes('--gated');
  const root = args.find((a) => !a.startsWith('--')) ?? process.env['OUT_DIR'] ?? 'dist';
  if (!existsSync(root)) {
    console.error(`${root} does not exist: run \`npm run build\` first.`);
    process.exit(1);
  }
  const reports = measureSite(root);
  if (existsSync(join(root, LOADER.url))) reports.push(measureScript(root, LOADER.url, LOADER.limit, LOADER.reason));
  const t0 = Date.now();
  const browser = await measureTransfer(
    root,
    pagePaths(root).filter((path) => !gatedOnly || BROWSER_BUDGET.test(path)),
  );
  for (const line of table(reports, browser)) console.log(line);
  console.log(
    `\nstatic (gated): ${BUDGETS.at(-1)?.reason}; a configurator page ${kb(BUDGETS[0]?.limit ?? 0)}; a lesson with no widget ${kb(PROSE_LESSON_LIMIT)}; ${LOADER.reason}.` +
      `\nin browser: gzip of every JavaScript response Chromium fetched for the page, with` +
      ` no scrolling or interaction, until load and network idle (${browser.length} pages in` +
      ` ${((Date.now() - t0) / 1000).toFixed(0)} s). It includes import() and every island in the first screen;` +
      ` gated: ${BROWSER_BUDGET.reason}; reported elsewhere.`,
  );
  const over = reports.filter((r) => !r.ok);
  for (const r of over) console.error(`${r.path}: ${kb(r.bytes)} is over ${kb(r.limit)}: ${r.reason}.`);
  const heavy = browserOver(browser);
  for (const b of heavy) {
    console.error(
      `${b.path}: ${kb(b.bytes)} fetched in the browser is over ${kb(BROWSER_BUDGET.limit)}: ${BROWSER_BUDGET.reason}.`,
    );
    console.error(`  ${b.files.join(', ')}`);
  }
  process.exit(over.length + heavy.length > 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('js-budget.ts')) await main();
