import type { RankingMode } from '../retrieval/rankChunks';

/** The knobs of the method (algorithm.md, Parameters), with their defaults. */
export interface CompressionParameters {
  /** Hard cap on output tokens, in the budget tokenizer. */
  readonly budget: number;
  /** R_fine: the share of each function it may trim that stage 2 keeps, on average; 1 = coarse only. */
  readonly fineRatio: number;
  /** Importance weighting of per-function budgets. */
  readonly beta: number;
  /** k of the spike threshold: a rise of at least k x std(v) splits a block. */
  readonly spikeK: number;
  /** Functions shorter than this many lines are kept whole. */
  readonly minLinesForFine: number;
  /** Neural scoring pool, in multiples of B_coarse. */
  readonly poolFactor: number;
  readonly ranking: RankingMode;
  /** Completion mode: fuse the structural evidence list (docs/structure.md); no effect on questions. */
  readonly structure: 'on' | 'off';
}

export const QUESTION_BUDGET = 4000;
export const COMPLETION_BUDGET = 2000;

/**
 * algorithm.md's defaults but for fineRatio and beta (the paper's 0.8 and 0.5): 0.9 and 1 kept the most
 * described functions whole in the compression benchmark (docs/compression.md, docs/benchmarks.md).
 */
export const DEFAULT_PARAMETERS: Omit<CompressionParameters, 'budget'> = {
  fineRatio: 0.9,
  beta: 1,
  spikeK: 0.2,
  minLinesForFine: 5,
  poolFactor: 3,
  ranking: 'auto',
  structure: 'on',
};
