import type { Scorer } from '../scorer';
import type { ExcludedRange, SourceFile } from './ngramModel';
import { NgramScorer } from './ngramScorer';

/**
 * The n-gram scorer of one compression: trained on the context's files, with what the query came from
 * (completion: the current function) left out of its counts (algorithm.md, Stage 1).
 */
export async function ngramForContext(files: Iterable<SourceFile>, hidden?: ExcludedRange): Promise<Scorer> {
  const scorer = new NgramScorer();
  await scorer.train(files);
  return hidden ? scorer.excluding(hidden) : scorer;
}
