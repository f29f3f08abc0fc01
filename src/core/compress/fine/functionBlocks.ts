import type { Chunk } from '../../chunking/chunk';
import type { LineRange } from '../lineRange';
import { alwaysKeptBlocks, keepRulesFor } from './alwaysKept';
import { blockBoundaries } from './blockBoundaries';
import { blocksFromSplits, textLines } from './lineBlocks';
import { lineValues } from './lineValues';
import { snapToStatements } from './snapToStatements';
import { spikeSplits } from './spikeSplits';

/** One block of a function chunk, ready for the knapsack. */
export interface FunctionBlock {
  /** File lines, 1-based inclusive. */
  readonly lines: LineRange;
  readonly text: string;
  /** Budget-tokenizer tokens of its text. */
  readonly tokens: number;
  readonly alwaysKept: boolean;
}

export interface BlockSettings {
  readonly spikeK: number;
  /** The chunk holds the function's signature / its closing line(s). */
  readonly opens: boolean;
  readonly closes: boolean;
  readonly countTokens: (text: string) => number;
}

/**
 * Cuts a function chunk into blocks (algorithm.md, Stage 2.1-2.2): line values from the scorer's mean
 * log-probabilities per line, splits after perplexity spikes, moved to the statement boundaries chunking
 * recorded (a comment right above a statement goes with it), and marks the blocks that are always kept.
 */
export function functionBlocks(chunk: Chunk, meanLogProbs: ArrayLike<number>, settings: BlockSettings): FunctionBlock[] {
  const lines = textLines(chunk.text);
  const values = lineValues(meanLogProbs, lines.length);
  const boundaries = blockBoundaries(chunk.statements, chunk.startLine, lines);
  const blocks = blocksFromSplits(lines.length, snapToStatements(spikeSplits(values, settings.spikeK), boundaries));
  const types = new Map((chunk.statements ?? []).map((s) => [s.line - chunk.startLine, s.type] as const));
  const kept = alwaysKeptBlocks(blocks, lines, types, keepRulesFor(chunk.language, settings));
  return blocks.map((block, i) => {
    const text = lines.slice(block.start, block.end + 1).join('');
    return {
      lines: { start: chunk.startLine + block.start, end: chunk.startLine + block.end },
      text,
      tokens: settings.countTokens(text),
      alwaysKept: kept[i]!,
    };
  });
}
