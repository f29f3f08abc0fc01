import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knapsack, MAX_KNAPSACK_CELLS } from '../../../../src/core/compress/fine/knapsack';
import { seededRandom } from '../../../helpers/seededRandom';

const total = (xs: readonly number[], chosen: readonly number[]) => chosen.reduce((sum, i) => sum + xs[i]!, 0);

/** The best total value over every subset that fits (and holds the parent of every item it holds). */
function bruteForce(weights: readonly number[], values: readonly number[], capacity: number, parents: readonly (number | undefined)[] = []): number {
  let best = 0;
  for (let mask = 0; mask < 1 << weights.length; mask++) {
    if (parents.some((parent, i) => parent !== undefined && mask & (1 << i) && !(mask & (1 << parent)))) continue;
    let w = 0;
    let v = 0;
    for (let i = 0; i < weights.length; i++) {
      if (mask & (1 << i)) {
        w += weights[i]!;
        v += values[i]!;
      }
    }
    if (w <= capacity) best = Math.max(best, v);
  }
  return best;
}

describe('0/1 knapsack over block tokens', () => {
  it('picks the best-valued set that fits, not the greedy one', () => {
    // Greedy by value/weight takes item 0 (ratio 1.0) and then nothing fits; items 1 + 2 are worth more.
    assert.deepEqual(knapsack([6, 5, 5], [6, 4.5, 4.5], 10), [1, 2]);
  });

  it('returns nothing for a negative capacity and keeps zero-weight valuable items at capacity 0', () => {
    assert.deepEqual(knapsack([1, 2], [1, 1], -1), []);
    assert.deepEqual(knapsack([0, 2], [0.5, 1], 0), [0]);
  });

  it('among equal values keeps the heavier set (a block that fits is not left out for nothing)', () => {
    assert.deepEqual(knapsack([3, 4], [1, 0], 10), [0, 1]);
  });

  it('matches brute force on random small cases', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = seededRandom(seed);
      const n = 1 + Math.floor(random() * 10);
      const weights = Array.from({ length: n }, () => 1 + Math.floor(random() * 40));
      const values = Array.from({ length: n }, () => (random() < 0.1 ? 0 : random()));
      const capacity = Math.floor(random() * total(weights, weights.map((_, i) => i)));
      const chosen = knapsack(weights, values, capacity);
      assert.ok(total(weights, chosen) <= capacity, `seed ${seed}: over capacity`);
      assert.equal(new Set(chosen).size, chosen.length, `seed ${seed}: an item twice`);
      const best = bruteForce(weights, values, capacity);
      assert.ok(Math.abs(total(values, chosen) - best) < 1e-9, `seed ${seed}: ${total(values, chosen)} vs best ${best}`);
    }
  });

  it('takes a nested block only with the block that holds it, and matches brute force over random forests', () => {
    // Item 1 (valuable) needs item 0 (worthless): together they fit and beat item 2 alone.
    assert.deepEqual(knapsack([3, 3, 5], [0, 5, 4], 6, [undefined, 0, undefined]), [0, 1]);
    // Without room for the parent too, the child cannot be taken.
    assert.deepEqual(knapsack([3, 3, 5], [0, 5, 4], 5, [undefined, 0, undefined]), [2]);
    for (let seed = 1; seed <= 500; seed++) {
      const random = seededRandom(7000 + seed);
      const n = 1 + Math.floor(random() * 10);
      // Preorder forest: each item's parent is an open ancestor (one on the path from the last item up).
      const parents: (number | undefined)[] = [];
      const path: number[] = [];
      for (let i = 0; i < n; i++) {
        path.length = Math.floor(random() * (path.length + 1));
        parents.push(path[path.length - 1]);
        path.push(i);
      }
      const weights = Array.from({ length: n }, () => Math.floor(random() * 30));
      const values = Array.from({ length: n }, () => (random() < 0.2 ? 0 : random()));
      const capacity = Math.floor(random() * total(weights, weights.map((_, i) => i)));
      const chosen = knapsack(weights, values, capacity, parents);
      const picked = new Set(chosen);
      assert.ok(total(weights, chosen) <= capacity, `seed ${seed}: over capacity`);
      for (const i of chosen) assert.ok(parents[i] === undefined || picked.has(parents[i]!), `seed ${seed}: ${i} without its parent`);
      const best = bruteForce(weights, values, capacity, parents);
      assert.ok(Math.abs(total(values, chosen) - best) < 1e-9, `seed ${seed}: ${total(values, chosen)} vs best ${best}`);
    }
  });

  it('scales weights down above the cell limit and never exceeds the capacity in true tokens', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(1000 + seed);
      const n = 200 + Math.floor(random() * 200);
      const weights = Array.from({ length: n }, () => 1 + Math.floor(random() * 2000));
      const values = Array.from({ length: n }, () => random());
      const sum = total(weights, weights.map((_, i) => i));
      const capacity = Math.floor(sum * (0.2 + 0.6 * random()));
      assert.ok(capacity * n > MAX_KNAPSACK_CELLS, 'the case must trigger scaling');
      const chosen = knapsack(weights, values, capacity);
      assert.ok(total(weights, chosen) <= capacity, `seed ${seed}: ${total(weights, chosen)} > ${capacity}`);
      // Rounding costs a little of the capacity, not most of it.
      assert.ok(total(weights, chosen) >= 0.9 * capacity, `seed ${seed}: only ${total(weights, chosen)} of ${capacity} used`);
    }
  });

  it('weights just over a multiple of the scale factor, where rounding down would take too many, stay within capacity', () => {
    // 3,000 blocks of 1,001 tokens and room for 1,000 of them: the factor is 1,501.5, so rounding 1,001 down
    // would make every block weigh 0 and all 3,000 would be taken.
    const weights = Array.from({ length: 3000 }, () => 1001);
    const chosen = knapsack(weights, weights.map(() => 1), 1001 * 1000);
    assert.ok(total(weights, chosen) <= 1001 * 1000);
    assert.ok(chosen.length >= 500, `${chosen.length} chosen`);
  });
});
