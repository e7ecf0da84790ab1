/**
 * `npm run facts`: lists the regulatory facts (content/facts/*.json) whose "review by" date has passed, and those due
 * within 90 days. A report, never a failing check: a date must not break a build, so it always exits 0 unless the
 * files cannot be read at all.
 *
 * Run: node scripts/facts.ts [YYYY-MM-DD]   (the date defaults to today, UTC)
 */
import { facts } from '../src/facts/data.ts';
import { formatReport, reviewReport } from '../src/facts/review.ts';

const arg = process.argv[2];
const today = arg && /^\d{4}-\d{2}-\d{2}$/.test(arg) ? arg : new Date().toISOString().slice(0, 10);
for (const line of formatReport(reviewReport(facts, today), today, facts.length)) console.log(line);
