import type { ScoreOptions, Scorer } from './scorer';

/** exp(-mean log-probability); NaN for no tokens. */
export function perplexity(logProbs: ArrayLike<number>): number {
  if (logProbs.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < logProbs.length; i++) sum += logProbs[i]!;
  return Math.exp(-sum / logProbs.length);
}

/**
 * AMI(c, q) = PPL(q) - PPL(q | c) for every chunk, from one batched call (the unconditioned query
 * first). Positive: the chunk makes the query more predictable.
 */
export async function amiScores(
  scorer: Scorer,
  chunkTexts: readonly string[],
  query: string,
  options?: ScoreOptions,
): Promise<Float64Array> {
  const [unconditioned, ...conditioned] = await scorer.queryLogProbs(['', ...chunkTexts], query, options);
  const base = perplexity(unconditioned!);
  return Float64Array.from(conditioned, (logProbs) => base - perplexity(logProbs));
}
