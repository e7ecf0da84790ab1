import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressStore, PROGRESS_KEY, BACKUP_KEY, type KeyValueStorage } from '../store.ts';
import {
  parseRecord,
  validateRecord,
  emptyRecord,
  PROGRESS_VERSION,
  MAX_EVIDENCE,
  type ProgressRecord,
} from '../record.ts';

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
  const { record, problem, persistent, readOnly } = new ProgressStore(fakeStorage()).load();
  assert.deepEqual(record, emptyRecord());
  assert.equal(problem, undefined);
  assert.equal(persistent, true);
  assert.equal(readOnly, false);
});

test('marking a lesson read saves it and keeps the first date on later visits', () => {
  const storage = fakeStorage();
  const store = new ProgressStore(storage);
  store.markLessonRead('what-leverage-is', new Date('2026-11-01T10:00:00Z'));
  store.markLessonRead('what-leverage-is', new Date('2026-11-20T10:00:00Z'));
  const saved = JSON.parse(storage.data.get(PROGRESS_KEY) ?? '') as { lessons: unknown };
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

test('progress from a newer version is left untouched and read-only: the reader is told, nothing is written', () => {
  const text = '{"v":4,"lessons":{"liquidation":{"readAt":"2026-11-01T00:00:00.000Z"}},"quizzes":{},"badges":[]}';
  const storage = fakeStorage({ [PROGRESS_KEY]: text });
  let writes = 0;
  const watched: KeyValueStorage = {
    getItem: (k) => storage.getItem(k),
    setItem: (k, v) => {
      writes += 1;
      storage.setItem(k, v);
    },
  };
  const store = new ProgressStore(watched);
  const loaded = store.load();
  assert.equal(loaded.problem, 'future-version');
  assert.equal(loaded.readOnly, true);
  assert.equal(loaded.persistent, false);
  assert.deepEqual(loaded.record, emptyRecord());
  // This visit still works, in memory.
  store.markLessonRead('what-leverage-is', new Date('2026-12-01T00:00:00Z'));
  store.recordQuizAttempt('what-leverage-is', 0.5, ['q1']);
  assert.ok(store.load().record.lessons['what-leverage-is']);
  store.reset();
  // Nothing was written: the newer record is intact, no backup was made.
  assert.equal(writes, 0);
  assert.equal(storage.data.get(PROGRESS_KEY), text);
  assert.equal(storage.data.has(BACKUP_KEY), false);
  // Every later visit is told again, for as long as the newer record is there.
  const again = new ProgressStore(watched).load();
  assert.equal(again.problem, 'future-version');
  assert.equal(again.readOnly, true);
});

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
    v: 3,
    lessons: { 'what-leverage-is': { readAt: '2026-11-25T00:00:00.000Z' } },
    quizzes: { 'what-leverage-is': { attempts: 2, best: 0.75, missed: ['q3'], lastAt: '2026-11-25T00:00:00.000Z' } },
    arena: { 'btc-2021-07-squeeze': { runs: 3, passed: true, best: 1.0421, lastAt: '2026-12-01T00:00:00.000Z' } },
    learning: {
      evidence: [
        {
          item: 'liquidation/room-at-50x',
          kind: 'quiz',
          concepts: ['liquidation-before-full-loss'],
          correct: true,
          first: true,
          hints: 0,
          hintsTotal: 2,
          at: '2026-12-01T00:00:00.000Z',
        },
      ],
      total: 1,
      scheduled: 0,
      cards: {},
    },
  };
  assert.deepEqual(parseRecord(JSON.stringify(record)), { ok: true, record });
  assert.deepEqual(validateRecord(record), { ok: true, record });
});

test('migration 1 → 2 keeps every lesson and quiz and adds an empty arena', () => {
  const v1 = {
    v: 1,
    lessons: {
      'what-leverage-is': { readAt: '2026-11-25T00:00:00.000Z' },
      liquidation: { readAt: '2026-11-26T00:00:00.000Z' },
    },
    quizzes: { 'what-leverage-is': { attempts: 2, best: 0.75, missed: ['q3'], lastAt: '2026-11-25T00:00:00.000Z' } },
  };
  const frozen = JSON.stringify(v1);
  assert.deepEqual(validateRecord(v1), {
    ok: true,
    record: { ...v1, v: 3, arena: {}, learning: emptyRecord().learning },
  });
  assert.equal(JSON.stringify(v1), frozen, 'the stored value is not changed in place');
  // Through the store: a v1 record in storage loads whole, and the next write stores v2 with everything in it.
  const storage = fakeStorage({ [PROGRESS_KEY]: frozen });
  const store = new ProgressStore(storage);
  assert.equal(store.load().problem, undefined);
  store.recordArenaRun('btc-2020-03-keep', true, 0.93, new Date('2026-12-01T00:00:00Z'));
  const saved = JSON.parse(storage.data.get(PROGRESS_KEY) ?? '') as ProgressRecord;
  assert.equal(saved.v, 3);
  assert.deepEqual(saved.lessons, v1.lessons);
  assert.deepEqual(saved.quizzes, v1.quizzes);
  assert.deepEqual(saved.arena, {
    'btc-2020-03-keep': { runs: 1, passed: true, best: 0.93, lastAt: '2026-12-01T00:00:00.000Z' },
  });
  // A v1 record carrying an arena field it could not have is read as v1 and the field replaced, never trusted.
  assert.equal(validateRecord({ ...v1, arena: { x: 1 } }).ok, true);
});

test('arena runs: counted, a pass beats a fail, then the higher final equity', () => {
  const store = new ProgressStore(fakeStorage());
  const at = new Date('2026-12-01T00:00:00Z');
  store.recordArenaRun('m', false, 1.2, at);
  assert.deepEqual(store.load().record.arena['m'], { runs: 1, passed: false, best: 1.2, lastAt: at.toISOString() });
  store.recordArenaRun('m', true, 0.9, at);
  assert.deepEqual(store.load().record.arena['m'], { runs: 2, passed: true, best: 0.9, lastAt: at.toISOString() });
  store.recordArenaRun('m', false, 2, at);
  assert.equal(store.load().record.arena['m']?.best, 0.9);
  store.recordArenaRun('m', true, 0.95, at);
  assert.deepEqual(store.load().record.arena['m'], { runs: 4, passed: true, best: 0.95, lastAt: at.toISOString() });
});

for (const [name, arena] of [
  ['a negative score', { m: { runs: 1, passed: true, best: -1, lastAt: '2026-01-01' } }],
  ['zero runs', { m: { runs: 0, passed: true, best: 1, lastAt: '2026-01-01' } }],
  ['a key that is not a slug', { '<m>': { runs: 1, passed: true, best: 1, lastAt: '2026-01-01' } }],
  ['passed not a boolean', { m: { runs: 1, passed: 'yes', best: 1, lastAt: '2026-01-01' } }],
] as const) {
  test(`an arena result with ${name} makes the record corrupt`, () => {
    assert.deepEqual(validateRecord({ v: 2, lessons: {}, quizzes: {}, arena }), { ok: false, problem: 'corrupt' });
    assert.deepEqual(validateRecord({ ...emptyRecord(), arena }), { ok: false, problem: 'corrupt' });
  });
}

test('a quiz attempt is counted, keeps the best score and the latest missed questions', () => {
  const storage = fakeStorage();
  const store = new ProgressStore(storage);
  store.recordQuizAttempt('what-leverage-is', 0.5, ['a', 'b'], new Date('2026-11-25T10:00:00Z'));
  store.recordQuizAttempt('what-leverage-is', 0.75, ['b'], new Date('2026-11-25T11:00:00Z'));
  const record = store.recordQuizAttempt('what-leverage-is', 0.25, ['a', 'c', 'd'], new Date('2026-11-25T12:00:00Z'));
  assert.deepEqual(record.quizzes['what-leverage-is'], {
    attempts: 3,
    best: 0.75,
    missed: ['a', 'c', 'd'],
    lastAt: '2026-11-25T12:00:00.000Z',
  });
  // Saved, and valid when read back.
  assert.deepEqual(new ProgressStore(storage).load().record, record);
});

test('a quiz score outside 0…1 is clamped rather than saved as unreadable data', () => {
  const storage = fakeStorage();
  new ProgressStore(storage).recordQuizAttempt('x', 1.5, []);
  const result = new ProgressStore(storage).load();
  assert.equal(result.problem, undefined);
  assert.equal(result.record.quizzes['x']?.best, 1);
});

test('a change keeps what another tab saved in the meantime', () => {
  const storage = fakeStorage();
  const tabA = new ProgressStore(storage);
  const tabB = new ProgressStore(storage);
  tabA.load();
  tabB.load();
  tabB.markLessonRead('spot-margin', new Date('2026-11-25T00:00:00Z'));
  tabA.recordQuizAttempt('what-leverage-is', 1, []);
  const saved = new ProgressStore(storage).load().record;
  assert.ok(saved.lessons['spot-margin']);
  assert.ok(saved.quizzes['what-leverage-is']);
});

test('replace saves an imported record whole, and reset empties it', () => {
  const storage = fakeStorage();
  const store = new ProgressStore(storage);
  store.markLessonRead('liquidation');
  const imported: ProgressRecord = {
    v: PROGRESS_VERSION,
    lessons: { 'what-leverage-is': { readAt: '2026-11-01T00:00:00.000Z' } },
    quizzes: { 'what-leverage-is': { attempts: 1, best: 1, missed: [], lastAt: '2026-11-01T00:00:00.000Z' } },
    arena: { 'btc-2021-07-squeeze': { runs: 1, passed: false, best: 0.5, lastAt: '2026-11-01T00:00:00.000Z' } },
    learning: { evidence: [], total: 3, scheduled: 3, cards: {} },
  };
  assert.deepEqual(store.replace(imported), imported);
  assert.deepEqual(new ProgressStore(storage).load().record, imported);
  assert.deepEqual(store.reset(), emptyRecord());
  assert.deepEqual(JSON.parse(storage.data.get(PROGRESS_KEY) ?? ''), emptyRecord());
});

test('quiz attempts, import and reset all work when storage throws', () => {
  const store = new ProgressStore(throwing);
  store.recordQuizAttempt('what-leverage-is', 0.5, ['q1']);
  assert.equal(store.load().record.quizzes['what-leverage-is']?.attempts, 1);
  store.reset();
  assert.deepEqual(store.load().record.quizzes, {});
  assert.equal(store.load().persistent, false);
});

test('storage that starts throwing mid-visit keeps the record in memory', () => {
  const data = new Map<string, string>();
  let broken = false;
  const flaky: KeyValueStorage = {
    getItem: (k) => {
      if (broken) throw new DOMException('gone', 'SecurityError');
      return data.get(k) ?? null;
    },
    setItem: (k, v) => {
      if (broken) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
  };
  const store = new ProgressStore(flaky);
  store.markLessonRead('what-leverage-is');
  broken = true;
  const record = store.recordQuizAttempt('what-leverage-is', 1, []);
  assert.ok(record.lessons['what-leverage-is'] && record.quizzes['what-leverage-is']);
  assert.equal(store.load().persistent, false);
});

test('versions: the current one is read through migrate, unknown extra fields are dropped, odd versions are foreign', () => {
  const withExtra = validateRecord({
    v: PROGRESS_VERSION,
    lessons: {},
    quizzes: {},
    arena: {},
    learning: emptyRecord().learning,
    exportedAt: '2026-11-25',
    app: 'x',
  });
  assert.deepEqual(withExtra, { ok: true, record: emptyRecord() });
  // A current-version record without its arena map is damaged, not silently migrated.
  assert.deepEqual(
    validateRecord({ v: PROGRESS_VERSION, lessons: {}, quizzes: {}, learning: emptyRecord().learning }),
    {
      ok: false,
      problem: 'corrupt',
    },
  );
  for (const v of [0, -1, 1.5, '1', null]) {
    assert.deepEqual(validateRecord({ v, lessons: {}, quizzes: {} }), { ok: false, problem: 'foreign' }, String(v));
  }
  assert.deepEqual(validateRecord({ v: PROGRESS_VERSION + 1, lessons: {}, quizzes: {} }), {
    ok: false,
    problem: 'future-version',
  });
});

test('migration 2 → 3 keeps lessons, quizzes and arena results and adds empty learning data', () => {
  const v2 = {
    v: 2,
    lessons: { liquidation: { readAt: '2026-11-26T00:00:00.000Z' } },
    quizzes: { liquidation: { attempts: 1, best: 0.5, missed: ['room-at-50x'], lastAt: '2026-11-26T00:00:00.000Z' } },
    arena: { 'btc-2020-03-keep': { runs: 1, passed: true, best: 0.93, lastAt: '2026-12-01T00:00:00.000Z' } },
  };
  const frozen = JSON.stringify(v2);
  assert.deepEqual(validateRecord(v2), {
    ok: true,
    record: { ...v2, v: 3, learning: { evidence: [], total: 0, scheduled: 0, cards: {} } },
  });
  assert.equal(JSON.stringify(v2), frozen);
  // Through the store: the next write keeps everything and stores version 3.
  const storage = fakeStorage({ [PROGRESS_KEY]: frozen });
  const store = new ProgressStore(storage);
  assert.equal(store.load().problem, undefined);
  store.addEvidence(
    {
      item: 'liquidation/room-at-50x',
      kind: 'quiz',
      concepts: ['maintenance-margin'],
      correct: true,
      hints: 0,
      hintsTotal: 2,
    },
    new Date('2026-12-02T00:00:00Z'),
  );
  const saved = JSON.parse(storage.data.get(PROGRESS_KEY) ?? '') as ProgressRecord;
  assert.equal(saved.v, 3);
  assert.deepEqual(saved.lessons, v2.lessons);
  assert.deepEqual(saved.quizzes, v2.quizzes);
  assert.deepEqual(saved.arena, v2.arena);
  assert.equal(saved.learning.evidence.length, 1);
});

test('evidence: first try per item and kind, capped at the newest MAX_EVIDENCE, total keeps counting', () => {
  const store = new ProgressStore(fakeStorage());
  const e = {
    item: 'a/q1',
    kind: 'quiz' as const,
    concepts: ['isolated-margin'],
    correct: true,
    hints: 0,
    hintsTotal: 0,
  };
  store.addEvidence(e, new Date('2026-12-01T00:00:00Z'));
  store.addEvidence(e, new Date('2026-12-01T00:01:00Z'));
  store.addEvidence({ ...e, kind: 'review' }, new Date('2026-12-01T00:02:00Z'));
  const firsts = store.load().record.learning.evidence.map((x) => x.first);
  assert.deepEqual(firsts, [true, false, true]);
  for (let i = 0; i < MAX_EVIDENCE; i++) store.addEvidence({ ...e, item: `a/q${i + 2}` });
  const l = store.load().record.learning;
  assert.equal(l.evidence.length, MAX_EVIDENCE);
  assert.equal(l.total, MAX_EVIDENCE + 3);
  // 503 entries, the first 3 dropped: the oldest kept is a/q2.
  assert.equal(l.evidence[0]?.item, 'a/q2');
});

const badEntry = {
  item: 'x',
  kind: 'exam',
  concepts: [],
  correct: true,
  first: true,
  hints: 0,
  hintsTotal: 0,
  at: '2026-01-01',
};
for (const [name, learning] of [
  ['evidence that is not a list', { evidence: {}, total: 0, scheduled: 0, cards: {} }],
  ['an unknown kind', { evidence: [badEntry], total: 1, scheduled: 0, cards: {} }],
  ['a card with a bad date', { evidence: [], total: 0, scheduled: 0, cards: { 'isolated-margin': { due: 'soon' } } }],
  ['more scheduled than recorded', { evidence: [], total: 0, scheduled: 2, cards: {} }],
] as const) {
  test(`learning data with ${name} is set aside alone: lessons, quizzes and arena are kept, the reader is told`, () => {
    const record = { ...emptyRecord(), lessons: { liquidation: { readAt: '2026-11-26T00:00:00.000Z' } }, learning };
    const text = JSON.stringify(record);
    const storage = fakeStorage({ [PROGRESS_KEY]: text });
    const result = new ProgressStore(storage).load();
    assert.equal(result.problem, 'learning-corrupt');
    assert.deepEqual(result.record.lessons, record.lessons);
    assert.deepEqual(result.record.learning, emptyRecord().learning);
    assert.equal(storage.data.get(BACKUP_KEY), text);
    // Reported once; the next visit is clean and still has the lesson.
    const next = new ProgressStore(storage).load();
    assert.equal(next.problem, undefined);
    assert.deepEqual(next.record.lessons, record.lessons);
  });
}
