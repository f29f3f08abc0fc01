import { bm25Scores } from '../../retrieval/bm25';
import { RRF_K } from '../../retrieval/rankFusion';
import { amiScores } from '../../scoring/ami';
import type { ScoreOptions, Scorer } from '../../scoring/scorer';
import { minMaxNormalise } from './normaliseScores';

/** Which evidence scores a block: the ranking mode stage 1 used (`fused`: AMI and BM25; `ami`: AMI alone). */
export type BlockRanking = 'fused' | 'ami';

export interface BlockScoreOptions extends ScoreOptions {
  readonly ranking?: BlockRanking;
  /** The language of each function's blocks (BM25 splits identifiers by it). */
  readonly languages?: readonly (string | undefined)[];
}

/**
 * The score of every block against the query, from one batched AMI call for all functions, min-max
 * normalised within each function (algorithm.md, Stage 2.4). Under `fused`, a block's score is the RRF of its
 * AMI rank and its BM25 rank among the blocks of its function: the evidence stage 1 ranked by, so a function
 * kept for its BM25 match keeps the blocks that match. result[f][b] belongs to blockTexts[f][b].
 */
export async function blockScores(
  blockTexts: readonly (readonly string[])[],
  query: string,
  scorer: Scorer,
  options: BlockScoreOptions = {},
): Promise<number[][]> {
  const flat = blockTexts.flat();
  const raw = flat.length > 0 ? await amiScores(scorer, flat, query, options) : new Float64Array();
  let next = 0;
  return blockTexts.map((texts, f) => {
    const ami = Array.from(raw.subarray(next, (next += texts.length)));
    if (options.ranking !== 'fused') return minMaxNormalise(ami);
    const language = options.languages?.[f];
    const bm25 = bm25Scores(texts.map((text, b) => ({ id: String(b), text, language })), query);
    const amiRanks = sharedRanks(ami);
    const bm25Ranks = sharedRanks(bm25);
    return minMaxNormalise(texts.map((_, b) => 1 / (RRF_K + amiRanks[b]!) + 1 / (RRF_K + bm25Ranks[b]!)));
  });
}

/**
 * 1 + how many score strictly higher: equal scores share a rank, so the many blocks that share no term with
 * the query (BM25 0) are not ordered by their position. Non-numbers rank last.
 */
export function sharedRanks(scores: readonly number[]): number[] {
  const finite = scores.map((s) => (Number.isFinite(s) ? s : -Infinity));
  return finite.map((s) => 1 + finite.filter((other) => other > s).length);
}
