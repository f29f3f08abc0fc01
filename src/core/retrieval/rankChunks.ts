import { amiScores } from '../scoring/ami';
import type { ScoreOptions, Scorer } from '../scoring/scorer';
import { bm25Scores, type RankableChunk } from './bm25';
import { fuseRankings, RRF_K } from './rankFusion';

/** `auto`: what was measured best for the scorer (algorithm.md); `fused`: AMI + BM25; `ami`: the paper's. */
export type RankingMode = 'auto' | 'fused' | 'ami';

/** One ranking component's view of a chunk: its rank (1 = best) and raw score. */
export interface ComponentRank {
  readonly rank: number;
  readonly score: number;
}

export interface RankedChunk {
  readonly id: string;
  /** The fused RRF score, or the AMI under `ami`: what stage 2's per-function budgets are weighted by. */
  readonly score: number;
  /** Every component's rank and score, shown to the user whichever decided. */
  readonly ami: ComponentRank;
  readonly bm25: ComponentRank;
  /** Extra lists (structural evidence in completion mode), by name. */
  readonly extra: Readonly<Record<string, ComponentRank | undefined>>;
}

export interface RankOptions extends ScoreOptions {
  readonly mode?: RankingMode;
  /** More ranked lists of chunk ids, best first, fused in whatever the mode (completion: structure). */
  readonly extraLists?: Readonly<Record<string, readonly string[]>>;
}

/** Which lists decide the order: with the n-gram scorer the fusion; with a neural one AMI (algorithm.md). */
export function effectiveMode(mode: RankingMode, scorer: Scorer): 'fused' | 'ami' {
  if (mode !== 'auto') return mode;
  return scorer.info().name === 'ngram' ? 'fused' : 'ami';
}

/** Ranks chunks for a query: AMI from the scorer, BM25, and any extra lists, fused by RRF (k = 60). */
export async function rankChunks(
  chunks: readonly RankableChunk[],
  query: string,
  scorer: Scorer,
  options: RankOptions = {},
): Promise<RankedChunk[]> {
  const mode = effectiveMode(options.mode ?? 'auto', scorer);
  const ami = await amiScores(scorer, chunks.map((c) => c.text), query, options);
  const bm25 = bm25Scores(chunks, query);
  const amiRanks = ranksOf(chunks, ami);
  const bm25Ranks = ranksOf(chunks, bm25);
  // Extra lists may name chunks outside these (the current function, pins, a pool's leftovers): not ranked here.
  const known = new Set(chunks.map((c) => c.id));
  const extraLists = Object.fromEntries(Object.entries(options.extraLists ?? {}).map(([name, list]) => [name, list.filter((id) => known.has(id))]));

  const decisive: string[][] = [orderOf(amiRanks)];
  if (mode === 'fused') decisive.push(orderOf(bm25Ranks));
  decisive.push(...Object.values(extraLists).map((list) => [...list]));
  const fused = fuseRankings(decisive, RRF_K);
  const amiOnly = mode === 'ami' && Object.keys(extraLists).length === 0;

  const extraRanks = Object.fromEntries(
    Object.entries(extraLists).map(([name, list]) => [name, new Map(list.map((id, i) => [id, { rank: i + 1, score: 1 / (i + 1) }]))]),
  );
  return fused.map(({ id, score }) => {
    const a = amiRanks.get(id)!;
    return {
      id,
      score: amiOnly ? a.score : score,
      ami: a,
      bm25: bm25Ranks.get(id)!,
      extra: Object.fromEntries(Object.entries(extraRanks).map(([name, ranks]) => [name, ranks.get(id)])),
    };
  });
}

/** Rank of every chunk by descending score (ties: source order). */
function ranksOf(chunks: readonly RankableChunk[], scores: ArrayLike<number>): Map<string, ComponentRank> {
  const order = chunks.map((chunk, i) => ({ id: chunk.id, score: Number.isFinite(scores[i]!) ? scores[i]! : -Infinity, i }));
  order.sort((a, b) => b.score - a.score || a.i - b.i);
  return new Map(order.map((entry, position) => [entry.id, { rank: position + 1, score: entry.score }]));
}

function orderOf(ranks: ReadonlyMap<string, ComponentRank>): string[] {
  return [...ranks.entries()].sort((a, b) => a[1].rank - b[1].rank).map(([id]) => id);
}
