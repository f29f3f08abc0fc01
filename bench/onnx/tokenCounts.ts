// Model tokens pushed through the model by one whole compression: our scheme (measured on the scorer)
// against the reference implementation's (counted): one pass per chunk with the query, one pass per
// line of each kept function over the lines up to it, one pass per block with the query.
import { amiScores } from '../../src/core/scoring/ami';
import type { OnnxScorer } from '../../src/core/scoring/onnx/onnxScorer';
import { blocksOf } from './workload';

export interface CompressionTokens {
  readonly stage1: number;
  readonly lines: number;
  readonly blocks: number;
}

export const total = (counts: CompressionTokens) => counts.stage1 + counts.lines + counts.blocks;

/** Runs the scoring of one compression on `scorer` and counts the tokens that went through its model. */
export async function ourCompression(scorer: OnnxScorer, chunks: readonly string[], kept: readonly number[], query: string, blockLines: number): Promise<CompressionTokens> {
  const counted = async (work: () => Promise<unknown>) => {
    const before = scorer.stats.tokens;
    await work();
    return scorer.stats.tokens - before;
  };
  const stage1 = await counted(() => amiScores(scorer, chunks, query));
  const lines = await counted(async () => {
    for (const index of kept) await scorer.lineLogProbs(chunks[index]!);
  });
  const blocks = await counted(() => amiScores(scorer, kept.flatMap((index) => blocksOf(chunks[index]!, blockLines)), query));
  return { stage1, lines, blocks };
}

/** The same steps as the reference runs them, counted with the scorer's tokenizer. */
export function referenceCompression(tokenize: (text: string) => number, chunks: readonly string[], kept: readonly number[], query: string, blockLines: number): CompressionTokens {
  // The reference joins context and query in one text; its separator is counted as ours.
  const queryPass = tokenize(`\n\n${query}`);
  const stage1 = queryPass + chunks.reduce((sum, chunk) => sum + tokenize(chunk) + queryPass, 0);
  let lines = 0;
  for (const index of kept) {
    const chunkLines = chunks[index]!.split('\n');
    for (let line = 1; line <= chunkLines.length; line++) lines += tokenize(chunkLines.slice(0, line).join('\n'));
  }
  const blocks = queryPass + kept.flatMap((index) => blocksOf(chunks[index]!, blockLines)).reduce((sum, block) => sum + tokenize(block) + queryPass, 0);
  return { stage1, lines, blocks };
}
