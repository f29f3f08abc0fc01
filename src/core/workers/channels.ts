import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { MemoryReportMessage, MessageChannelEnd } from './protocol';

/** The worker thread's end: its parent port. */
export function parentPortChannel<In, Out>(): MessageChannelEnd<In, Out> {
  const port: MessagePort | null = parentPort;
  if (!port) throw new Error('Not running in a worker thread.');
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', listener),
  };
}

/** The caller's end of a worker thread. */
export function workerChannel<In, Out>(worker: Worker): MessageChannelEnd<In, Out> {
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
  };
}

/** The environment a child process worker is started with. */
export const WORKER_DATA_ENV = 'LONGCODEZIP_WORKER_DATA';
export const MEMORY_REPORT_ENV = 'LONGCODEZIP_MEMORY_REPORT_MS';

/**
 * The child process's end: its IPC channel to the parent. The child leaves when the parent goes away
 * (an orphan would keep holding a model's memory), and reports its memory if the parent asked for it.
 */
export function processChannel<In, Out>(): MessageChannelEnd<In, Out> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('Not running in a child process with an IPC channel.');
  const post = (message: unknown) => {
    if (process.connected) send(message);
  };
  process.on('disconnect', () => process.exit(0));
  const reportEveryMs = Number(process.env[MEMORY_REPORT_ENV]);
  if (reportEveryMs > 0) {
    const report = () => post({ type: 'memory', residentBytes: process.memoryUsage.rss() } satisfies MemoryReportMessage);
    setInterval(report, reportEveryMs).unref();
  }
  return {
    postMessage: post,
    onMessage: (listener) => process.on('message', listener as (message: unknown) => void),
  };
}

/** What the parent passed to this child process worker (the `workerData` of a worker thread); JSON only. */
export function processWorkerData<T>(): T | undefined {
  const raw = process.env[WORKER_DATA_ENV];
  return raw === undefined ? undefined : (JSON.parse(raw) as T);
}
