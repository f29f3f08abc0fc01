import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amiScores, perplexity } from '../../../src/core/scoring/ami';
import type { Scorer } from '../../../src/core/scoring/scorer';

describe('AMI', () => {
  it('perplexity is exp of the negative mean log-probability', () => {
    assert.equal(perplexity(Float64Array.of(Math.log(0.5), Math.log(0.5))), 2);
    assert.ok(Math.abs(perplexity([Math.log(0.25), Math.log(1)]) - 2) < 1e-12);
    assert.ok(Number.isNaN(perplexity([])));
  });

  it('is PPL(q) - PPL(q | c) per chunk, from one batched call with the empty context first', async () => {
    const calls: (readonly string[])[] = [];
    const logProbsOf: Record<string, number> = { '': Math.log(1 / 8), relevant: Math.log(1 / 2), unrelated: Math.log(1 / 16) };
    const scorer: Scorer = {
      info: () => ({ name: 'remote', model: 'fake', device: 'cpu', dtype: 'f32', threads: 1 }),
      queryLogProbs: async (contexts) => {
        calls.push(contexts);
        return contexts.map((context) => Float64Array.of(logProbsOf[context]!, logProbsOf[context]!));
      },
      lineLogProbs: async () => new Float64Array(),
    };
    const scores = await amiScores(scorer, ['relevant', 'unrelated'], 'the query');
    assert.deepEqual(calls, [['', 'relevant', 'unrelated']]);
    assert.ok(Math.abs(scores[0]! - (8 - 2)) < 1e-9);
    assert.ok(Math.abs(scores[1]! - (8 - 16)) < 1e-9);
  });
});
