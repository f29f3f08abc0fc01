import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankChunks } from '../../../src/core/retrieval/rankChunks';
import type { Scorer, ScorerInfo } from '../../../src/core/scoring/scorer';

/** A scorer whose conditional perplexity per chunk text is given: AMI = e^5 - PPL. */
function fixedScorer(name: ScorerInfo['name'], perplexityOf: Record<string, number>): Scorer {
  return {
    info: () => ({ name, model: 'fixed', device: 'cpu', dtype: 'f64', threads: 1 }),
    queryLogProbs: async (contexts) => contexts.map((c) => Float64Array.of(c === '' ? -5 : -Math.log(perplexityOf[c]!))),
    lineLogProbs: async () => new Float64Array(),
  };
}

// BM25: cache, stale, then db and log (no shared word, source order). AMI: db, cache, stale, log.
const chunks = [
  { id: 'db', text: 'def connect(url): return driver.open(url)' },
  { id: 'cache', text: 'def evict(cache): drop stale cache entries' },
  { id: 'stale', text: 'def is_stale(entry): return entry.age > limit' },
  { id: 'log', text: 'def log(text): print(text)' },
];
const perplexity = { [chunks[0]!.text]: 10, [chunks[1]!.text]: 60, [chunks[2]!.text]: 80, [chunks[3]!.text]: 100 };
const query = 'drop stale cache entries';

describe('rankChunks', () => {
  it('with the n-gram scorer, auto fuses AMI and BM25 and shows both components', async () => {
    const ranked = await rankChunks(chunks, query, fixedScorer('ngram', perplexity));
    assert.deepEqual(ranked.map((r) => [r.id, r.ami.rank, r.bm25.rank]), [
      ['cache', 2, 1],
      ['db', 1, 3],
      ['stale', 3, 2],
      ['log', 4, 4],
    ]);
    assert.equal(ranked[0]!.score, 1 / 62 + 1 / 61);
    assert.ok(Math.abs(ranked[1]!.ami.score - (Math.exp(5) - 10)) < 1e-9);
  });

  it('with a neural scorer, auto ranks by AMI alone and the score is the AMI', async () => {
    const ranked = await rankChunks(chunks, query, fixedScorer('onnx', perplexity));
    assert.deepEqual(ranked.map((r) => r.id), ['db', 'cache', 'stale', 'log']);
    assert.ok(Math.abs(ranked[0]!.score - (Math.exp(5) - 10)) < 1e-9);
    assert.equal(ranked[0]!.bm25.rank, 3, 'BM25 is still reported');
  });

  it('an explicit mode overrides auto', async () => {
    const ranked = await rankChunks(chunks, query, fixedScorer('onnx', perplexity), { mode: 'fused' });
    assert.equal(ranked[0]!.id, 'cache');
  });

  it('extra lists (structural evidence) join the fusion and are reported by name', async () => {
    const ranked = await rankChunks(chunks, query, fixedScorer('ngram', perplexity), { extraLists: { structure: ['log'] } });
    assert.equal(ranked.find((r) => r.id === 'log')!.extra.structure?.rank, 1);
    assert.equal(ranked.find((r) => r.id === 'db')!.extra.structure, undefined);
    assert.equal(ranked[0]!.id, 'log', 'last everywhere else, first by structure: 1/64 + 1/64 + 1/61 beats 1/62 + 1/61');
  });
});
