/**
 * Where a function's lines split into blocks (algorithm.md, Stage 2.2): after every spike line, a valid
 * line at least as high as its valid neighbours with one of the two rises at least k x std of the valid
 * values. The first and last valid lines are never spikes; fewer than 3 valid lines make one block.
 * A flat top (equal neighbours) is one spike: only its last line splits, its left rise measured from the
 * value before the flat run, so a plateau is not cut into one-line blocks.
 *
 * Returns the 0-based indices of the lines that start a new block (the line after each spike), ascending.
 */
export function spikeSplits(values: ArrayLike<number>, k: number): number[] {
  const valid: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) valid.push(i);
  if (valid.length < 3) return [];
  const threshold = k * standardDeviation(valid.map((i) => values[i]!));
  const splits: number[] = [];
  for (let j = 1; j < valid.length - 1; j++) {
    const here = values[valid[j]!]!;
    const next = values[valid[j + 1]!]!;
    if (next === here) continue; // inside a flat run: its last line decides
    let before = j - 1;
    while (before > 0 && values[valid[before]!]! === here) before--;
    const previous = values[valid[before]!]!;
    if (here < previous || here < next) continue;
    const rise = Math.max(here - previous, here - next);
    if (rise > 0 && rise >= threshold) splits.push(valid[j]! + 1);
  }
  return splits;
}

/** Population standard deviation. */
function standardDeviation(xs: readonly number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
}
