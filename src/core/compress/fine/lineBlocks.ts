/** A run of a function's lines: 0-based indices into the chunk's lines, inclusive. */
export interface LineBlock {
  readonly start: number;
  readonly end: number;
}

/** The lines of a chunk's text, each with its line break: as many as the chunk has file lines. */
export function textLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Consecutive blocks covering lines 0..lineCount-1, a new one starting at each split. */
export function blocksFromSplits(lineCount: number, splits: readonly number[]): LineBlock[] {
  const starts = [0, ...splits.filter((s) => s > 0 && s < lineCount)];
  return starts.map((start, i) => ({ start, end: (starts[i + 1] ?? lineCount) - 1 }));
}
