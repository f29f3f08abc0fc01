import { Worker } from 'node:worker_threads';
import { workerChannel } from './channels';
import type { FromWorker, ToWorker } from './protocol';
import type { WorkerEnd, WorkerHandle } from './workerHandle';

/** Starts a worker thread running `script` (which calls serveRequests on parentPortChannel()). */
export function startThreadWorker(script: string, workerData: unknown): WorkerHandle {
  const worker = new Worker(script, { workerData });
  let killed = false;
  let gone: ((end: WorkerEnd) => void) | undefined;
  let ended = false;
  const end = (reason: string) => {
    if (ended || killed) return;
    ended = true;
    gone?.({ kind: 'exited', reason });
  };
  // An uncaught error comes first, then the exit: the error says more.
  worker.on('error', (error) => end(error.message));
  worker.on('exit', (code) => end(`exit code ${code}`));
  return {
    channel: workerChannel<FromWorker, ToWorker>(worker),
    onGone: (listener) => (gone = listener),
    kill: async () => {
      killed = true;
      await worker.terminate();
    },
  };
}
