// Where the kept code of a compression is, for references and anchors in chat. No `vscode` here.
import type { CompressionResult } from '../../core/compress/compressionResult';
import type { LineRange } from '../../core/compress/lineRange';

/** A run of kept lines of one file (1-based, inclusive), workspace-relative POSIX path. */
export interface KeptSpan {
  readonly path: string;
  readonly lines: LineRange;
}

/**
 * The kept code of each file, in output order: the kept line ranges of every kept, partial or pinned
 * chunk, merged where they touch. At most `limit` spans, best files first (the output's order is the
 * files' order, so each file's spans stay together).
 */
export function keptSpans(result: CompressionResult, limit = 50): KeptSpan[] {
  const spans: KeptSpan[] = [];
  for (const file of result.files) {
    const ranges = file.chunks
      .filter((chunk) => chunk.status !== 'dropped')
      .flatMap((chunk) => (chunk.keptLines.length > 0 ? chunk.keptLines : [{ start: chunk.startLine, end: chunk.endLine }]))
      .sort((a, b) => a.start - b.start);
    const merged: LineRange[] = [];
    for (const range of ranges) {
      const lastRange = merged.at(-1);
      if (lastRange && range.start <= lastRange.end + 1) merged[merged.length - 1] = { start: lastRange.start, end: Math.max(lastRange.end, range.end) };
      else merged.push(range);
    }
    for (const lines of merged) spans.push({ path: file.path, lines });
  }
  return spans.slice(0, limit);
}

/** The kept definitions, named, for the participant's short list ("`fees.py` late_fee (partial)"). */
export function keptDefinitions(result: CompressionResult, limit = 12): { readonly path: string; readonly name: string; readonly line: number; readonly partial: boolean }[] {
  return result.files
    .flatMap((file) =>
      file.chunks
        .filter((chunk) => (chunk.status === 'kept' || chunk.status === 'partial' || chunk.status === 'pinned') && chunk.name !== undefined && chunk.reason !== 'container')
        .map((chunk) => ({ path: file.path, name: chunk.parent ? `${chunk.parent}.${chunk.name}` : chunk.name!, line: chunk.startLine, partial: chunk.status === 'partial', score: chunk.score ?? -Infinity })),
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ score: _score, ...definition }) => definition);
}
