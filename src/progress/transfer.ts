/**
 * Export and import of the progress record as a JSON file. Only the /progress/ page loads this, so
 * the per-page progress script stays small. An import is validated whole; a bad file is refused
 * with the reason and changes nothing.
 */
import { PROGRESS_VERSION, validateRecord, type ProgressRecord } from './record.ts';

/** Larger than any real export by far; a bigger file is not ours. */
export const MAX_IMPORT_BYTES = 600_000;

/** The file's text: the record itself plus where and when it came from (ignored on import). */
export function exportRecord(record: ProgressRecord, now: Date = new Date()): string {
  const file = { app: 'leverage-lab', exportedAt: now.toISOString(), ...record };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "leverage-lab-progress-2026-11-25.json" */
export function exportFileName(now: Date = new Date()): string {
  return `leverage-lab-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true; record: ProgressRecord } | { ok: false; reason: string };

/** Reads an export file's text into a record, or says in plain words why it cannot be used. */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, reason: 'The file is far larger than any Leverage Lab progress file, so it is not one.' };
  }
  if (text.trim() === '') return { ok: false, reason: 'The file is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not a JSON file, so it cannot be a Leverage Lab progress file.' };
  }
  const result = validateRecord(value);
  if (result.ok && result.problem === 'learning-corrupt') {
    return {
      ok: false,
      reason:
        'The file looks like a Leverage Lab progress file, but its saved answers and review schedule are damaged.',
    };
  }
  if (result.ok) return { ok: true, record: result.record };
  switch (result.problem) {
    case 'future-version':
      return {
        ok: false,
        reason: `The file was saved by a newer version of Leverage Lab (record version ${(value as { v: number }).v}); this site reads version ${PROGRESS_VERSION}.`,
      };
    case 'foreign':
      return { ok: false, reason: 'The file is JSON, but not a Leverage Lab progress file.' };
    case 'corrupt':
      return {
        ok: false,
        reason:
          'The file looks like a Leverage Lab progress file, but some of its entries are damaged (a date, a score or a lesson name that cannot be right).',
      };
  }
}

/** A one-line description of a record, for confirmations: "2 lessons read, 1 quiz taken". */
export function describeRecord(record: ProgressRecord): string {
  const lessons = Object.keys(record.lessons).length;
  const quizzes = Object.keys(record.quizzes).length;
  const missions = Object.keys(record.arena).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const arena = missions > 0 ? `, ${plural(missions, 'arena mission', 'arena missions')} played` : '';
  const answers = record.learning.total;
  const learning = answers > 0 ? `, ${plural(answers, 'answer', 'answers')} recorded` : '';
  return `${plural(lessons, 'lesson', 'lessons')} read, ${plural(quizzes, 'quiz', 'quizzes')} taken${arena}${learning}`;
}
