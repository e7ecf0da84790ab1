import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportRecord, exportFileName, parseImport, describeRecord, MAX_IMPORT_BYTES } from '../transfer.ts';
import { PROGRESS_VERSION, emptyRecord, type ProgressRecord } from '../record.ts';
import { ProgressStore, type KeyValueStorage } from '../store.ts';

const record: ProgressRecord = {
  v: PROGRESS_VERSION,
  lessons: {
    'what-leverage-is': { readAt: '2026-11-20T10:00:00.000Z' },
    'spot-margin': { readAt: '2026-11-22T10:00:00.000Z' },
  },
  quizzes: {
    'what-leverage-is': { attempts: 2, best: 0.75, missed: ['recover-from-half'], lastAt: '2026-11-21T10:00:00.000Z' },
  },
  arena: {
    'btc-2020-03-keep': { runs: 2, passed: true, best: 0.8123, lastAt: '2026-12-01T10:00:00.000Z' },
  },
  learning: {
    evidence: [
      {
        item: 'what-leverage-is/recover-from-half',
        kind: 'quiz',
        concepts: ['loss-recovery-asymmetry'],
        correct: false,
        first: true,
        hints: 1,
        hintsTotal: 2,
        at: '2026-11-21T10:00:00.000Z',
      },
      {
        item: 'liquidation-10x',
        kind: 'prediction',
        concepts: ['liquidation-before-full-loss'],
        correct: true,
        first: true,
        hints: 0,
        hintsTotal: 0,
        at: '2026-11-21T10:05:00.000Z',
        guess: '10%',
      },
    ],
    total: 2,
    scheduled: 2,
    cards: {
      'loss-recovery-asymmetry': {
        due: '2026-11-22T10:00:00.000Z',
        stability: 0.4,
        difficulty: 7.2,
        elapsed_days: 0,
        scheduled_days: 1,
        learning_steps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
        last_review: '2026-11-21T10:00:00.000Z',
      },
    },
  },
};

function memory(): KeyValueStorage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

test('an export imports back to exactly the same record', () => {
  const text = exportRecord(record, new Date('2026-11-25T08:00:00Z'));
  const file = JSON.parse(text) as { app: string; exportedAt: string };
  assert.equal(file.app, 'leverage-lab');
  assert.equal(file.exportedAt, '2026-11-25T08:00:00.000Z');
  assert.deepEqual(parseImport(text), { ok: true, record });
});

test('an export from version 1 imports with its lessons and quizzes and an empty arena', () => {
  const v1 = {
    app: 'leverage-lab',
    exportedAt: '2026-11-25T08:00:00.000Z',
    v: 1,
    lessons: record.lessons,
    quizzes: record.quizzes,
  };
  assert.deepEqual(parseImport(JSON.stringify(v1)), {
    ok: true,
    record: { ...emptyRecord(), lessons: record.lessons, quizzes: record.quizzes },
  });
});

test('an export from version 2 imports with everything it had and empty learning data', () => {
  const v2 = { app: 'leverage-lab', v: 2, lessons: record.lessons, quizzes: record.quizzes, arena: record.arena };
  assert.deepEqual(parseImport(JSON.stringify(v2)), {
    ok: true,
    record: { ...record, learning: { evidence: [], total: 0, scheduled: 0, cards: {} } },
  });
});

test('an import with damaged learning data is refused whole, naming it', () => {
  const bad = { ...record, learning: { ...record.learning, total: 'many' } };
  const result = parseImport(JSON.stringify(bad));
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.reason, /saved answers and review schedule are damaged/);
});

test('export, reset, import restores the same state in the store', () => {
  const store = new ProgressStore(memory());
  store.replace(record);
  const text = exportRecord(store.load().record);
  store.reset();
  assert.deepEqual(store.load().record, emptyRecord());
  const parsed = parseImport(text);
  assert.ok(parsed.ok);
  store.replace(parsed.record);
  assert.deepEqual(store.load().record, record);
});

for (const [name, text, reason] of [
  ['an empty file', '   ', /empty/],
  ['a file that is not JSON', 'lessons,read\nwhat-leverage-is,yes', /not a JSON file/],
  ['JSON from something else', '{"name":"my-app","version":"1.0.0"}', /not a Leverage Lab progress file/],
  ['a list', '[1,2,3]', /not a Leverage Lab progress file/],
  ['a newer version', '{"v":7,"lessons":{},"quizzes":{}}', /newer version of Leverage Lab \(record version 7\)/],
  [
    'a damaged entry',
    '{"v":1,"lessons":{"what-leverage-is":{"readAt":"yesterday"}},"quizzes":{}}',
    /some of its entries are damaged/,
  ],
  [
    'a score above 100%',
    '{"v":1,"lessons":{},"quizzes":{"a":{"attempts":1,"best":2,"missed":[],"lastAt":"2026-01-01"}}}',
    /damaged/,
  ],
  ['a huge file', `{"v":1,"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`, /far larger/],
] as const) {
  test(`importing ${name} is refused with the reason`, () => {
    const result = parseImport(text);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.reason, reason);
  });
}

test('a refused import changes nothing in the store', () => {
  const store = new ProgressStore(memory());
  store.replace(record);
  const result = parseImport('{"v":1,"lessons":{"<x>":{"readAt":"2026-01-01"}},"quizzes":{}}');
  assert.equal(result.ok, false);
  assert.deepEqual(store.load().record, record);
});

test('file names and summaries are plain', () => {
  assert.equal(exportFileName(new Date('2026-11-25T23:00:00Z')), 'leverage-lab-progress-2026-11-25.json');
  assert.equal(describeRecord(record), '2 lessons read, 1 quiz taken, 1 arena mission played, 2 answers recorded');
  assert.equal(describeRecord(emptyRecord()), '0 lessons read, 0 quizzes taken');
});
