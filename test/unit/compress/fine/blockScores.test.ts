import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockScores, sharedRanks } from '../../../../src/core/compress/fine/blockScores';
import { minMaxNormalise } from '../../../../src/core/compress/fine/normaliseScores';
import type { Scorer } from '../../../../src/core/scoring/scorer';

describe('block scores', () => {
  it('min-max normalise within a function; all equal gives 1; non-numbers count as the lowest', () => {
    assert.deepEqual(minMaxNormalise([2, 4, 3]), [0, 1, 0.5]);
    assert.deepEqual(minMaxNormalise([5, 5]), [1, 1]);
    assert.deepEqual(minMaxNormalise([7]), [1]);
    assert.deepEqual(minMaxNormalise([Number.NaN, 1, 3]), [0, 0, 1]);
    assert.deepEqual(minMaxNormalise([]), []);
  });

  it('are AMI against the query from one batched call for all functions, normalised per function', async () => {
    const calls: (readonly string[])[] = [];
    // log-prob of every query token after each context: the query is more predictable after "token".
    const logProb = (context: string) => (context === '' ? Math.log(1 / 10) : context.includes('token') ? Math.log(1 / 2) : Math.log(1 / 8));
    const scorer: Scorer = {
      info: () => ({ name: 'remote', model: 'fake', device: 'cpu', dtype: 'f32', threads: 1 }),
      queryLogProbs: async (contexts) => {
        calls.push(contexts);
        return contexts.map((c) => Float64Array.of(logProb(c), logProb(c)));
      },
      lineLogProbs: async () => new Float64Array(),
    };
    const scores = await blockScores([['a', 'sign token', 'b'], ['only block'], ['token x', 'token y']], 'q', scorer);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0], ['', 'a', 'sign token', 'b', 'only block', 'token x', 'token y']);
    assert.deepEqual(scores, [[0, 1, 0], [1], [1, 1]]);
  });

  it('rank equal scores alike: 1 + how many score higher; non-numbers last', () => {
    assert.deepEqual(sharedRanks([0.5, 2, 0.5, Number.NaN]), [2, 1, 2, 4]);
  });

  it('under fused, are the RRF of AMI and BM25 ranks among the blocks of its function', async () => {
    // AMI prefers the block with "token"; only the last block shares a term with the query.
    const logProb = (context: string) => (context === '' ? Math.log(1 / 10) : context.includes('token') ? Math.log(1 / 2) : Math.log(1 / 8));
    const scorer: Scorer = {
      info: () => ({ name: 'ngram', model: 'fake', device: 'cpu', dtype: 'f32', threads: 1 }),
      queryLogProbs: async (contexts) => contexts.map((c) => Float64Array.of(logProb(c))),
      lineLogProbs: async () => new Float64Array(),
    };
    const texts = [['token a', 'plain b', 'parse header']];
    assert.deepEqual(await blockScores(texts, 'parse the header', scorer, { ranking: 'ami' }), [[1, 0, 0]]);
    // AMI ranks 1, 2, 2; BM25 ranks 2, 2, 1: the first and last tie, the middle one is last.
    assert.deepEqual(await blockScores(texts, 'parse the header', scorer, { ranking: 'fused' }), [[1, 0, 1]]);
  });

  it('make no scorer call when there is nothing to score', async () => {
    const scorer = { queryLogProbs: async () => assert.fail('called') } as unknown as Scorer;
    assert.deepEqual(await blockScores([], 'q', scorer), []);
  });
});
