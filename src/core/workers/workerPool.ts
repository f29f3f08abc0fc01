import { Worker } from 'node:worker_threads';
import { workerChannel } from './channels';
import { CancelledError, type FromWorker, type MessageChannelEnd, type ToWorker } from './protocol';

export interface WorkerPoolOptions {
  /** The bundled worker script (it calls serveRequests). */
  readonly script: string;
  /** How many workers at most; they start on demand. */
  readonly size: number;
  /** What the user calls these workers in messages, e.g. "parser". */
  readonly name: string;
  readonly workerData?: unknown;
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
  readonly worker: Worker;
  readonly channel: MessageChannelEnd<FromWorker, ToWorker>;
  task: Task | undefined;
}

/**
 * Worker threads that take one request at a time from a shared queue. A cancelled request is dropped
 * from the queue or told to stop; a worker that dies fails its request with a clear message and is
 * replaced on the next request.
 */
export class WorkerPool {
  /** One place per worker, by index; empty until needed or after a worker died. */
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = new Array<Slot | undefined>(Math.max(1, options.size)).fill(undefined);
  }

  get size(): number {
    return this.options.size;
  }

  run<T>(method: string, params: unknown, options: RunOptions = {}): Promise<T> {
    if (this.disposed) return Promise.reject(new Error(`The ${this.options.name} workers were shut down.`));
    if (options.signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<T>((resolve, reject) => {
      const task: Task = { id: this.nextId++, method, params, options, resolve: resolve as (r: unknown) => void, reject, settled: false };
      options.signal?.addEventListener('abort', () => this.cancel(task), { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Stops every worker; requests still queued or running fail. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const task of this.queue.splice(0)) settle(task, new Error(`The ${this.options.name} workers were shut down.`));
    const running = this.slots.filter((slot): slot is Slot => slot !== undefined);
    this.slots.fill(undefined);
    await Promise.all(
      running.map((slot) => {
        if (slot.task) settle(slot.task, new Error(`The ${this.options.name} workers were shut down.`));
        return slot.worker.terminate();
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
      slot.channel.postMessage({ type: 'request', id: task.id, method: task.method, params: task.params });
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
    const worker = new Worker(this.options.script, { workerData: this.options.workerData });
    const slot: Slot = { index, worker, channel: workerChannel<FromWorker, ToWorker>(worker), task: undefined };
    slot.channel.onMessage((message) => this.onMessage(slot, message));
    worker.on('error', (error) => this.onWorkerGone(slot, error.message));
    worker.on('exit', (code) => this.onWorkerGone(slot, `exit code ${code}`));
    this.slots[index] = slot;
    return slot;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
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
  }

  private onWorkerGone(slot: Slot, reason: string): void {
    if (this.slots[slot.index] !== slot) return;
    this.slots[slot.index] = undefined;
    if (slot.task) {
      settle(slot.task, new Error(`A ${this.options.name} worker stopped unexpectedly (${reason}); it will be restarted.`));
      slot.task = undefined;
    }
    if (!this.disposed) this.dispatch();
  }

  private cancel(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued !== -1) this.queue.splice(queued, 1);
    else this.slots.find((slot) => slot?.task === task)?.channel.postMessage({ type: 'cancel', id: task.id });
    settle(task, new CancelledError());
  }
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
