export interface Admission {
  /** Tokens the chunk keeps if admitted. */
  readonly keptTokens: number;
  readonly coarseScore: number;
  /** Whether it stays within its budget share; over it (only its always-kept blocks) it waits its turn. */
  readonly withinTarget: boolean;
}

/**
 * Which chunks stay under the hard cap: those within their budget share first, then those over it, each
 * group best coarse score first; a chunk that would pass the cap is dropped and the next one tried.
 */
export function admitUnderCap(items: readonly Admission[], hardCap: number): boolean[] {
  const admitted = items.map(() => false);
  const order = items.map((_, i) => i).sort((a, b) => items[b]!.coarseScore - items[a]!.coarseScore || a - b);
  let total = 0;
  for (const withinTarget of [true, false]) {
    for (const i of order) {
      const item = items[i]!;
      if (item.withinTarget !== withinTarget || item.keptTokens <= 0 || total + item.keptTokens > hardCap) continue;
      total += item.keptTokens;
      admitted[i] = true;
    }
  }
  return admitted;
}
