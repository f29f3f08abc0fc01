import assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { CancelledError } from '../../../src/core/workers/protocol';
import { WorkerPool } from '../../../src/core/workers/workerPool';

const script = path.join(__dirname, 'fixture.worker.js');
let pool: WorkerPool | undefined;
const makePool = (size: number) => (pool = new WorkerPool({ script, size, name: 'test' }));

afterEach(async () => {
  await pool?.dispose();
  pool = undefined;
});

describe('WorkerPool', () => {
  it('answers every request, spreading them over its workers', async () => {
    const workers = makePool(2);
    const answers = await Promise.all([1, 2, 3, 4].map((value) => workers.run<{ value: number; threadId: number }>('echo', { value, delayMs: 50 })));
    assert.deepEqual(answers.map((a) => a.value), [1, 2, 3, 4]);
    assert.equal(new Set(answers.map((a) => a.threadId)).size, 2);
  });

  it('sends requests with the same affinity key to the same worker', async () => {
    const workers = makePool(2);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((value) => workers.run<{ threadId: number }>('echo', { value, delayMs: 10 }, { affinity: 'src/app.py' })),
    );
    assert.equal(new Set(answers.map((a) => a.threadId)).size, 1);
  });

  it('passes progress to the caller', async () => {
    const seen: unknown[] = [];
    assert.equal(await makePool(1).run('count', { to: 3 }, { onProgress: (p) => seen.push(p) }), 3);
    assert.deepEqual(seen, [1, 2, 3]);
  });

  it('rejects with the worker’s error, and keeps working', async () => {
    const workers = makePool(1);
    await assert.rejects(workers.run('fail', {}), { name: 'TypeError', message: 'bad input for this worker' });
    assert.deepEqual((await workers.run<{ value: string }>('echo', { value: 'after' })).value, 'after');
  });

  it('cancels a request in flight: the worker is told to stop and is free again', async () => {
    const workers = makePool(1);
    const controller = new AbortController();
    const waiting = workers.run('waitForCancel', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(waiting, CancelledError);
    assert.equal((await workers.run<{ value: number }>('echo', { value: 7 })).value, 7);
  });

  it('drops a cancelled request that is still queued, without running it', async () => {
    const workers = makePool(1);
    const first = workers.run<{ value: number }>('echo', { value: 1, delayMs: 100 });
    const controller = new AbortController();
    const queued = workers.run('crash', {}, { signal: controller.signal });
    controller.abort();
    await assert.rejects(queued, CancelledError);
    assert.equal((await first).value, 1);
    assert.equal((await workers.run<{ value: number }>('echo', { value: 2 })).value, 2, 'the crash request never ran');
  });

  it('fails the request of a worker that dies, with a clear message, and replaces the worker', async () => {
    const workers = makePool(1);
    await assert.rejects(workers.run('crash', {}), /A test worker stopped unexpectedly \(exit code 3\); it will be restarted/);
    assert.equal((await workers.run<{ value: string }>('echo', { value: 'again' })).value, 'again');
  });

  it('refuses work after dispose and fails what was queued', async () => {
    const workers = makePool(1);
    const running = assert.rejects(workers.run('waitForCancel', {}), /shut down/);
    const queued = assert.rejects(workers.run('echo', { value: 1 }), /shut down/);
    await workers.dispose();
    await running;
    await queued;
    await assert.rejects(workers.run('echo', { value: 1 }), /shut down/);
  });
});
