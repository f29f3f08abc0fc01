// A child process worker for the pool's tests: echoes, reports progress, spins, eats memory, or dies.
import { processChannel, processWorkerData } from '../../../src/core/workers/channels';
import { CancelledError, type FromWorker, type ToWorker } from '../../../src/core/workers/protocol';
import { serveRequests } from '../../../src/core/workers/serveRequests';

const kept: Buffer[] = [];

serveRequests(processChannel<ToWorker, FromWorker>(), {
  echo: (params: { value: unknown; delayMs?: number }) =>
    new Promise((resolve) => setTimeout(() => resolve({ value: params.value, pid: process.pid }), params.delayMs ?? 0)),
  workerData: () => processWorkerData(),
  double: (params: { values: Float64Array; weights: Float32Array }) => ({
    values: params.values.map((value) => value * 2),
    weights: params.weights.map((weight) => weight * 2),
  }),
  count: (params: { to: number }, { progress }) => {
    for (let i = 1; i <= params.to; i++) progress(i);
    return params.to;
  },
  waitForCancel: (_params: unknown, { signal }) =>
    new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new CancelledError('stopped by request')))),
  // Like a native inference call: never looks at the cancel message. Tells its pid first.
  spin: (_params: unknown, { progress }) => {
    progress(process.pid);
    return new Promise(() =>
      setImmediate(() => {
        for (;;);
      }),
    );
  },
  // Touches every page it allocates, so the memory is resident. Stops at `maxMb` in case nobody kills it.
  allocate: (params: { stepMb: number; maxMb: number }, { progress }) => {
    progress(process.pid);
    return new Promise((resolve) => {
      const step = () => {
        kept.push(Buffer.allocUnsafe(params.stepMb * 1024 * 1024).fill(1));
        if (kept.length * params.stepMb >= params.maxMb) resolve(`allocated ${params.maxMb} MB`);
        else setTimeout(step, 5);
      };
      step();
    });
  },
  exit: (params: { code: number; lastWords: string }) => {
    process.stderr.write(`${params.lastWords}\n`);
    process.exit(params.code);
  },
  throwUncaught: (params: { message: string }) => {
    setTimeout(() => {
      throw new RangeError(params.message);
    });
    return new Promise(() => {});
  },
});
