import type { FileChunks } from '../chunking/chunk';
import type { Scorer } from '../scoring/scorer';
import type { Cursor } from './completionQuery';
import type { TextCounts } from './compressionResult';
import type { CompressionParameters } from './parameters';
import type { PinSpec } from './resolvePins';

/** The question, or the place a completion is wanted. */
export type CompressionQuery =
  | { readonly mode: 'question'; readonly text: string }
  | { readonly mode: 'completion'; readonly cursor: Cursor };

/** Text a scorer must not learn from (completion: the current function), as UTF-16 offsets of a file. */
export interface HiddenSpan {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

export interface CompressionRequest {
  /** The chunked context, files in the order they are rendered. */
  readonly files: readonly FileChunks[];
  /** Files left out before chunking, with the reason: reported, not compressed. */
  readonly skipped?: readonly { readonly path: string; readonly reason: string }[];
  readonly query: CompressionQuery;
  readonly parameters: CompressionParameters;
  readonly pins?: readonly PinSpec[];
  readonly format?: 'text' | 'markdown';
  /** Milliseconds the caller spent collecting and chunking the files, reported with the stages. */
  readonly prepared?: { readonly chunkMillis: number };
}

export interface CompressionServices {
  /** The scorer for this context; `hidden` is what it must not be trained on. */
  scorer(hidden: HiddenSpan | undefined): Scorer;
  /** A cheap scorer for the neural scorer's prefilter (the n-gram one); none: no prefilter. */
  cheapScorer?(hidden: HiddenSpan | undefined): Scorer;
  /** The budget tokenizer. */
  countTokens(text: string): number;
  /** How many texts the scorers have answered so far, by scoring and from the cache; none: not counted. */
  scoringCounts?(): TextCounts;
  readonly signal?: AbortSignal;
  /** Which stage runs, and how far it has got. */
  onProgress?(stage: 'rank' | 'fine' | 'render', done: number, total: number): void;
}
