import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressStore, PROGRESS_KEY, BACKUP_KEY, type KeyValueStorage } from '../store.ts';
import { parseRecord, validateRecord, PROGRESS_VERSION } from '../record.ts';

function fakeStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const throwing: KeyValueStorage = {
  getItem() {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem() {
    throw new DOMException('denied', 'SecurityError');
  },
};

test('an empty storage gives an empty record of the current version', () => {
  const { record, problem, persistent } = new ProgressStore(fakeStorage()).load();
  assert.deepEqual(record, { v: PROGRESS_VERSION, lessons: {}, quizzes: {} });
  assert.equal(problem, undefined);
  assert.equal(persistent, true);
});

test('marking a lesson read saves it and keeps the first date on later visits', () => {
  const storage = fakeStorage();
  const store = new ProgressStore(storage);
  store.markLessonRead('what-leverage-is', new Date('2026-11-01T10:00:00Z'));
  store.markLessonRead('what-leverage-is', new Date('2026-11-20T10:00:00Z'));
  const saved = JSON.parse(storage.data.get(PROGRESS_KEY) ?? '');
  assert.deepEqual(saved.lessons, { 'what-leverage-is': { readAt: '2026-11-01T10:00:00.000Z' } });
  assert.deepEqual(new ProgressStore(storage).load().record.lessons, saved.lessons);
});

for (const [name, text, problem] of [
  ['not JSON', '{"v":1,', 'corrupt'],
  ['a lesson with a bad date', '{"v":1,"lessons":{"a":{"readAt":42}},"quizzes":{}}', 'corrupt'],
  [
    'a quiz score above 100%',
    '{"v":1,"lessons":{},"quizzes":{"a":{"attempts":1,"best":1.5,"missed":[],"lastAt":"2026-01-01"}}}',
    'corrupt',
  ],
  ['a key that is not a slug', '{"v":1,"lessons":{"<script>":{"readAt":"2026-01-01"}},"quizzes":{}}', 'corrupt'],
  ['a newer version', '{"v":2,"lessons":{},"quizzes":{}}', 'future-version'],
  ['someone else’s data', '["hello"]', 'foreign'],
  ['no version', '{"lessons":{}}', 'foreign'],
] as const) {
  test(`stored progress with ${name} is set aside as "${problem}" and a fresh record starts`, () => {
    const storage = fakeStorage({ [PROGRESS_KEY]: text });
    const result = new ProgressStore(storage).load();
    assert.equal(result.problem, problem);
    assert.deepEqual(result.record.lessons, {});
    assert.equal(storage.data.get(BACKUP_KEY), text);
    // The next load is clean: the problem is reported once.
    assert.equal(new ProgressStore(storage).load().problem, undefined);
  });
}

test('storage that throws still lets the visit record progress in memory', () => {
  const store = new ProgressStore(throwing);
  assert.equal(store.load().persistent, false);
  const record = store.markLessonRead('liquidation', new Date('2026-11-25T00:00:00Z'));
  assert.equal(record.lessons['liquidation']?.readAt, '2026-11-25T00:00:00.000Z');
});

test('no storage at all works the same', () => {
  const store = new ProgressStore(null);
  store.markLessonRead('liquidation');
  assert.ok(store.load().record.lessons['liquidation']);
  assert.equal(store.load().persistent, false);
});

test('a valid record survives a round trip through JSON', () => {
  const record = {
    v: 1,
    lessons: { 'what-leverage-is': { readAt: '2026-11-25T00:00:00.000Z' } },
    quizzes: { 'what-leverage-is': { attempts: 2, best: 0.75, missed: ['q3'], lastAt: '2026-11-25T00:00:00.000Z' } },
  };
  assert.deepEqual(parseRecord(JSON.stringify(record)), { ok: true, record });
  assert.deepEqual(validateRecord(record), { ok: true, record });
});
