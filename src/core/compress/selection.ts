import type { BlockDecision } from './compressionResult';
import type { ContextIndex } from './contextIndex';
import type { LineRange } from './lineRange';

/** What stage 2 kept of one function. */
export interface TrimmedChunk {
  readonly keptLines: readonly LineRange[];
  readonly blocks: readonly BlockDecision[];
  readonly keptTokens: number;
}

/** The state the cap loop works on: pins, the coarse picks in rank order, and stage 2's trims. */
export interface Selection {
  /** Pinned chunks and what they bring along: never dropped. */
  readonly pinned: ReadonlySet<string>;
  /** Ranked picks, best first. */
  readonly picks: readonly string[];
  /** Chunks stage 2 trimmed to some of their lines; absent = kept whole. */
  readonly trimmed: ReadonlyMap<string, TrimmedChunk>;
}

/** Every kept chunk: pins, picks and the containers and function parts the picks bring along. */
export function keptChunks(selection: Selection, index: ContextIndex): Set<string> {
  const kept = new Set(selection.pinned);
  for (const id of selection.picks) {
    kept.add(id);
    for (const brought of index.broughtBy(id)) kept.add(brought);
  }
  return kept;
}

/** The kept lines of one chunk: all of it, or what stage 2 kept. */
export function keptLinesOf(id: string, selection: Selection, index: ContextIndex): readonly LineRange[] {
  const trimmed = selection.trimmed.get(id);
  if (trimmed) return trimmed.keptLines;
  const chunk = index.chunk(id);
  return [{ start: chunk.startLine, end: chunk.endLine }];
}

/** Contiguous line ranges of a block list's kept blocks, merged. */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: LineRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end + 1) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}
