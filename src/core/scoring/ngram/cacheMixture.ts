import type { CacheCounts } from './cacheCounts';
import type { CacheLevel } from './queryKind';

const ngramCounts = new Float64Array(6);
const historyCounts = new Float64Array(6);

/**
 * The cache model (Tu et al., "On the localness of software"): the global probability of ids[t] mixed
 * with the cache's counts, level by level from the lowest cache order up:
 *
 *   p_k = (c(h_k w) + κ_k p_{k-1}) / (c(h_k) + κ_k)        p_0 = the global model's probability
 *
 * c counts the conditioning text; h_k is the k - 1 tokens before t; a level whose history the cache has
 * not seen passes p_{k-1} through. That is the mix λ p_cache + (1 - λ) p_{k-1} with λ = H / (H + κ),
 * H = c(h_k), p_cache = c(h_k w) / H: a Dirichlet prior centred on the level below, so each level sums
 * to 1 over the same tokens as the global model (the cache's own tokens included).
 */
export function mixWithCache(global: number, cache: CacheCounts, ids: Int32Array, t: number, levels: readonly CacheLevel[]): number {
  if (cache.size === 0) return global;
  cache.lookup(ids, t, ngramCounts, historyCounts);
  let p = global;
  for (const level of levels) {
    const seen = historyCounts[level.order]!;
    if (seen > 0) p = (ngramCounts[level.order]! + level.concentration * p) / (seen + level.concentration);
  }
  return p;
}
