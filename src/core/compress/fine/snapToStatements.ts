/**
 * Moves every split (the 0-based line a new block starts on) to the nearest statement boundary, the
 * earlier one on a tie, so that no block cuts a top-level statement in two (algorithm.md, Stage 2.2).
 * `boundaries`: lines where a statement starts; undefined for a function whose statements are unknown,
 * which keeps its raw splits. Line 0 is never a split (nothing would precede it). Ascending, no repeats.
 */
export function snapToStatements(splits: readonly number[], boundaries: readonly number[] | undefined): number[] {
  if (!boundaries) return unique(splits.filter((s) => s > 0));
  const targets = unique(boundaries.filter((b) => b > 0));
  if (targets.length === 0) return [];
  return unique(splits.map((split) => nearest(targets, split)));
}

function nearest(sorted: readonly number[], x: number): number {
  let best = sorted[0]!;
  for (const candidate of sorted) {
    if (Math.abs(candidate - x) < Math.abs(best - x)) best = candidate;
    if (candidate > x) break;
  }
  return best;
}

function unique(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}
