/** Above this many cells (capacity x items) the weights are scaled down (algorithm.md, Stage 2.5). */
export const MAX_KNAPSACK_CELLS = 2_000_000;

/**
 * Exact 0/1 knapsack by dynamic programming over integer weights: the indices of the items with the
 * largest total value whose weights sum to at most `capacity`; among equal values, the heavier set (a
 * block that fits is kept rather than left out for nothing). When capacity x items exceeds
 * MAX_KNAPSACK_CELLS, weights are divided by a factor rounding up and the capacity rounding down, so the
 * chosen items never exceed the true capacity. Ascending indices; none for a negative capacity.
 *
 * `parents`: an item is taken only with its parent (a nested block needs the lines of the statement that
 * holds it). Items must be in preorder: a parent before its children, each subtree contiguous. The
 * dynamic programme runs over that order: at each item, take it and go on to the next, or leave it and
 * skip its whole subtree.
 */
export function knapsack(
  weights: readonly number[],
  values: readonly number[],
  capacity: number,
  parents: readonly (number | undefined)[] = [],
): number[] {
  const n = weights.length;
  if (n === 0 || capacity < 0) return [];
  let limit = Math.floor(capacity);
  let scaled = weights.map((w) => Math.ceil(w));
  if (limit * n > MAX_KNAPSACK_CELLS) {
    const factor = (limit * n) / MAX_KNAPSACK_CELLS;
    scaled = weights.map((w) => Math.ceil(w / factor));
    limit = Math.floor(limit / factor);
  }
  const after = subtreeEnds(n, parents);
  const width = limit + 1;

  // best[i * width + c]: the best value from items i.. (in preorder) within capacity c; heaviest breaks ties.
  const best = new Float64Array((n + 1) * width);
  const heaviest = new Float64Array((n + 1) * width);
  const taken = new Uint8Array(n * width);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const skipRow = after[i]! * width;
    const nextRow = (i + 1) * width;
    const w = scaled[i]!;
    for (let c = 0; c <= limit; c++) {
      let value = best[skipRow + c]!;
      let weight = heaviest[skipRow + c]!;
      if (c >= w) {
        const withIt = best[nextRow + c - w]! + values[i]!;
        const withWeight = heaviest[nextRow + c - w]! + weights[i]!;
        if (withIt > value || (withIt === value && withWeight > weight)) {
          value = withIt;
          weight = withWeight;
          taken[row + c] = 1;
        }
      }
      best[row + c] = value;
      heaviest[row + c] = weight;
    }
  }

  const chosen: number[] = [];
  for (let i = 0, c = limit; i < n; ) {
    if (taken[i * width + c]) {
      chosen.push(i);
      c -= scaled[i]!;
      i++;
    } else i = after[i]!;
  }
  return chosen;
}

/** For each item, the index right after its subtree (preorder: the subtree is the run of its descendants). */
function subtreeEnds(n: number, parents: readonly (number | undefined)[]): number[] {
  const after = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i >= 0; i--) {
    const parent = parents[i];
    if (parent === undefined) continue;
    if (!(parent < i)) throw new Error(`knapsack: item ${i}'s parent ${parent} does not come before it`);
    after[parent] = Math.max(after[parent]!, after[i]!);
  }
  return after;
}
