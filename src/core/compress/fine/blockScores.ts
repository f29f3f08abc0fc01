import { amiScores } from '../../scoring/ami';
import type { ScoreOptions, Scorer } from '../../scoring/scorer';
import { minMaxNormalise } from './normaliseScores';

/**
 * AMI of every block against the query, from one batched scorer call for all functions, then min-max
 * normalised within each function (algorithm.md, Stage 2.4). result[f][b] belongs to blockTexts[f][b].
 */
export async function blockScores(
  blockTexts: readonly (readonly string[])[],
  query: string,
  scorer: Scorer,
  options?: ScoreOptions,
): Promise<number[][]> {
  const flat = blockTexts.flat();
  const raw = flat.length > 0 ? await amiScores(scorer, flat, query, options) : new Float64Array();
  let next = 0;
  return blockTexts.map((texts) => minMaxNormalise(Array.from(raw.subarray(next, (next += texts.length)))));
}
