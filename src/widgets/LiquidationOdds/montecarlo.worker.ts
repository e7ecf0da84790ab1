/** Web Worker: runs the liquidation-odds Monte Carlo off the main thread so the page never freezes. */
import { computeFan, type FanRequest } from './fan.ts';

interface Job {
  id: number;
  request: FanRequest;
}

// The project's TypeScript lib is the DOM's; this is the part of a worker's global scope we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  scope.postMessage({ id, stage: 'running' });
  try {
    scope.postMessage({ id, stage: 'done', result: computeFan(request) });
  } catch (error) {
    scope.postMessage({ id, stage: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
