import type { StatementStart } from '../../chunking/chunk';

/**
 * The 0-based lines of a chunk where a block may start: where its top-level statements start, except that
 * a comment directly above a statement (no blank line between) goes with it, so the comment's line stands
 * for both. Undefined when the chunk has no statements: its blocks keep their raw splits.
 */
export function blockBoundaries(statements: readonly StatementStart[] | undefined, chunkStartLine: number, lines: readonly string[]): number[] | undefined {
  if (!statements || statements.length === 0) return undefined;
  const boundaries: number[] = [];
  for (let i = 0; i < statements.length; i++) {
    const line = statements[i]!.line - chunkStartLine;
    const previous = statements[i - 1];
    if (previous && previous.type.includes('comment') && noBlankLine(lines, previous.line - chunkStartLine, line)) continue;
    boundaries.push(line);
  }
  return boundaries;
}

function noBlankLine(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((lines[i] ?? '').trim() === '') return false;
  return true;
}
