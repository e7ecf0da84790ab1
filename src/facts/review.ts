/** Which facts are due for review: a report for `npm run facts` (scripts/facts.ts), never a failing check. */
import type { Fact } from './schema.ts';

export interface ReviewReport {
  /** Facts whose "review by" date is on or before today, oldest first. */
  due: Fact[];
  /** Facts due within `soonDays` after today, soonest first. */
  soon: Fact[];
}

/** Adds whole days to a YYYY-MM-DD date (UTC calendar arithmetic, no time of day). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Sorts facts into due (review date passed, or today) and due soon, by date then id; dates compare as strings. */
export function reviewReport(all: readonly Fact[], today: string, soonDays = 90): ReviewReport {
  const horizon = addDays(today, soonDays);
  const byDate = (a: Fact, b: Fact) => a.reviewBy.localeCompare(b.reviewBy) || a.id.localeCompare(b.id);
  return {
    due: all.filter((f) => f.reviewBy <= today).sort(byDate),
    soon: all.filter((f) => f.reviewBy > today && f.reviewBy <= horizon).sort(byDate),
  };
}

/** The report as lines of text. */
export function formatReport(report: ReviewReport, today: string, total: number): string[] {
  const line = (f: Fact) => `  ${f.reviewBy}  ${f.id}  (${f.jurisdiction}, as of ${f.asOf}, ${f.confidence})`;
  const out = [`Regulatory facts: ${total}, checked against ${today}.`];
  out.push(report.due.length === 0 ? 'None is due for review.' : `Due for review (${report.due.length}):`);
  out.push(...report.due.map(line));
  if (report.soon.length > 0) out.push(`Due within 90 days (${report.soon.length}):`, ...report.soon.map(line));
  return out;
}
