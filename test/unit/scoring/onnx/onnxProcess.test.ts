import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { OnnxProcessScorer, type OnnxProcessScorerOptions } from '../../../../src/core/scoring/onnx/onnxProcessScorer';
import { CancelledError } from '../../../../src/core/workers/protocol';
import { openTinyScorer, QUERY, SAMPLES, tinyModelDir } from './tinyModel';

const script = path.join(__dirname, 'onnx.worker.js');

function openInChild(options: Partial<OnnxProcessScorerOptions> = {}): Promise<OnnxProcessScorer> {
  return OnnxProcessScorer.open({ script, folder: tinyModelDir, dtype: 'fp32', threads: 1, ...options });
}

describe('OnnxProcessScorer: the neural scorer in a child process', () => {
  it('gives the same log-probs, line values, notes and progress as in this process', async () => {
    const child = await openInChild({ window: 64 });
    const local = await openTinyScorer({ window: 64 });
    try {
      assert.deepEqual(child.info(), local.info());
      const progress: number[] = [];
      const notes: string[] = [];
      const options = { onProgress: (done: number) => progress.push(done), onNote: (note: string) => notes.push(note) };
      const contexts = [...SAMPLES, ''];
      const fromChild = await child.queryLogProbs(contexts, QUERY, options);
      assert.deepEqual(fromChild, await local.queryLogProbs(contexts, QUERY));
      assert.ok(fromChild.every((logProbs) => logProbs instanceof Float64Array));
      assert.equal(progress.at(-1), contexts.length);
      assert.equal(notes.length, 1, 'the longest context is cut to the window');
      assert.deepEqual(await child.lineLogProbs(SAMPLES[2]!), await local.lineLogProbs(SAMPLES[2]!));
    } finally {
      await Promise.all([child.dispose(), local.dispose()]);
    }
  });

  it('stops a long run promptly when cancelled, and scores again afterwards', async () => {
    const child = await openInChild({ batchRows: 1, cacheBytes: 0 });
    try {
      const many = Array.from({ length: 2000 }, (_, i) => `${SAMPLES[i % SAMPLES.length]}# variant ${i}\n`);
      const controller = new AbortController();
      let abortedAt = 0;
      const run = child.queryLogProbs(many, QUERY, {
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 5 && !abortedAt) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
      });
      await assert.rejects(run, CancelledError);
      assert.ok(performance.now() - abortedAt < 500, `ended ${performance.now() - abortedAt} ms after the abort`);
      const stats = await child.stats();
      assert.ok(stats.passes < 100, `the child stopped after ${stats.passes} of 2000 passes`);
      const [again] = await child.queryLogProbs([SAMPLES[0]!], QUERY);
      assert.ok(again!.length > 0);
    } finally {
      await child.dispose();
    }
  });

  it('kills a child whose pass outlasts the grace period after a cancel; the next request starts a fresh one', async () => {
    // Passes of 64 contexts take tens of milliseconds: one is always in flight when the grace ends.
    const child = await openInChild({ batchRows: 64, batchTokens: 1e6, cacheBytes: 0, cancelGraceMs: 1 });
    try {
      const controller = new AbortController();
      const many = Array.from({ length: 2000 }, (_, i) => `${SAMPLES[i % SAMPLES.length]}# variant ${i}\n`);
      const run = child.queryLogProbs(many, QUERY, { signal: controller.signal, onProgress: () => controller.abort() });
      await assert.rejects(run, CancelledError);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal((await child.stats()).passes, 0, 'a fresh child, with the model loaded again');
      const [again] = await child.queryLogProbs([SAMPLES[0]!], QUERY);
      assert.ok(again!.length > 0);
    } finally {
      await child.dispose();
    }
  });

  it('stops a child above its memory limit with a clear error', async () => {
    await assert.rejects(
      openInChild({ memoryLimit: { bytes: 40 * 1024 * 1024, setting: 'longcodezip.scorer.memoryLimitMB', sampleMs: 10 } }),
      /The neural scorer process used \d+ MB of memory, above its limit of 40 MB, and was stopped; raise longcodezip.scorer.memoryLimitMB to allow it more\./,
    );
  });

  it('passes the model folder’s one-line error through', async () => {
    await assert.rejects(openInChild({ folder: path.join(tinyModelDir, 'missing') }), (error: Error) => {
      assert.match(error.message, /^Model folder .*missing does not exist: download the model/);
      assert.equal(error.message.split('\n').length, 1);
      return true;
    });
  });
});
