import type { ChunkKind } from '../chunking/chunk';
import type { ComponentRank } from '../retrieval/rankChunks';
import type { EvidenceKind } from '../retrieval/structure/evidence';
import type { ScorerInfo } from '../scoring/scorer';
import type { LineRange } from './lineRange';
import type { CompressionParameters } from './parameters';

/** What happened to a chunk: kept whole, trimmed to some blocks, dropped, or pinned by the user. */
export type ChunkStatus = 'kept' | 'partial' | 'dropped' | 'pinned';

/** Why a chunk is in the output (or the best reason it would have been). */
export type KeepReason =
  /** Its fused (or AMI) rank won it a place in the coarse selection. */
  | 'ranked'
  /** The user pinned it. */
  | 'pinned'
  /** A container header or footer, or a function part, that kept code inside it brought along. */
  | 'container';

/** One block of a function trimmed in stage 2. */
export interface BlockDecision {
  readonly lines: LineRange;
  readonly tokens: number;
  /** AMI of the block against the query, min-max normalised within its function. */
  readonly score: number;
  /** Signature, return-like first line, comment, closing line: kept whatever the knapsack says. */
  readonly alwaysKept: boolean;
  readonly kept: boolean;
  /**
   * Which of the function's blocks this range belongs to (0-based): a block opened up at its nested
   * statements keeps its own lines in several ranges (a loop's header and closing brace), kept or
   * dropped together. Absent: a block of one range.
   */
  readonly block?: number;
  /** The block that must be kept for this one to be: the one holding the statement it is nested in. */
  readonly needs?: number;
}

export interface ChunkDecision {
  readonly id: string;
  readonly path: string;
  readonly kind: ChunkKind;
  readonly name: string | undefined;
  readonly parent: string | undefined;
  readonly startLine: number;
  readonly endLine: number;
  readonly status: ChunkStatus;
  readonly reason: KeepReason | undefined;
  /** Budget-tokenizer tokens of the whole chunk, and of what was kept of it. */
  readonly tokens: number;
  readonly keptTokens: number;
  readonly keptLines: readonly LineRange[];
  /** The score that decided (fused RRF, or AMI under `ami`); undefined when the chunk was not ranked. */
  readonly score: number | undefined;
  /** Every ranking component's rank and score, whichever decided. */
  readonly components: Readonly<Record<string, ComponentRank | undefined>>;
  /** Completion mode with `structure` on: the structural evidence that put it forward, strongest first (docs/structure.md). */
  readonly evidence?: readonly EvidenceKind[];
  /** Stage 2's blocks, for a function that was trimmed. */
  readonly blocks: readonly BlockDecision[] | undefined;
}

export interface FileDecision {
  readonly path: string;
  readonly language: string | undefined;
  readonly tokens: number;
  readonly keptTokens: number;
  readonly chunks: readonly ChunkDecision[];
}

/** Milliseconds per stage of one compression. */
export interface StageTimings {
  /** Collecting and chunking the files (cached chunks make it short). */
  readonly chunk: number;
  readonly rank: number;
  readonly coarse: number;
  readonly fine: number;
  readonly render: number;
  readonly total: number;
}

/** Texts a scorer was asked about: scored by the scorer itself, or answered by the score cache. */
export interface TextCounts {
  readonly scored: number;
  readonly cached: number;
  /** Texts left unscored because only cached answers were asked for (the panel's budget slider). */
  readonly missing: number;
}

/** What the scorers answered in one compression, per stage. */
export interface ScoringCounts {
  /** Stage 1: the chunks ranked against the query. */
  readonly rank: TextCounts;
  /** Stage 2: the kept functions' lines and blocks. */
  readonly fine: TextCounts;
}

/** Everything one compression decided: what the panel draws, `--format json` prints and tests assert on. */
export interface CompressionResult {
  /** The compressed context, exactly what an LLM would receive. */
  readonly text: string;
  readonly mode: 'question' | 'completion';
  readonly query: string;
  readonly parameters: CompressionParameters;
  readonly files: readonly FileDecision[];
  /** Files that were not compressed, with the reason (binary, too large, secret, excluded...). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly totals: {
    readonly originalTokens: number;
    readonly compressedTokens: number;
    /** originalTokens / compressedTokens. */
    readonly ratio: number;
  };
  readonly timings: StageTimings;
  readonly scorer: ScorerInfo;
  /**
   * Absent when the scorers do not count (no score cache). A new budget for the same query ranks from the
   * cache (rank.scored 0); only functions that no earlier run trimmed are scored in stage 2.
   */
  readonly scoring?: ScoringCounts;
  /** Anything the user should know: truncated inputs, a scorer fallback, an empty selection. */
  readonly notes: readonly string[];
}
