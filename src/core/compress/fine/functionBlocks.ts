import type { Chunk, StatementStart } from '../../chunking/chunk';
import type { LineRange } from '../lineRange';
import { alwaysKeptBlocks, keepRulesFor } from './alwaysKept';
import { blockBoundaries } from './blockBoundaries';
import { blocksFromSplits, textLines, type LineBlock } from './lineBlocks';
import { lineValues } from './lineValues';
import { snapToStatements } from './snapToStatements';
import { spikeSplits } from './spikeSplits';

/**
 * One block of a function chunk, ready for the knapsack: a run of whole statements, or what a large run
 * keeps of itself once the statements nested in it are blocks of their own (the `for` line and its
 * closing brace, an `if`'s `} else {`): then several ranges, and the nested blocks name it as parent.
 */
export interface FunctionBlock {
  /** File lines, 1-based inclusive, ascending. */
  readonly ranges: readonly LineRange[];
  /** Budget-tokenizer tokens of each range. */
  readonly rangeTokens: readonly number[];
  readonly text: string;
  /** Budget-tokenizer tokens of all its ranges. */
  readonly tokens: number;
  readonly alwaysKept: boolean;
  /** The block that must be kept for this one to be: the one holding the statement it is nested in. */
  readonly parent: number | undefined;
}

export interface BlockSettings {
  readonly spikeK: number;
  /** The chunk holds the function's signature / its closing line(s). */
  readonly opens: boolean;
  readonly closes: boolean;
  readonly countTokens: (text: string) => number;
}

/**
 * A block holding more than this share of its function's tokens is opened up when statements are nested
 * in it: one long loop or `switch` would otherwise be kept or dropped whole.
 */
export const NESTED_BLOCK_SHARE = 0.15;

/**
 * Cuts a function chunk into blocks (algorithm.md, Stage 2.1-2.2): line values from the scorer's mean
 * log-probabilities per line, splits after perplexity spikes, moved to the statement boundaries chunking
 * recorded (a comment right above a statement goes with it), and marks the blocks that are always kept.
 * A large block is cut again the same way at the statements nested in it (docs/compression.md). Blocks
 * come in preorder: each after the block it needs.
 */
export function functionBlocks(chunk: Chunk, meanLogProbs: ArrayLike<number>, settings: BlockSettings): FunctionBlock[] {
  const lines = textLines(chunk.text);
  const values = lineValues(meanLogProbs, lines.length);
  const spikes = spikeSplits(values, settings.spikeK);
  const statements = chunk.statements ?? [];
  const top = statements.filter((s) => (s.depth ?? 0) === 0);
  const topBlocks = blocksFromSplits(lines.length, snapToStatements(spikes, blockBoundaries(top, chunk.startLine, lines)));
  const types = new Map(top.map((s) => [s.line - chunk.startLine, s.type] as const));
  const kept = alwaysKeptBlocks(topBlocks, lines, types, keepRulesFor(chunk.language, settings));

  const relative = (line: number) => line - chunk.startLine;
  const tokensOf = (block: LineBlock) => settings.countTokens(lines.slice(block.start, block.end + 1).join(''));
  const large = NESTED_BLOCK_SHARE * settings.countTokens(chunk.text);
  const found: { ranges: LineBlock[]; alwaysKept: boolean; parent: number | undefined }[] = [];

  const place = (block: LineBlock, depth: number, parent: number | undefined, alwaysKept: boolean): void => {
    const children = statements.filter((s) => (s.depth ?? 0) === depth && block.start <= relative(s.line) && relative(s.line) <= block.end);
    if (children.length === 0 || tokensOf(block) <= large) {
      found.push({ ranges: [block], alwaysKept, parent });
      return;
    }
    const extents = childExtents(children, relative, lines);
    const own = uncovered(block, extents);
    let holder = parent;
    if (own.length > 0) holder = found.push({ ranges: own, alwaysKept, parent }) - 1;
    const cuts = new Set(snapToStatements(spikes.filter((s) => s > block.start && s <= block.end), blockBoundaries(children, chunk.startLine, lines)));
    for (const run of runsOf(extents, cuts)) place(run, depth + 1, holder, false);
  };
  topBlocks.forEach((block, i) => place(block, 1, undefined, kept[i]!));

  return found.map(({ ranges, alwaysKept, parent }) => {
    const rangeTokens = ranges.map(tokensOf);
    return {
      ranges: ranges.map((r) => ({ start: chunk.startLine + r.start, end: chunk.startLine + r.end })),
      rangeTokens,
      text: ranges.map((r) => lines.slice(r.start, r.end + 1).join('')).join(''),
      tokens: rangeTokens.reduce((a, b) => a + b, 0),
      alwaysKept,
      parent,
    };
  });
}

/** Each nested statement's lines, taking the blank lines before the next one with it (0-based, in the chunk). */
function childExtents(children: readonly StatementStart[], relative: (line: number) => number, lines: readonly string[]): LineBlock[] {
  return children.map((child, k) => {
    const start = relative(child.line);
    const end = Math.max(start, relative(child.endLine ?? child.line));
    const next = children[k + 1];
    if (next && lines.slice(end + 1, relative(next.line)).every((line) => line.trim() === '')) return { start, end: relative(next.line) - 1 };
    return { start, end };
  });
}

/** The lines of `block` outside every extent, as ranges. */
function uncovered(block: LineBlock, extents: readonly LineBlock[]): LineBlock[] {
  const ranges: LineBlock[] = [];
  let from = block.start;
  for (const extent of extents) {
    if (extent.start > from) ranges.push({ start: from, end: extent.start - 1 });
    from = Math.max(from, extent.end + 1);
  }
  if (from <= block.end) ranges.push({ start: from, end: block.end });
  return ranges;
}

/** Consecutive extents that touch, cut where `cuts` says a block starts. */
function runsOf(extents: readonly LineBlock[], cuts: ReadonlySet<number>): LineBlock[] {
  const runs: LineBlock[] = [];
  for (const extent of extents) {
    const last = runs[runs.length - 1];
    if (last && extent.start === last.end + 1 && !cuts.has(extent.start)) runs[runs.length - 1] = { start: last.start, end: extent.end };
    else runs.push(extent);
  }
  return runs;
}
