import type { Chunk } from '../../src/core/chunking/chunk';

/** Budgets as fractions of a context's tokens. */
export const BUDGET_FRACTIONS = [1 / 2, 1 / 4, 1 / 8] as const;

/**
 * A ranker's list made whole: known ids once each, in its order, then every chunk it left out, in source
 * order (a ranker may rank only some chunks).
 */
export function completeRanking(ranking: readonly string[], chunks: readonly Chunk[]): string[] {
  const known = new Set(chunks.map((c) => c.id));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ranking) {
    if (known.has(id) && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  for (const chunk of chunks) if (!seen.has(chunk.id)) out.push(chunk.id);
  return out;
}

/**
 * Greedy packing without overflow: walk the ranking, keep each chunk whose tokens fit in what is left of the
 * budget, pass over those that do not.
 */
export function packGreedy(ranking: readonly string[], tokens: ReadonlyMap<string, number>, budget: number): Set<string> {
  const kept = new Set<string>();
  let left = budget;
  for (const id of ranking) {
    const cost = tokens.get(id)!;
    if (cost <= left) {
      kept.add(id);
      left -= cost;
    }
  }
  return kept;
}

/** hit@B for each budget fraction: whether the gold chunk is among those packed. */
export function hitsAtBudgets(ranking: readonly string[], tokens: ReadonlyMap<string, number>, totalTokens: number, gold: string): boolean[] {
  return BUDGET_FRACTIONS.map((fraction) => packGreedy(ranking, tokens, Math.floor(totalTokens * fraction)).has(gold));
}
