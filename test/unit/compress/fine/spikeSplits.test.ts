import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineValues } from '../../../../src/core/compress/fine/lineValues';
import { spikeSplits } from '../../../../src/core/compress/fine/spikeSplits';

const NaN_ = Number.NaN;

describe('line values', () => {
  it('are log2 of each line\'s perplexity; a line with nothing to predict stays invalid', () => {
    const values = lineValues(Float64Array.of(Math.log(0.5), Math.log(0.125), NaN_, 0));
    assert.deepEqual(Array.from(values).map((v) => (Number.isNaN(v) ? 'NaN' : Math.round(v * 1e9) / 1e9)), [1, 3, 'NaN', 0]);
  });

  it('pads a short answer with invalid lines and ignores extra ones', () => {
    assert.equal(lineValues([-1], 3).length, 3);
    assert.ok(Number.isNaN(lineValues([-1], 3)[2]!));
    assert.equal(lineValues([-1, -1, -1], 2).length, 2);
  });
});

describe('spike splits (a new block starts after each spike line)', () => {
  const cases: [name: string, values: number[], k: number, splits: number[]][] = [
    ['one clear peak', [1, 1, 5, 1, 1], 0.2, [3]],
    ['two peaks', [1, 6, 1, 1, 7, 1, 1], 0.2, [2, 5]],
    ['a monotone rise has no spike', [1, 2, 3, 4, 5], 0.2, []],
    ['the last valid line is never a spike', [1, 1, 1, 9], 0.2, []],
    ['the first valid line is never a spike', [9, 1, 1, 1], 0.2, []],
    ['fewer than 3 valid lines: one block', [1, 9, NaN_, NaN_], 0.2, []],
    ['all equal: no spike', [2, 2, 2, 2], 0.2, []],
    // std of [1, 1.1, 1, 5, 1] is ~1.59; k = 0.2 gives a threshold ~0.32: the 0.1 bump is below it.
    ['a bump under k x std does not split', [1, 1.1, 1, 5, 1], 0.2, [4]],
    ['with k = 0 the same bump splits', [1, 1.1, 1, 5, 1], 0, [2, 4]],
    ['a large k silences every spike', [1, 1, 5, 1, 1], 10, []],
    ['one rise is enough: the other side may be flat-ish', [1, 5, 4.9, 4.8, 1], 0.2, [2]],
    ['a plateau top splits once, after its last line', [1, 5, 5, 5, 1, 1], 0.2, [4]],
    ['a plateau on a slope is no spike', [1, 3, 3, 5, 6], 0.2, []],
    ['invalid lines are skipped: neighbours are the nearest valid lines', [1, NaN_, 5, NaN_, 1, 1], 0.2, [3]],
    ['a spike right before invalid trailing lines still splits after itself', [1, 5, 1, NaN_, NaN_], 0.2, [2]],
  ];
  for (const [name, values, k, splits] of cases) {
    it(name, () => assert.deepEqual(spikeSplits(values, k), splits));
  }

  it('the threshold is k x the standard deviation of the valid lines only', () => {
    // Valid values 0, 1, 0, 10, 0: std = 3.92; k = 0.3 needs a rise of 1.18, the 1 misses it.
    const values = [0, NaN_, 1, 0, 10, 0];
    assert.deepEqual(spikeSplits(values, 0.3), [5]);
    assert.deepEqual(spikeSplits(values, 0.25), [3, 5]);
  });
});
