import type { Chunk } from '../../chunking/chunk';
import type { Scorer } from '../../scoring/scorer';
import { countTokens as countO200k } from '../../tokens/countTokens';
import type { BlockDecision } from '../compressionResult';
import type { LineRange } from '../lineRange';
import type { CompressionParameters } from '../parameters';
import { mergeRanges } from '../selection';
import { admitUnderCap } from './admitUnderCap';
import { allocateBudgets } from './allocateBudgets';
import { blockScores, type BlockRanking } from './blockScores';
import { functionBlocks, type FunctionBlock } from './functionBlocks';
import { knapsack } from './knapsack';
import { isTrimmable } from './trimmable';

/** A chunk the coarse stage kept. */
export interface FineCandidate {
  readonly chunk: Chunk;
  /** Its coarse ranking score: weights its share of the budget. */
  readonly coarseScore: number;
  /**
   * Whether it holds its function's signature / closing line(s): always true for a whole function; for a
   * function-part, from its scope's opening and closing chunk. Unset counts as true (keeping a first or
   * last block too many is safer than cutting a signature off).
   */
  readonly opens?: boolean;
  readonly closes?: boolean;
}

export interface FineOptions {
  /** Budget tokenizer; o200k by default. */
  readonly countTokens?: (text: string) => number;
  /** What all kept chunks together may never exceed, even through their always-kept blocks; default the budget. */
  readonly hardCap?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Told what the user should know: a function cut to the model's window. */
  readonly onNote?: (note: string) => void;
}

/** What stage 2 kept of one chunk. */
export interface FineSelection {
  /** File lines kept, merged; empty when dropped. */
  readonly keptLines: readonly LineRange[];
  /** The blocks of a trimmed function; empty for a chunk kept whole (or dropped whole). */
  readonly blocks: readonly BlockDecision[];
  /** Budget-tokenizer tokens of the whole chunk, and of its kept blocks. */
  readonly tokens: number;
  readonly keptTokens: number;
  readonly dropped: boolean;
}

type Parameters = Pick<CompressionParameters, 'beta' | 'spikeK' | 'minLinesForFine'> & {
  /** How blocks are scored: the ranking mode stage 1 used in effect; `ami` when unset. */
  readonly blockRanking?: BlockRanking;
};

/**
 * Stage 2 (algorithm.md): per-function budgets weighted by coarse score; functions cut into blocks at
 * perplexity spikes on statement boundaries; blocks scored by AMI against the query in one batched call;
 * a knapsack per function picks the blocks; everything kept stays under the hard cap. Short functions and
 * chunks that are not functions are kept whole (or dropped whole at the cap).
 */
export async function selectLines(
  candidates: readonly FineCandidate[],
  query: string,
  scorer: Scorer,
  budget: number,
  parameters: Parameters,
  options: FineOptions = {},
): Promise<Map<string, FineSelection>> {
  const countTokens = options.countTokens ?? countO200k;
  const tokens = candidates.map(({ chunk }) => countTokens(chunk.text));
  const trimmable = candidates.map(({ chunk }) => isTrimmable(chunk, parameters.minLinesForFine));
  const rates = allocateBudgets(
    candidates.map((c, i) => ({ tokens: tokens[i]!, score: c.coarseScore, keepWhole: !trimmable[i] })),
    budget,
    parameters.beta,
  );
  const toTrim = candidates.map((_, i) => i).filter((i) => trimmable[i] && rates[i]! < 1);

  const progress = stageProgress(toTrim.length, options.onProgress);
  const blocksOf = new Map<number, FunctionBlock[]>();
  for (const i of toTrim) {
    options.signal?.throwIfAborted();
    const { chunk, opens = true, closes = true } = candidates[i]!;
    const logProbs = await scorer.lineLogProbs(chunk.text, { signal: options.signal, onNote: options.onNote });
    blocksOf.set(i, functionBlocks(chunk, logProbs, { spikeK: parameters.spikeK, opens, closes, countTokens }));
    progress.lineValuesDone();
  }
  const scores = await blockScores(
    toTrim.map((i) => blocksOf.get(i)!.map((block) => block.text)),
    query,
    scorer,
    {
      ranking: parameters.blockRanking ?? 'ami',
      languages: toTrim.map((i) => candidates[i]!.chunk.language),
      signal: options.signal,
      onNote: options.onNote,
      onProgress: progress.scoring,
    },
  );

  const scoresOf = new Map(toTrim.map((i, j) => [i, scores[j]!] as const));
  const decided = candidates.map((candidate, i) => {
    const blocks = blocksOf.get(i);
    if (!blocks) return wholeChunk(candidate.chunk, tokens[i]!);
    return chooseBlocks(blocks, scoresOf.get(i)!, rates[i]! * tokens[i]!, tokens[i]!);
  });
  const admitted = admitUnderCap(
    decided.map((d, i) => ({ keptTokens: d.selection.keptTokens, coarseScore: candidates[i]!.coarseScore, withinTarget: d.withinTarget })),
    options.hardCap ?? budget,
  );
  return new Map(candidates.map((c, i) => [c.chunk.id, admitted[i] ? decided[i]!.selection : droppedWhole(decided[i]!.selection)]));
}

interface Decision {
  readonly selection: FineSelection;
  readonly withinTarget: boolean;
}

function wholeChunk(chunk: Chunk, tokens: number): Decision {
  return {
    selection: { keptLines: [{ start: chunk.startLine, end: chunk.endLine }], blocks: [], tokens, keptTokens: tokens, dropped: false },
    withinTarget: true,
  };
}

/**
 * The knapsack over the blocks that are not always kept, with what the target leaves after those that
 * are; a nested block only with the block it needs. One decision per range of each block.
 */
function chooseBlocks(blocks: readonly FunctionBlock[], scores: readonly number[], target: number, tokens: number): Decision {
  const fixed = blocks.reduce((sum, block) => sum + (block.alwaysKept ? block.tokens : 0), 0);
  // The epsilon: a target computed as 34.999999 from rates that meet the budget exactly means 35.
  const capacity = Math.floor(target - fixed + 1e-6);
  const optional = blocks.map((_, b) => b).filter((b) => !blocks[b]!.alwaysKept);
  const position = new Map(optional.map((b, k) => [b, k]));
  const chosen = new Set(
    capacity < 0
      ? []
      : knapsack(
          optional.map((b) => blocks[b]!.tokens),
          optional.map((b) => scores[b]!),
          capacity,
          // A block nested in an always-kept one has its holder already.
          optional.map((b) => position.get(blocks[b]!.parent ?? -1)),
        ).map((k) => optional[k]!),
  );
  const decisions: BlockDecision[] = blocks.flatMap((block, b) =>
    block.ranges.map((lines, r) => ({
      lines,
      tokens: block.rangeTokens[r]!,
      score: scores[b]!,
      alwaysKept: block.alwaysKept,
      kept: block.alwaysKept || chosen.has(b),
      block: b,
      ...(block.parent === undefined ? {} : { needs: block.parent }),
    })),
  );
  decisions.sort((a, b) => a.lines.start - b.lines.start);
  const kept = decisions.filter((d) => d.kept);
  const keptTokens = kept.reduce((sum, d) => sum + d.tokens, 0);
  return {
    selection: { keptLines: mergeRanges(kept.map((d) => d.lines)), blocks: decisions, tokens, keptTokens, dropped: kept.length === 0 },
    withinTarget: capacity >= 0,
  };
}

function droppedWhole(selection: FineSelection): FineSelection {
  return { ...selection, keptLines: [], blocks: selection.blocks.map((b) => ({ ...b, kept: false })), keptTokens: 0, dropped: true };
}

/** Progress over both scorer passes: one step per function's line values, then the batched block scores. */
function stageProgress(functions: number, report: ((done: number, total: number) => void) | undefined) {
  let done = 0;
  const total = 2 * functions;
  return {
    lineValuesDone: () => report?.(++done, total),
    scoring: (scored: number, of: number) => report?.(functions + Math.floor((functions * scored) / Math.max(1, of)), total),
  };
}
