export interface BatchLimits {
  /** At most this many sequences in one pass. */
  readonly rows: number;
  /** At most this many padded tokens (rows x the longest) in one pass; a longer sequence runs alone. */
  readonly tokens: number;
}

/**
 * Groups sequences into passes, longest first, so that sequences of similar length share a pass and
 * little is spent on padding. Returns indices into `sizes`.
 */
export function planBatches(sizes: readonly number[], limits: BatchLimits): number[][] {
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  let widest = 0;
  for (const index of order) {
    const width = Math.max(widest, sizes[index]!);
    if (current.length > 0 && (current.length + 1 > limits.rows || (current.length + 1) * width > limits.tokens)) {
      batches.push(current);
      current = [];
    }
    if (current.length === 0) widest = sizes[index]!;
    current.push(index);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
