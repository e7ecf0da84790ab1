/**
 * Reads Playwright's JSON report and prints the e2e counts CI closes on. A test that failed and then passed on a retry
 * is flaky, and flaky counts as failed: its name is printed so it can be fixed, not retried into green.
 *
 *   node scripts/e2e-report.ts [reports/e2e.json]   → prints "<passed> <failed>" on the last line
 */
import { existsSync, readFileSync } from 'node:fs';

/** The parts of Playwright's JSON report (`@playwright/test/reporter` JSONReport) this script reads. */
export interface JsonSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; line: number; tests: { status: string; projectName?: string }[] }[];
  suites?: JsonSuite[];
}
export interface JsonReport {
  suites?: JsonSuite[];
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

export interface E2eSummary {
  passed: number;
  failed: number;
  /** "file:line › describe › title", one per flaky test. */
  flaky: string[];
}

/** Every test whose outcome is `flaky` (failed, then passed on a retry), named as the list reporter names it. */
export function flakyTests(report: JsonReport): string[] {
  const out: string[] = [];
  const walk = (suite: JsonSuite, path: string[]): void => {
    const here = suite.title && suite.title !== suite.file ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status === 'flaky') out.push([`${spec.file}:${spec.line}`, ...here, spec.title].join(' › '));
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return out;
}

/** Passed = expected outcomes only; failed = unexpected plus flaky. */
export function summarise(report: JsonReport): E2eSummary {
  const { expected, unexpected, flaky } = report.stats;
  return { passed: expected, failed: unexpected + flaky, flaky: flakyTests(report) };
}

function main(): void {
  const file = process.argv[2] ?? 'reports/e2e.json';
  if (!existsSync(file)) {
    console.log('0 0');
    return;
  }
  const summary = summarise(JSON.parse(readFileSync(file, 'utf8')) as JsonReport);
  for (const name of summary.flaky) console.log(`::: flaky (failed, then passed on retry; counted as failed): ${name}`);
  console.log(`${summary.passed} ${summary.failed}`);
}

if (process.argv[1]?.endsWith('e2e-report.ts')) main();
