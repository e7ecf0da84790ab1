/**
 * Runs npm scripts in two lanes at once, each lane in order and stopping at its first failure, and exits non-zero if
 * either lane failed. `npm test` runs the e2e suite in one lane and the static checks, unit tests and JS budget in the
 * other: the browser tests leave part of our two cores idle (pages loading, the network going quiet), and the other
 * lane's single-threaded work fills it, instead of running before the browser tests and adding its whole time.
 *
 * The first lane's output is held and printed whole when each of its scripts ends; the second lane's is streamed.
 * Both are written a whole line at a time, so the unit tests' TAP summary lines stay intact for `.ci/run` to count.
 *
 * Usage: node scripts/lanes.ts "test:unit check lint" "test:e2e"
 */
import { spawn } from 'node:child_process';

/** Runs `npm run <script>`, handing each complete output line to `onLine`; resolves with the exit code. */
function runScript(script: string, onLine: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let pending = '';
    const take = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => {
      onLine(`could not start npm run ${script}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => {
      if (pending) onLine(pending);
      resolve(code ?? 1);
    });
  });
}

/** Runs a lane's scripts in order; returns the failed script's name, or null when all passed. */
async function runLane(scripts: string[], held: boolean): Promise<string | null> {
  for (const script of scripts) {
    const lines: string[] = [];
    const code = await runScript(script, held ? (line) => lines.push(line) : (line) => console.log(line));
    if (held) console.log(lines.join('\n'));
    if (code !== 0) return script;
  }
  return null;
}

const [first = '', second = ''] = process.argv.slice(2);
const lanes = [first, second].map((lane) => lane.split(/\s+/).filter(Boolean));
if (lanes.some((lane) => lane.length === 0)) {
  console.error('usage: node scripts/lanes.ts "<scripts of lane 1>" "<scripts of lane 2>"');
  process.exit(2);
}
const failed = (await Promise.all([runLane(lanes[0] ?? [], true), runLane(lanes[1] ?? [], false)])).filter(Boolean);
if (failed.length > 0) {
  console.error(`failed: npm run ${failed.join(', npm run ')}`);
  process.exit(1);
}
