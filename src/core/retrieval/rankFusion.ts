/** RRF's constant (algorithm.md): dampens the lead of the very first ranks. */
export const RRF_K = 60;

export interface FusedEntry {
  readonly id: string;
  /** Σ 1 / (k + rank) over the lists that rank it (ranks from 1). */
  readonly score: number;
  /** Its rank in each list, 1-based; undefined where a list does not rank it. */
  readonly ranks: readonly (number | undefined)[];
}

/**
 * Reciprocal rank fusion of ranked lists (best first). An item missing from a list gets nothing from it.
 * Ties go to the item with the better best rank, then to the earlier list's order: deterministic.
 */
export function fuseRankings(lists: readonly (readonly string[])[], k = RRF_K): FusedEntry[] {
  const entries = new Map<string, { id: string; score: number; ranks: (number | undefined)[]; best: number; order: number }>();
  let order = 0;
  lists.forEach((list, listIndex) => {
    list.forEach((id, position) => {
      let entry = entries.get(id);
      if (!entry) {
        entry = { id, score: 0, ranks: new Array<number | undefined>(lists.length).fill(undefined), best: Infinity, order: order++ };
        entries.set(id, entry);
      }
      if (entry.ranks[listIndex] !== undefined) return; // an id listed twice counts at its first rank
      entry.ranks[listIndex] = position + 1;
      entry.score += 1 / (k + position + 1);
      entry.best = Math.min(entry.best, position + 1);
    });
  });
  return [...entries.values()]
    .sort((a, b) => b.score - a.score || a.best - b.best || a.order - b.order)
    .map(({ id, score, ranks }) => ({ id, score, ranks }));
}

/** Just the fused order of ids. */
export function reciprocalRankFusion(lists: readonly (readonly string[])[], k = RRF_K): string[] {
  return fuseRankings(lists, k).map((entry) => entry.id);
}
