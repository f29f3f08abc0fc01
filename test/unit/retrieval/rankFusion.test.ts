import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fuseRankings, reciprocalRankFusion } from '../../../src/core/retrieval/rankFusion';

describe('reciprocal rank fusion (k = 60)', () => {
  it('sums 1 / (60 + rank) over the lists, ranks from 1', () => {
    const fused = fuseRankings([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
    ]);
    const score = Object.fromEntries(fused.map((e) => [e.id, e.score]));
    assert.equal(score.a, 1 / 61 + 1 / 63);
    assert.equal(score.b, 1 / 62 + 1 / 61);
    assert.equal(score.c, 1 / 63 + 1 / 62);
    assert.deepEqual(fused.map((e) => e.id), ['b', 'a', 'c']);
    assert.deepEqual(fused.find((e) => e.id === 'a')!.ranks, [1, 3]);
  });

  it('an item missing from a list gets nothing from it, and is still ranked', () => {
    const fused = fuseRankings([['a', 'b'], ['c']]);
    assert.deepEqual(fused.map((e) => [e.id, e.ranks]), [
      ['a', [1, undefined]],
      ['c', [undefined, 1]],
      ['b', [2, undefined]],
    ]);
  });

  it('breaks ties by the best single rank, then by first appearance', () => {
    assert.deepEqual(reciprocalRankFusion([['x', 'y'], ['y', 'x']]), ['x', 'y']);
    assert.deepEqual(reciprocalRankFusion([['p'], ['q']]), ['p', 'q']);
  });

  it('counts an id listed twice in one list once, at its first rank', () => {
    const [entry] = fuseRankings([['a', 'a']]);
    assert.equal(entry!.score, 1 / 61);
  });

  it('a smaller k sharpens the lead of first places', () => {
    assert.deepEqual(reciprocalRankFusion([['a', 'b', 'c'], ['c', 'a', 'b'], ['c', 'b', 'a']], 1), ['c', 'a', 'b']);
  });
});
