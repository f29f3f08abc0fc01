/** A mean and its standard error (sample standard deviation / √n; 0 for fewer than two values). */
export interface Estimate {
  readonly mean: number;
  readonly se: number;
  readonly n: number;
}

export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: NaN, se: NaN, n };
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (n < 2) return { mean, se: 0, n };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n), n };
}

/** The mean of per-task differences a[i] − b[i] (paired: the same tasks), with its standard error. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate {
  if (a.length !== b.length) throw new Error(`paired samples differ in size: ${a.length} and ${b.length}`);
  return estimate(a.map((value, i) => value - b[i]!));
}

/** Quantiles by the nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
