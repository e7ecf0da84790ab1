import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const lanes = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/lanes.ts', ...args], { encoding: 'utf8', env: process.env });

test('both lanes run and their output arrives in whole lines', () => {
  const run = lanes('nodever', 'nodever');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n').filter((line) => line.startsWith('npm-run node v'));
  assert.equal(lines.length, 2, run.stdout);
});

test('a failing script fails the run, names the script, and stops its own lane only', () => {
  const run = lanes('no-such-script nodever', 'nodever');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /failed: npm run no-such-script/);
  // The first lane stops at its failure; the second lane still ran.
  assert.equal(run.stdout.split('\n').filter((line) => line.startsWith('npm-run node v')).length, 1, run.stdout);
});

test('an empty lane is a usage error', () => {
  assert.equal(lanes('nodever', '').status, 2);
});
