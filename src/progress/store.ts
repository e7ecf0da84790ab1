/**
 * The progress store: one versioned localStorage record, validated on every read. Bad data is
 * set aside under a backup key and reported once; a record from a newer version is left exactly
 * as it is and never written over (reported on every visit, progress kept in memory); storage that
 * throws (private mode, sandboxed frames) falls back to memory so the visit still works.
 */
import {
  MAX_EVIDENCE,
  emptyRecord,
  parseRecord,
  type EvidenceEntry,
  type ProgressProblem,
  type ProgressRecord,
} from './record.ts';

export const PROGRESS_KEY = 'leverage-lab:progress';
export const BACKUP_KEY = 'leverage-lab:progress:backup';

/** The subset of the Web Storage API the store needs, so tests can pass a fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LoadResult {
  record: ProgressRecord;
  /** Set when stored data was unusable and has been set aside. */
  problem?: ProgressProblem;
  /** False when storage is unavailable or read-only, and progress lasts only for this visit. */
  persistent: boolean;
  /**
   * True while storage holds progress written by a newer version of the site (a rollback, or a tab left open on the
   * old version): it is left untouched and nothing is written over it, so the newer version finds it intact.
   */
  readOnly: boolean;
}

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

/** The browser's localStorage if it can be used, or null (it throws in sandboxed frames). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const s = globalThis.localStorage;
    const probe = `${PROGRESS_KEY}:probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export class ProgressStore {
  private storage: KeyValueStorage;
  private persistent: boolean;
  private cache: LoadResult | undefined;

  constructor(storage: KeyValueStorage | null) {
    this.persistent = storage !== null;
    this.storage = storage ?? memoryStorage();
  }

  /** Reads and validates the record; sets bad data aside (only once) and reports it. */
  load(): LoadResult {
    if (this.cache) return this.cache;
    let text: string | null = null;
    try {
      text = this.storage.getItem(PROGRESS_KEY);
    } catch {
      this.fallBackToMemory();
    }
    if (text === null) {
      this.cache = { record: emptyRecord(), persistent: this.persistent, readOnly: false };
      return this.cache;
    }
    const parsed = parseRecord(text);
    if (parsed.ok && parsed.problem === undefined) {
      this.cache = { record: parsed.record, persistent: this.persistent, readOnly: false };
      return this.cache;
    }
    if (parsed.ok) {
      // Only the learning data was damaged: keep the rest, set the old text aside once, and say so.
      try {
        this.storage.setItem(BACKUP_KEY, text);
        this.storage.setItem(PROGRESS_KEY, JSON.stringify(parsed.record));
      } catch {
        this.fallBackToMemory();
      }
      this.cache = { record: parsed.record, problem: parsed.problem, persistent: this.persistent, readOnly: false };
      return this.cache;
    }
    if (parsed.problem === 'future-version') {
      // Not ours to rewrite: every change from now on goes to memory only.
      this.persistent = false;
      this.storage = memoryStorage();
      this.cache = { record: emptyRecord(), problem: parsed.problem, persistent: false, readOnly: true };
      return this.cache;
    }
    const fresh = emptyRecord();
    try {
      this.storage.setItem(BACKUP_KEY, text);
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(fresh));
    } catch {
      this.fallBackToMemory();
    }
    this.cache = { record: fresh, problem: parsed.problem, persistent: this.persistent, readOnly: false };
    return this.cache;
  }

  /** Applies a change and saves it; returns the new record. */
  update(change: (record: ProgressRecord) => void): ProgressRecord {
    const loaded = this.load();
    // Start from what is stored now, so a change made by another tab or script is kept.
    try {
      const fresh = parseRecord(this.storage.getItem(PROGRESS_KEY) ?? '');
      if (fresh.ok) loaded.record = fresh.record;
    } catch {
      this.fallBackToMemory();
    }
    const { record } = loaded;
    change(record);
    try {
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(record));
    } catch {
      this.fallBackToMemory();
      this.storage.setItem(PROGRESS_KEY, JSON.stringify(record));
    }
    return record;
  }

  /** Marks a lesson read the first time its end is reached; later visits keep the first date. */
  markLessonRead(slug: string, now: Date = new Date()): ProgressRecord {
    return this.update((r) => {
      r.lessons[slug] ??= { readAt: now.toISOString() };
    });
  }

  /** Records one finished quiz attempt: counts it, keeps the best score, and the questions missed this time. */
  recordQuizAttempt(slug: string, score: number, missed: string[], now: Date = new Date()): ProgressRecord {
    return this.update((r) => {
      const before = r.quizzes[slug];
      r.quizzes[slug] = {
        attempts: (before?.attempts ?? 0) + 1,
        best: Math.max(before?.best ?? 0, Math.min(1, Math.max(0, score))),
        missed: [...missed],
        lastAt: now.toISOString(),
      };
    });
  }

  /**
   * Records one finished practice-arena run on a mission: counts it and keeps the best result (a pass beats a fail;
   * between two passes or two fails, the higher final equity).
   */
  recordArenaRun(missionId: string, passed: boolean, score: number, now: Date = new Date()): ProgressRecord {
    return this.update((r) => {
      const before = r.arena[missionId];
      const s = Math.min(10, Math.max(0, Number.isFinite(score) ? score : 0));
      const better = !before || (passed && !before.passed) || (passed === before.passed && s > before.best);
      r.arena[missionId] = {
        runs: (before?.runs ?? 0) + 1,
        passed: passed || (before?.passed ?? false),
        best: better ? s : (before?.best ?? s),
        lastAt: now.toISOString(),
      };
    });
  }

  /**
   * Records one answer as learning evidence. Its `first` flag is set when no earlier entry has the same item and
   * kind (its first try). The oldest entries are dropped beyond {@link MAX_EVIDENCE}; `total` keeps counting.
   */
  addEvidence(entry: Omit<EvidenceEntry, 'first' | 'at'>, now: Date = new Date()): ProgressRecord {
    return this.update((r) => {
      const l = r.learning;
      const first = !l.evidence.some((e) => e.item === entry.item && e.kind === entry.kind);
      l.evidence.push({ ...entry, first, at: now.toISOString() });
      if (l.evidence.length > MAX_EVIDENCE) l.evidence.splice(0, l.evidence.length - MAX_EVIDENCE);
      l.total += 1;
    });
  }

  /** Replaces the whole record with an already validated one (an import). */
  replace(next: ProgressRecord): ProgressRecord {
    return this.update((r) => {
      r.lessons = next.lessons;
      r.quizzes = next.quizzes;
      r.arena = next.arena;
      r.learning = next.learning;
    });
  }

  /** Forgets everything: lessons read, quiz results, practice-arena results and the learning data. */
  reset(): ProgressRecord {
    return this.replace(emptyRecord());
  }

  private fallBackToMemory(): void {
    if (!this.persistent) return;
    this.persistent = false;
    const mem = memoryStorage();
    this.storage = mem;
    if (this.cache) this.cache.persistent = false;
  }
}
