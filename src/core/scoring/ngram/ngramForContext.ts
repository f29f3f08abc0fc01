import { createHash } from 'node:crypto';
import { fileText, type FileChunks } from '../../chunking/chunk';
import type { Scorer, ScorerInfo } from '../scorer';
import type { ExcludedRange } from './ngramModel';
import { NgramScorer } from './ngramScorer';

/** Bumped when the n-gram model would score the same context differently: cached scores are stale. */
const NGRAM_SCORES_VERSION = 1;

/** The n-gram scorer of one compression, not trained until `open` (a fully cached run never trains it). */
export interface ContextNgram {
  readonly info: ScorerInfo;
  /** What its answers depend on: the texts it is trained on and the range it leaves out. */
  readonly fingerprint: string;
  open(): Promise<Scorer>;
}

/**
 * The n-gram scorer for a context: trained on the context's files, with what the query came from
 * (completion: the current function) left out of its counts (algorithm.md, Stage 1).
 */
export function ngramForContext(files: readonly FileChunks[], hidden?: ExcludedRange): ContextNgram {
  const scorer = new NgramScorer();
  const hash = createHash('sha1').update(`ngram-v${NGRAM_SCORES_VERSION}\0${scorer.info().model}\0`);
  for (const file of files) hash.update(`${file.path}\0${file.contentHash}\0`);
  if (hidden) hash.update(`hidden\0${hidden.path}\0${hidden.start}\0${hidden.end}`);
  return {
    info: scorer.info(),
    fingerprint: hash.digest('hex'),
    async open() {
      await scorer.train(files.map((file) => ({ path: file.path, language: file.language, text: fileText(file) })));
      return hidden ? scorer.excluding(hidden) : scorer;
    },
  };
}
