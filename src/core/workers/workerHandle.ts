import type { FromWorker, MessageChannelEnd, ToWorker } from './protocol';

/** Why a worker is gone, as the pool needs it to word the error of the request it was running. */
export type WorkerEnd =
  /** It exited or crashed; `reason` in words: "exit code 3; last error output: Error: boom". */
  | { readonly kind: 'exited'; readonly reason: string }
  /** It was killed for using more memory than allowed. */
  | { readonly kind: 'overMemory'; readonly residentBytes: number; readonly limitBytes: number };

/** One running worker, whatever runs it: a worker thread or a child process. */
export interface WorkerHandle {
  readonly channel: MessageChannelEnd<FromWorker, ToWorker>;
  /** Called once, when the worker has stopped by itself or was killed for its memory (not after kill()). */
  onGone(listener: (end: WorkerEnd) => void): void;
  /** Stops it at once, mid-computation if need be; resolves when it is gone. */
  kill(): Promise<void>;
}
