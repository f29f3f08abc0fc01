import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { startProcessWorker } from '../../../src/core/workers/processWorker';
import type { FromWorker } from '../../../src/core/workers/protocol';
import type { WorkerEnd } from '../../../src/core/workers/workerHandle';

const script = path.join(__dirname, 'child.worker.js');

describe('a child process worker', () => {
  // What other systems than Linux rely on: the parent cannot read the child's memory there.
  it('is killed above its memory limit from its own memory reports', { timeout: 10_000 }, async () => {
    const worker = startProcessWorker({ script, memoryLimitBytes: 200 * 1024 * 1024, memorySampleMs: 50, memorySource: 'childReports' });
    const messages: FromWorker[] = [];
    worker.channel.onMessage((message) => messages.push(message));
    const ended = new Promise<WorkerEnd | 'finished allocating'>((resolve) => {
      worker.onGone(resolve);
      worker.channel.onMessage((message) => message.type === 'result' && resolve('finished allocating'));
    });
    worker.channel.postMessage({ type: 'request', id: 1, method: 'allocate', params: { stepMb: 16, maxMb: 2048 } });
    const end = await ended;
    await worker.kill();
    assert.deepEqual(end, { kind: 'overMemory', limitBytes: 200 * 1024 * 1024, residentBytes: (end as { residentBytes: number }).residentBytes });
    assert.ok((end as { residentBytes: number }).residentBytes > 200 * 1024 * 1024);
    assert.ok(messages.every((message) => (message as { type: string }).type !== 'memory'), 'memory reports stay out of the channel');
  });

  it('reports nothing once killed on purpose, and kill waits until it is gone', { timeout: 10_000 }, async () => {
    const worker = startProcessWorker({ script });
    let pid = 0;
    const spinning = new Promise<void>((resolve) =>
      worker.channel.onMessage((message) => {
        if (message.type === 'progress') pid = message.progress as number;
        resolve();
      }),
    );
    let reported: WorkerEnd | undefined;
    worker.onGone((end) => (reported = end));
    worker.channel.postMessage({ type: 'request', id: 1, method: 'spin', params: {} });
    await spinning;
    await worker.kill();
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
    assert.equal(reported, undefined);
  });
});
