import { startProcessWorker } from './processWorker';
import { CancelledError } from './protocol';
import { startThreadWorker } from './threadWorker';
import type { WorkerEnd, WorkerHandle } from './workerHandle';

export interface WorkerPoolOptions {
  /** The bundled worker script (it calls serveRequests). */
  readonly script: string;
  /** How many workers at most; they start on demand. */
  readonly size: number;
  /** What the user calls these workers in messages, e.g. "parser". */
  readonly name: string;
  /** For a child process: JSON only, read there with processWorkerData(). */
  readonly workerData?: unknown;
  /**
   * 'thread' (the default): worker threads of this process. 'process': child processes, for work that
   * must be stoppable mid-computation (a native call cannot be interrupted) or bounded in memory.
   */
  readonly kind?: 'thread' | 'process';
  /**
   * After a cancel, how long a worker may take to settle its request before it is killed (the next
   * request starts a fresh one). Default: 300 ms for processes; never for threads, whose kept state
   * (syntax trees) would be lost.
   */
  readonly cancelGraceMs?: number;
  /** Processes only: kill a worker whose resident memory goes above `bytes`. */
  readonly memoryLimit?: MemoryLimit;
}

export interface MemoryLimit {
  readonly bytes: number;
  /** The setting the user changes to allow more, named in the error: "longcodezip.scorer.memoryLimitMB". */
  readonly setting: string;
  /** How often memory is looked at; 100 ms by default. */
  readonly sampleMs?: number;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: unknown) => void;
  /** Requests with the same key go to the same worker (one that keeps state for it, e.g. a syntax tree). */
  readonly affinity?: string;
}

interface Task {
  readonly id: number;
  readonly method: string;
  readonly params: unknown;
  readonly options: RunOptions;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  settled: boolean;
}

interface Slot {
  readonly index: number;
  readonly worker: WorkerHandle;
  task: Task | undefined;
}

const PROCESS_CANCEL_GRACE_MS = 300;

/**
 * Workers (threads or child processes) that take one request at a time from a shared queue. A
 * cancelled request is dropped from the queue or told to stop, and its worker killed if it does not
 * stop in time; a worker that dies fails its request with a clear message and is replaced on the next
 * request.
 */
export class WorkerPool {
  /** One place per worker, by index; empty until needed or after a worker died. */
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Task[] = [];
  private readonly cancelGraceMs: number | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    // A thread's memory cannot be told apart from its process's, nor freed by killing it.
    if (options.memoryLimit && options.kind !== 'process') throw new Error('A memory limit needs workers of kind "process".');
    this.slots = new Array<Slot | undefined>(Math.max(1, options.size)).fill(undefined);
    this.cancelGraceMs = options.cancelGraceMs ?? (options.kind === 'process' ? PROCESS_CANCEL_GRACE_MS : undefined);
  }

  get size(): number {
    return this.options.size;
  }

  run<T>(method: string, params: unknown, options: RunOptions = {}): Promise<T> {
    if (this.disposed) return Promise.reject(this.shutDownError());
    if (options.signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<T>((resolve, reject) => {
      const task: Task = { id: this.nextId++, method, params, options, resolve: resolve as (r: unknown) => void, reject, settled: false };
      options.signal?.addEventListener('abort', () => this.cancel(task), { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Stops every worker (killing child processes); requests still queued or running fail. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const task of this.queue.splice(0)) settle(task, this.shutDownError());
    const running = this.slots.filter((slot): slot is Slot => slot !== undefined);
    this.slots.fill(undefined);
    await Promise.all(
      running.map((slot) => {
        if (slot.task) settle(slot.task, this.shutDownError());
        return slot.worker.kill();
      }),
    );
  }

  private dispatch(): void {
    for (let i = 0; i < this.queue.length; ) {
      const task = this.queue[i]!;
      const index = task.options.affinity !== undefined ? slotFor(task.options.affinity, this.slots.length) : this.freeIndex();
      const slot = index === undefined ? undefined : (this.slots[index] ?? this.spawn(index));
      if (!slot || slot.task) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      slot.task = task;
      slot.worker.channel.postMessage({ type: 'request', id: task.id, method: task.method, params: task.params });
    }
  }

  /** A worker without a request, or a place for a new one. */
  private freeIndex(): number | undefined {
    const idle = this.slots.findIndex((slot) => slot !== undefined && !slot.task);
    if (idle !== -1) return idle;
    const empty = this.slots.indexOf(undefined);
    return empty === -1 ? undefined : empty;
  }

  private spawn(index: number): Slot {
    const { script, workerData, memoryLimit } = this.options;
    const worker =
      this.options.kind === 'process'
        ? startProcessWorker({ script, workerData, memoryLimitBytes: memoryLimit?.bytes, memorySampleMs: memoryLimit?.sampleMs })
        : startThreadWorker(script, workerData);
    const slot: Slot = { index, worker, task: undefined };
    worker.channel.onMessage((message) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      if (message.type === 'progress') {
        if (!task.settled) task.options.onProgress?.(message.progress);
        return;
      }
      slot.task = undefined;
      if (message.type === 'result') settle(task, undefined, message.result);
      else settle(task, Object.assign(new Error(message.error.message), { name: message.error.name }));
      this.dispatch();
    });
    worker.onGone((end) => this.onWorkerGone(slot, end));
    this.slots[index] = slot;
    return slot;
  }

  private onWorkerGone(slot: Slot, end: WorkerEnd): void {
    if (this.slots[slot.index] !== slot) return;
    this.slots[slot.index] = undefined;
    if (slot.task) {
      settle(slot.task, new Error(this.describeEnd(end)));
      slot.task = undefined;
    }
    if (!this.disposed) this.dispatch();
  }

  private describeEnd(end: WorkerEnd): string {
    const { name, kind } = this.options;
    if (end.kind === 'overMemory') {
      const setting = this.options.memoryLimit?.setting ?? 'the memory limit';
      return `The ${name} process used ${megabytes(end.residentBytes)} of memory, above its limit of ${megabytes(end.limitBytes)}, and was stopped; raise ${setting} to allow it more.`;
    }
    return `A ${name} ${kind === 'process' ? 'process' : 'worker'} stopped unexpectedly (${end.reason}); it will be restarted.`;
  }

  private cancel(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued !== -1) this.queue.splice(queued, 1);
    else {
      const slot = this.slots.find((candidate) => candidate?.task === task);
      if (slot) this.stopInFlight(slot, task);
    }
    settle(task, new CancelledError());
  }

  /** Asks the worker to stop; one that has not settled the request within the grace period is killed. */
  private stopInFlight(slot: Slot, task: Task): void {
    slot.worker.channel.postMessage({ type: 'cancel', id: task.id });
    if (this.cancelGraceMs === undefined) return;
    setTimeout(() => {
      if (this.slots[slot.index] !== slot || slot.task !== task) return;
      this.slots[slot.index] = undefined;
      void slot.worker.kill();
      if (!this.disposed) this.dispatch();
    }, this.cancelGraceMs).unref();
  }

  private shutDownError(): Error {
    return new Error(`The ${this.options.name} workers were shut down.`);
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function slotFor(key: string, slots: number): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % slots;
}

function settle(task: Task, error: Error | undefined, result?: unknown): void {
  if (task.settled) return;
  task.settled = true;
  if (error) task.reject(error);
  else task.resolve(result);
}
