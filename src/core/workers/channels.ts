import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { MessageChannelEnd } from './protocol';

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
