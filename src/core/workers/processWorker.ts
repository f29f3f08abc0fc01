import { fork } from 'node:child_process';
import { MEMORY_REPORT_ENV, WORKER_DATA_ENV } from './channels';
import { keepTail, lastErrorLine } from './outputTail';
import type { FromWorker, MemoryReportMessage, ToWorker } from './protocol';
import { pollResidentBytes } from './residentMemory';
import type { WorkerEnd, WorkerHandle } from './workerHandle';

export interface ProcessWorkerOptions {
  /** The bundled script; it calls serveRequests on processChannel(). */
  readonly script: string;
  /** Passed as JSON in the environment; the child reads it with processWorkerData(). */
  readonly workerData?: unknown;
  /** Kill the child when its resident memory goes above this many bytes. */
  readonly memoryLimitBytes?: number;
  /** How often its memory is looked at. */
  readonly memorySampleMs?: number;
  /**
   * Where the figures come from: /proc, read from here (Linux; works while the child is busy), or the
   * child's own reports (everywhere, but only while its event loop turns).
   */
  readonly memorySource?: 'proc' | 'childReports';
}

/** Starts a child process running `script`, with a channel to it and, if asked, a watch on its memory. */
export function startProcessWorker(options: ProcessWorkerOptions): WorkerHandle {
  const limitBytes = options.memoryLimitBytes;
  const sampleMs = options.memorySampleMs ?? 100;
  const source = options.memorySource ?? (process.platform === 'linux' ? 'proc' : 'childReports');

  // Inside VS Code process.execPath is Electron: this makes it a plain Node.
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  delete env[WORKER_DATA_ENV];
  delete env[MEMORY_REPORT_ENV];
  if (options.workerData !== undefined) env[WORKER_DATA_ENV] = JSON.stringify(options.workerData);
  if (limitBytes !== undefined && source === 'childReports') env[MEMORY_REPORT_ENV] = String(sampleMs);

  const child = fork(options.script, [], {
    // Typed arrays (scores, log-probs) cross intact, not as JSON objects.
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // The host's own flags (--inspect and the like) are not for this child.
    execArgv: [],
    env,
  });
  const errorOutput = keepTail(child.stderr!);
  child.stdout!.resume(); // drained, so the child never blocks on a full pipe

  let overMemory: { residentBytes: number; limitBytes: number } | undefined;
  const checkMemory = (residentBytes: number) => {
    if (limitBytes === undefined || overMemory || residentBytes <= limitBytes) return;
    overMemory = { residentBytes, limitBytes };
    child.kill('SIGKILL');
  };
  const stopPolling =
    limitBytes !== undefined && source === 'proc' && child.pid !== undefined ? pollResidentBytes(child.pid, sampleMs, checkMemory) : () => {};
  child.on('message', (message: FromWorker | MemoryReportMessage) => {
    if (message.type === 'memory') checkMemory(message.residentBytes);
  });

  let killedByCaller = false;
  let gone: ((end: WorkerEnd) => void) | undefined;
  const closed = new Promise<void>((resolve) => {
    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      stopPolling();
      resolve();
      if (killedByCaller) return;
      gone?.(overMemory ? { kind: 'overMemory', ...overMemory } : { kind: 'exited', reason });
    };
    child.on('error', (error) => {
      if (child.pid === undefined) end(`it could not start: ${error.message}`);
    });
    // 'close' rather than 'exit': by then all of its error output has been read.
    child.on('close', (code, signal) => end(describeExit(code, signal, errorOutput())));
  });

  return {
    channel: {
      postMessage: (message: ToWorker) => {
        // A send to a child that just died fails; its exit is reported through onGone.
        if (child.connected) child.send(message, () => {});
      },
      onMessage: (listener) =>
        child.on('message', (message: FromWorker | MemoryReportMessage) => {
          if (message.type !== 'memory') listener(message);
        }),
    },
    onGone: (listener) => (gone = listener),
    kill: () => {
      killedByCaller = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return closed;
    },
  };
}

function describeExit(code: number | null, signal: NodeJS.Signals | null, errorOutput: string): string {
  const how = signal ? `killed by ${signal}` : `exit code ${code}`;
  const line = lastErrorLine(errorOutput);
  return line ? `${how}; its last error output: ${line}` : how;
}
