/**
 * Runs the fan simulation in a Web Worker (bundled by Vite from our own origin), one job at a time; where a worker
 * cannot start (a sandboxed embed has an opaque origin) it runs on the main thread after the next paint instead.
 */
import type { FanRequest, FanResult } from './fan.ts';

type Reply =
  | { id: number; stage: 'running' }
  | { id: number; stage: 'done'; result: FanResult }
  | { id: number; stage: 'failed'; message: string };

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (r: FanResult) => void; reject: (e: Error) => void }>();

function startWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./montecarlo.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    if (!job || reply.stage === 'running') return;
    pending.delete(reply.id);
    if (reply.stage === 'done') job.resolve(reply.result);
    else job.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    // The worker script could not load: finish the waiting jobs on the main thread from now on.
    event.preventDefault();
    broken = true;
    worker?.terminate();
    worker = null;
    const waiting = [...pending.entries()];
    pending.clear();
    for (const [, job] of waiting) job.reject(new Error('worker-unavailable'));
  };
  return worker;
}

async function onMainThread(request: FanRequest): Promise<FanResult> {
  const { computeFan } = await import('./fan.ts');
  // Let the loading state paint before the (short) blocking run.
  await new Promise((resolve) => setTimeout(resolve, 30));
  return computeFan(request);
}

/** Simulates the fan for `request`. */
export async function runFan(request: FanRequest): Promise<FanResult> {
  const w = startWorker();
  if (!w) return onMainThread(request);
  const id = nextId++;
  try {
    return await new Promise<FanResult>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, request });
    });
  } catch (error) {
    if (error instanceof Error && error.message === 'worker-unavailable') return onMainThread(request);
    throw error;
  }
}
