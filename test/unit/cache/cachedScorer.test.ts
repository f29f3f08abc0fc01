import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CachedScorer, type CachedScorerOptions } from '../../../src/core/cache/cachedScorer';
import { DiskStore } from '../../../src/core/cache/diskStore';
import type { ScoreOptions, Scorer, ScorerInfo } from '../../../src/core/scoring/scorer';

const INFO: ScorerInfo = { name: 'onnx', model: 'tiny', device: 'cpu', dtype: 'fp32', threads: 1 };

/** A deterministic scorer that records every call: the values depend on the texts only. */
class CountingScorer implements Scorer {
  readonly queryCalls: string[][] = [];
  readonly lineCalls: string[] = [];
  info = () => INFO;
  async queryLogProbs(contexts: readonly string[], query: string, options?: ScoreOptions): Promise<Float64Array[]> {
    this.queryCalls.push([...contexts]);
    options?.onNote?.('cut to the window');
    contexts.forEach((_, i) => options?.onProgress?.(i + 1, contexts.length));
    return contexts.map((context) => Float64Array.from(query, (ch, t) => -((context.length * 31 + ch.charCodeAt(0) + t) % 97) / 7));
  }
  async lineLogProbs(text: string): Promise<Float64Array> {
    this.lineCalls.push(text);
    return Float64Array.from(text.split('\n'), (line) => (line.trim() === '' ? Number.NaN : -line.length / 3));
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-scorer-cache-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh store and CachedScorer, as a new process would make them; counts how often the real scorer is opened. */
function cachedRun(overrides: Partial<CachedScorerOptions> = {}) {
  const inner = new CountingScorer();
  const store = new DiskStore({ dir });
  let opened = 0;
  const scorer = new CachedScorer({
    store,
    fingerprint: 'tiny|fp32|tokenizer-abc',
    info: INFO,
    open: async () => {
      opened += 1;
      return inner;
    },
    ...overrides,
  });
  return { scorer, inner, store, opened: () => opened };
}

const plain = (arrays: readonly Float64Array[]) => arrays.map((a) => [...a]);
const QUERY = 'where is the price computed?';

describe('CachedScorer: query log-probs', () => {
  it('a warm run answers everything from disk: identical values, and the real scorer is never opened', async () => {
    const contexts = ['', 'def price(item):\n    return item.cost\n', 'def tax(item):\n    return 0.2\n'];
    const cold = cachedRun();
    const first = await cold.scorer.queryLogProbs(contexts, QUERY);
    assert.deepEqual(cold.inner.queryCalls, [contexts]);
    assert.deepEqual(plain(first), plain(await new CountingScorer().queryLogProbs(contexts, QUERY)));
    await cold.store.flush();

    const warm = cachedRun();
    assert.deepEqual(plain(await warm.scorer.queryLogProbs(contexts, QUERY)), plain(first));
    assert.equal(warm.opened(), 0);
  });

  it('partial hits: one call to the real scorer with only the misses, in their order; results in the caller\'s order', async () => {
    const cold = cachedRun();
    await cold.scorer.queryLogProbs(['a()', 'b()'], QUERY);
    await cold.store.flush();

    const warm = cachedRun();
    const contexts = ['c()', 'a()', '', 'b()', 'd()'];
    const results = await warm.scorer.queryLogProbs(contexts, QUERY);
    assert.deepEqual(warm.inner.queryCalls, [['c()', '', 'd()']]);
    assert.deepEqual(plain(results), plain(await new CountingScorer().queryLogProbs(contexts, QUERY)));
  });

  it('asks once for a text that appears twice, and gives each its own array', async () => {
    const run = cachedRun();
    const [first, second] = await run.scorer.queryLogProbs(['same()', 'same()'], QUERY);
    assert.deepEqual(run.inner.queryCalls, [['same()']]);
    assert.deepEqual([...first!], [...second!]);
    first![0] = 0;
    assert.notEqual(second![0], 0);
  });

  it('another query, scorer fingerprint or format misses', async () => {
    const cold = cachedRun();
    await cold.scorer.queryLogProbs(['a()'], QUERY);
    await cold.store.flush();

    const otherQuery = cachedRun();
    await otherQuery.scorer.queryLogProbs(['a()'], 'another question');
    const otherModel = cachedRun({ fingerprint: 'tiny|fp16|tokenizer-abc' });
    await otherModel.scorer.queryLogProbs(['a()'], QUERY);
    assert.equal(otherQuery.inner.queryCalls.length + otherModel.inner.queryCalls.length, 2);
  });

  it('reports progress over all contexts, hits included, and passes the real scorer\'s notes on', async () => {
    const cold = cachedRun();
    await cold.scorer.queryLogProbs(['a()', 'b()'], QUERY);
    await cold.store.flush();

    const warm = cachedRun();
    const progress: string[] = [];
    const notes: string[] = [];
    await warm.scorer.queryLogProbs(['a()', 'b()', 'c()', 'd()'], QUERY, {
      onProgress: (done, total) => progress.push(`${done}/${total}`),
      onNote: (note) => notes.push(note),
    });
    assert.deepEqual(progress, ['3/4', '4/4']);
    assert.deepEqual(notes, ['cut to the window']);
  });

  it('a cancelled call stops before opening the scorer', async () => {
    const run = cachedRun();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(run.scorer.queryLogProbs(['a()'], QUERY, { signal: controller.signal }));
    assert.equal(run.opened(), 0);
  });
});

describe('CachedScorer: line log-probs', () => {
  it('a function scored once is answered from disk in a new run, NaN lines included, without opening the scorer', async () => {
    const text = 'def price(item):\n\n    return item.cost\n';
    const cold = cachedRun();
    const first = await cold.scorer.lineLogProbs(text);
    await cold.store.flush();

    const warm = cachedRun();
    const again = await warm.scorer.lineLogProbs(text);
    assert.deepEqual([...again], [...first]);
    assert.ok(Number.isNaN(again[1]));
    assert.equal(warm.opened(), 0);
    await warm.scorer.lineLogProbs('def tax():\n    pass\n');
    assert.deepEqual(warm.inner.lineCalls, ['def tax():\n    pass\n']);
  });

  it('opens the real scorer once for many misses, and again after an opening that failed', async () => {
    const inner = new CountingScorer();
    let attempts = 0;
    const scorer = new CachedScorer({
      store: new DiskStore({ dir }),
      fingerprint: 'f',
      info: INFO,
      open: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('model missing');
        return inner;
      },
    });
    await assert.rejects(scorer.lineLogProbs('a'), /model missing/);
    await Promise.all(['b', 'c', 'd'].map((text) => scorer.lineLogProbs(text)));
    assert.equal(attempts, 2);
    assert.equal(scorer.info(), INFO);
  });
});
