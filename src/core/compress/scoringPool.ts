import type { Chunk } from '../chunking/chunk';
import { rankChunks, type RankOptions } from '../retrieval/rankChunks';
import type { Scorer } from '../scoring/scorer';

/**
 * Workspace scale with a neural scorer (algorithm.md, Stage 1): a cheap first ranking (BM25 fused with the
 * n-gram scorer's AMI) narrows the candidates to the best `poolTokens` tokens before the model scores them.
 */
export async function scoringPool(
  candidates: readonly Chunk[],
  query: string,
  cheapScorer: Scorer,
  tokens: (id: string) => number,
  poolTokens: number,
  options: Omit<RankOptions, 'mode'> = {},
): Promise<Chunk[]> {
  const total = candidates.reduce((sum, chunk) => sum + tokens(chunk.id), 0);
  if (total <= poolTokens) return [...candidates];
  const ranked = await rankChunks(candidates, query, cheapScorer, { ...options, mode: 'fused' });
  const pool = new Set<string>();
  let spent = 0;
  for (const { id } of ranked) {
    if (spent >= poolTokens) break;
    pool.add(id);
    spent += tokens(id);
  }
  return candidates.filter((chunk) => pool.has(chunk.id));
}
