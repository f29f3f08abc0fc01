import type { ChunkStatus } from '../../core/compress/compressionResult';
import type { ChunkRow, FileRow } from './chunkTree';

export type SortKey = 'position' | 'score' | 'tokens' | 'status';

export const SORT_LABELS: Readonly<Record<SortKey, string>> = {
  position: 'File order',
  score: 'Score',
  tokens: 'Tokens',
  status: 'Status',
};

export interface TreeFilter {
  /** The statuses shown; the others are hidden. */
  readonly statuses: readonly ChunkStatus[];
  /** Shown only: chunks whose name, or whose file's path, contains this (any case). Empty: all. */
  readonly text: string;
}

export const ALL_STATUSES: readonly ChunkStatus[] = ['pinned', 'kept', 'partial', 'dropped'];

const STATUS_ORDER: Readonly<Record<ChunkStatus, number>> = { pinned: 0, kept: 1, partial: 2, dropped: 3 };

/** The tree as shown: chunks filtered, then sorted within each file, and files sorted by the same key. */
export function arrangeTree(files: readonly FileRow[], sort: SortKey, filter: TreeFilter): FileRow[] {
  const statuses = new Set(filter.statuses);
  const needle = filter.text.trim().toLowerCase();
  const shown = files
    .map((file) => {
      const fileMatches = needle === '' || file.path.toLowerCase().includes(needle);
      const chunks = file.chunks.filter((chunk) => statuses.has(chunk.status) && (fileMatches || chunk.label.toLowerCase().includes(needle)));
      return { ...file, chunks: [...chunks].sort(compareChunks(sort)) };
    })
    .filter((file) => file.chunks.length > 0);
  return shown.sort(compareFiles(sort));
}

function compareChunks(sort: SortKey): (a: ChunkRow, b: ChunkRow) => number {
  const byPosition = (a: ChunkRow, b: ChunkRow) => a.position - b.position;
  const byScore = (a: ChunkRow, b: ChunkRow) => scoreKey(b) - scoreKey(a);
  switch (sort) {
    case 'position':
      return byPosition;
    case 'score':
      return (a, b) => byScore(a, b) || byPosition(a, b);
    case 'tokens':
      return (a, b) => b.tokens - a.tokens || byPosition(a, b);
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byScore(a, b) || byPosition(a, b);
  }
}

function compareFiles(sort: SortKey): (a: FileRow, b: FileRow) => number {
  const byPosition = (a: FileRow, b: FileRow) => a.position - b.position;
  switch (sort) {
    case 'position':
      return byPosition;
    case 'score':
      return (a, b) => bestScore(b) - bestScore(a) || byPosition(a, b);
    case 'tokens':
      return (a, b) => b.tokens - a.tokens || byPosition(a, b);
    case 'status':
      return (a, b) => b.keptTokens - a.keptTokens || byPosition(a, b);
  }
}

function scoreKey(chunk: ChunkRow): number {
  return chunk.score ?? -Infinity;
}

function bestScore(file: FileRow): number {
  return Math.max(...file.chunks.map(scoreKey));
}

/** How many chunks of each status the whole tree has (the filter's buttons say it). */
export function statusCounts(files: readonly FileRow[]): Record<ChunkStatus, number> {
  const counts: Record<ChunkStatus, number> = { pinned: 0, kept: 0, partial: 0, dropped: 0 };
  for (const file of files) for (const status of ALL_STATUSES) counts[status] += file.counts[status];
  return counts;
}
