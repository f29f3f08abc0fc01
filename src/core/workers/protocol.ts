// The messages between a caller and a worker (a worker thread or a child process): requests with an
// id, progress and a result or an error for each, and cancellation of a request in flight.

export interface RequestMessage {
  readonly type: 'request';
  readonly id: number;
  readonly method: string;
  readonly params: unknown;
}

export interface CancelMessage {
  readonly type: 'cancel';
  readonly id: number;
}

export interface ResultMessage {
  readonly type: 'result';
  readonly id: number;
  readonly result: unknown;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly id: number;
  readonly error: { readonly name: string; readonly message: string };
}

export interface ProgressMessage {
  readonly type: 'progress';
  readonly id: number;
  readonly progress: unknown;
}

/** A child process's own report of its resident memory, sent where the parent cannot read it (not Linux). */
export interface MemoryReportMessage {
  readonly type: 'memory';
  readonly residentBytes: number;
}

export type ToWorker = RequestMessage | CancelMessage;
export type FromWorker = ResultMessage | ErrorMessage | ProgressMessage;

/** Either side of the channel: a worker thread's port, or a child process's IPC. */
export interface MessageChannelEnd<In, Out> {
  postMessage(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** What a worker method receives besides its parameters. */
export interface RequestContext {
  readonly signal: AbortSignal;
  progress(progress: unknown): void;
}

export type Handlers = Record<string, (params: never, context: RequestContext) => Promise<unknown> | unknown>;

/** The error a cancelled request rejects with. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'Cancelled.') {
    super(message);
  }
}
