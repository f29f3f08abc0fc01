// A worker for the pool's tests: echoes, reports progress, waits until cancelled, or dies.
import { parentPortChannel } from '../../../src/core/workers/channels';
import { CancelledError, type FromWorker, type ToWorker } from '../../../src/core/workers/protocol';
import { serveRequests } from '../../../src/core/workers/serveRequests';
import { threadId } from 'node:worker_threads';

serveRequests(parentPortChannel<ToWorker, FromWorker>(), {
  echo: (params: { value: unknown; delayMs?: number }) =>
    new Promise((resolve) => setTimeout(() => resolve({ value: params.value, threadId }), params.delayMs ?? 0)),
  count: (params: { to: number }, { progress }) => {
    for (let i = 1; i <= params.to; i++) progress(i);
    return params.to;
  },
  waitForCancel: (_params: unknown, { signal }) =>
    new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new CancelledError('stopped by request')))),
  fail: () => {
    throw new TypeError('bad input for this worker');
  },
  crash: () => process.exit(3),
});
