import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise, type JsonReport } from '../e2e-report.ts';

/** The shape Playwright's JSON reporter writes: a file suite, a describe block inside it, specs with their tests. */
const report: JsonReport = {
  stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 0 },
  suites: [
    {
      title: 'quiz.spec.ts',
      file: 'quiz.spec.ts',
      specs: [
        { title: 'grades an answer', file: 'quiz.spec.ts', line: 5, tests: [{ status: 'expected' }] },
        { title: 'keeps the best score', file: 'quiz.spec.ts', line: 20, tests: [{ status: 'flaky' }] },
      ],
      suites: [
        {
          title: 'retry',
          file: 'quiz.spec.ts',
          specs: [{ title: 'allows a retry', file: 'quiz.spec.ts', line: 40, tests: [{ status: 'unexpected' }] }],
        },
      ],
    },
    {
      title: 'theme.spec.ts',
      file: 'theme.spec.ts',
      specs: [
        { title: 'toggles', file: 'theme.spec.ts', line: 3, tests: [{ status: 'expected' }, { status: 'expected' }] },
      ],
    },
  ],
};

test('a test that passed only on its retry counts as failed, and is named', () => {
  const s = summarise(report);
  // expected 3 pass; unexpected 1 + flaky 1 fail.
  assert.equal(s.passed, 3);
  assert.equal(s.failed, 2);
  assert.deepEqual(s.flaky, ['quiz.spec.ts:20 › keeps the best score']);
});

test('a flaky test inside a describe block is named with its block', () => {
  const nested: JsonReport = {
    stats: { expected: 0, unexpected: 0, flaky: 1, skipped: 0 },
    suites: [
      {
        title: 'a.spec.ts',
        file: 'a.spec.ts',
        suites: [
          {
            title: 'block',
            file: 'a.spec.ts',
            specs: [{ title: 't', file: 'a.spec.ts', line: 9, tests: [{ status: 'flaky' }] }],
          },
        ],
      },
    ],
  };
  assert.deepEqual(summarise(nested), { passed: 0, failed: 1, flaky: ['a.spec.ts:9 › block › t'] });
});

test('a clean run has no flaky tests and nothing failed', () => {
  const clean = summarise({ stats: { expected: 7, unexpected: 0, flaky: 0, skipped: 2 }, suites: [] });
  assert.deepEqual(clean, { passed: 7, failed: 0, flaky: [] });
});
