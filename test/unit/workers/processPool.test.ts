import assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { CancelledError } from '../../../src/core/workers/protocol';
import { WorkerPool, type WorkerPoolOptions } from '../../../src/core/workers/workerPool';

const script = path.join(__dirname, 'child.worker.js');
let pool: WorkerPool | undefined;
const makePool = (options: Partial<WorkerPoolOptions> = {}) =>
  (pool = new WorkerPool({ script, size: 1, name: 'scorer', kind: 'process', ...options }));

afterEach(async () => {
  await pool?.dispose();
  pool = undefined;
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, withinMs: number): Promise<number> {
  const start = Date.now();
  while (isRunning(pid)) {
    if (Date.now() - start > withinMs) assert.fail(`process ${pid} still runs after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - start;
}

/** Starts `method` and resolves with the pid the child reports as its first progress. */
function startReportingPid(workers: WorkerPool, method: string, params: unknown, signal?: AbortSignal) {
  let reportPid: (pid: number) => void = () => {};
  const pid = new Promise<number>((resolve) => (reportPid = resolve));
  const result = workers.run(method, params, { signal, onProgress: (p) => reportPid(p as number) });
  return { pid, result };
}

// A child that is never stopped would hang a test: each one fails after this instead.
const inTime = { timeout: 10_000 };

describe('WorkerPool of child processes', () => {
  it('answers in a child process, not in this one', inTime, async () => {
    const answer = await makePool().run<{ value: string; pid: number }>('echo', { value: 'hello' });
    assert.equal(answer.value, 'hello');
    assert.notEqual(answer.pid, process.pid);
  });

  it('hands the worker data to the child', inTime, async () => {
    const workers = makePool({ workerData: { modelDir: '/models/qwen', threads: 3 } });
    assert.deepEqual(await workers.run('workerData', {}), { modelDir: '/models/qwen', threads: 3 });
  });

  it('carries typed arrays across the process boundary intact', inTime, async () => {
    const values = new Float64Array([Math.PI, -1e-300, Number.MAX_VALUE / 4]);
    const weights = new Float32Array([0.1, -2.5]);
    const answer = await makePool().run<{ values: Float64Array; weights: Float32Array }>('double', { values, weights });
    assert.ok(answer.values instanceof Float64Array);
    assert.ok(answer.weights instanceof Float32Array);
    assert.deepEqual(Array.from(answer.values), Array.from(values, (v) => v * 2));
    assert.deepEqual(Array.from(answer.weights), Array.from(new Float32Array(Array.from(weights, (w) => w * 2))));
  });

  it('passes progress to the caller', inTime, async () => {
    const seen: unknown[] = [];
    assert.equal(await makePool().run('count', { to: 4 }, { onProgress: (p) => seen.push(p) }), 4);
    assert.deepEqual(seen, [1, 2, 3, 4]);
  });

  it('rejects with the child’s error, and keeps the same child', inTime, async () => {
    const workers = makePool();
    const before = await workers.run<{ pid: number }>('echo', { value: 1 });
    await assert.rejects(workers.run('unknownMethod', {}), /Unknown worker method "unknownMethod"/);
    assert.equal((await workers.run<{ pid: number }>('echo', { value: 2 })).pid, before.pid);
  });

  it('lets a child that honours cancellation live on', inTime, async () => {
    const workers = makePool();
    const before = await workers.run<{ pid: number }>('echo', { value: 1 });
    const controller = new AbortController();
    const waiting = workers.run('waitForCancel', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(waiting, CancelledError);
    assert.equal((await workers.run<{ pid: number }>('echo', { value: 2 })).pid, before.pid);
  });

  it('kills a child stuck in a computation within the grace period after a cancel, and starts a fresh one', inTime, async () => {
    const workers = makePool({ cancelGraceMs: 200 });
    const controller = new AbortController();
    const spinning = startReportingPid(workers, 'spin', {}, controller.signal);
    const pid = await spinning.pid;
    controller.abort();
    await assert.rejects(spinning.result, CancelledError);
    const tookMs = await waitUntilGone(pid, 1000);
    assert.ok(tookMs < 600, `gone after ${tookMs} ms`);
    const next = await workers.run<{ value: number; pid: number }>('echo', { value: 5 });
    assert.equal(next.value, 5);
    assert.notEqual(next.pid, pid);
  });

  it('runs the queued requests after another one’s cancellation killed their child', inTime, async () => {
    const workers = makePool({ cancelGraceMs: 100 });
    const controller = new AbortController();
    const spinning = startReportingPid(workers, 'spin', {}, controller.signal);
    const queued = [workers.run<{ value: string }>('echo', { value: 'first' }), workers.run<{ value: string }>('echo', { value: 'second' })];
    await spinning.pid;
    controller.abort();
    await assert.rejects(spinning.result, CancelledError);
    assert.deepEqual((await Promise.all(queued)).map((answer) => answer.value), ['first', 'second']);
  });

  it('kills a child whose memory goes above the limit, naming the figures and the setting', inTime, async () => {
    const workers = makePool({ memoryLimit: { bytes: 200 * 1024 * 1024, setting: 'longcodezip.scorer.memoryLimitMB', sampleMs: 50 } });
    const eating = startReportingPid(workers, 'allocate', { stepMb: 16, maxMb: 2048 });
    await assert.rejects(eating.result, (error: Error) => {
      assert.match(
        error.message,
        /^The scorer process used (\d+) MB of memory, above its limit of 200 MB, and was stopped; raise longcodezip\.scorer\.memoryLimitMB to allow it more\.$/,
      );
      const used = Number(/used (\d+) MB/.exec(error.message)![1]);
      assert.ok(used > 200 && used < 1024, `used ${used} MB`);
      return true;
    });
    assert.equal(isRunning(await eating.pid), false);
    assert.equal((await workers.run<{ value: number }>('echo', { value: 1 })).value, 1);
  });

  it('fails the request of a child that exits, quoting its last error output, and restarts it', inTime, async () => {
    const workers = makePool();
    await assert.rejects(
      workers.run('exit', { code: 7, lastWords: 'CUDA provider failed to load' }),
      { message: 'A scorer process stopped unexpectedly (exit code 7; its last error output: CUDA provider failed to load); it will be restarted.' },
    );
    assert.equal((await workers.run<{ value: string }>('echo', { value: 'again' })).value, 'again');
  });

  it('fails the request of a child killed by an uncaught exception, quoting the exception, and restarts it', inTime, async () => {
    const workers = makePool();
    await assert.rejects(
      workers.run('throwUncaught', { message: 'tensor shape mismatch' }),
      /^Error: A scorer process stopped unexpectedly \(exit code 1; its last error output: RangeError: tensor shape mismatch\); it will be restarted\.$/,
    );
    assert.equal((await workers.run<{ value: string }>('echo', { value: 'again' })).value, 'again');
  });

  it('fails clearly when the child cannot even load', inTime, async () => {
    const workers = makePool({ script: path.join(__dirname, 'brokenChild.worker.js') });
    await assert.rejects(workers.run('echo', { value: 1 }), /stopped unexpectedly \(exit code 1; its last error output: Error: the model file is missing\)/);
  });

  it('leaves no child process behind after dispose, even a busy one', inTime, async () => {
    const workers = makePool({ size: 2 });
    const spinning = startReportingPid(workers, 'spin', {});
    const stopped = assert.rejects(spinning.result, /shut down/);
    const busy = await spinning.pid;
    const idle = (await workers.run<{ pid: number }>('echo', { value: 1 })).pid;
    assert.notEqual(idle, busy);
    await workers.dispose();
    await stopped;
    assert.equal(isRunning(idle), false);
    assert.equal(isRunning(busy), false);
  });
});
