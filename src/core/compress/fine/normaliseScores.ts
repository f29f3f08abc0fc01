/**
 * Min-max normalisation to [0, 1]; all equal (or a single value) gives 1 for every one. A value that is
 * not a finite number counts as the lowest.
 */
export function minMaxNormalise(values: readonly number[]): number[] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  if (low === Infinity) return values.map(() => 1);
  if (high === low) return values.map((v) => (Number.isFinite(v) ? 1 : 0));
  return values.map((v) => (Number.isFinite(v) ? (v - low) / (high - low) : 0));
}
