/** Above this many cells (capacity x items) the weights are scaled down (algorithm.md, Stage 2.5). */
export const MAX_KNAPSACK_CELLS = 2_000_000;

/**
 * Exact 0/1 knapsack by dynamic programming over integer weights: the indices of the items with the
 * largest total value whose weights sum to at most `capacity`; among equal values, the heavier set (a
 * block that fits is kept rather than left out for nothing). When capacity x items exceeds
 * MAX_KNAPSACK_CELLS, weights are divided by a factor rounding up and the capacity rounding down, so the
 * chosen items never exceed the true capacity. Ascending indices; none for a negative capacity.
 */
export function knapsack(weights: readonly number[], values: readonly number[], capacity: number): number[] {
  const n = weights.length;
  if (n === 0 || capacity < 0) return [];
  let limit = Math.floor(capacity);
  let scaled = weights.map((w) => Math.ceil(w));
  if (limit * n > MAX_KNAPSACK_CELLS) {
    const factor = (limit * n) / MAX_KNAPSACK_CELLS;
    scaled = weights.map((w) => Math.ceil(w / factor));
    limit = Math.floor(limit / factor);
  }

  const best = new Float64Array(limit + 1);
  const heaviest = new Float64Array(limit + 1); // true weight of the best set, for ties
  const taken = new Uint8Array(n * (limit + 1));
  for (let i = 0; i < n; i++) {
    const w = scaled[i]!;
    const row = i * (limit + 1);
    for (let c = limit; c >= w; c--) {
      const value = best[c - w]! + values[i]!;
      const weight = heaviest[c - w]! + weights[i]!;
      if (value > best[c]! || (value === best[c]! && weight > heaviest[c]!)) {
        best[c] = value;
        heaviest[c] = weight;
        taken[row + c] = 1;
      }
    }
  }

  const chosen: number[] = [];
  for (let i = n - 1, c = limit; i >= 0; i--) {
    if (taken[i * (limit + 1) + c]) {
      chosen.push(i);
      c -= scaled[i]!;
    }
  }
  return chosen.reverse();
}
