import { collectWithFilter } from '../workspace/collectFiles';
import { readWorkspaceFile } from '../workspace/readWorkspaceFile';
import { isSkipped, type SkippedFile } from '../workspace/workspaceFile';
import type { WorkspaceFilter } from '../workspace/workspaceFilter';
import type { FileChunks } from './chunk';
import { contentHash } from './chunkIds';
import type { ParsePool } from './parsePool';

/** The chunks of every collected file, and every file left out with its reason. */
export interface IndexSnapshot {
  readonly files: readonly FileChunks[];
  readonly skipped: readonly SkippedFile[];
}

export type UpdateOutcome = 'chunked' | 'unchanged' | 'skipped' | 'removed';

/** A file `build` needs chunks for. */
export interface FileToChunk {
  readonly path: string;
  readonly text: string;
  readonly contentHash: string;
}

/** Chunks kept from earlier runs, on disk (cache/chunkCache.ts): `build` parses only the files it lacks. */
export interface CachedChunks {
  /** The kept chunks of each file, in the same order; undefined where there are none. */
  find(files: readonly FileToChunk[]): Promise<(FileChunks | undefined)[]>;
  remember(files: readonly FileChunks[]): void;
  /** Makes what was remembered last beyond this process. */
  flush(): Promise<void>;
}

export interface ChunkIndexOptions {
  readonly cache?: CachedChunks;
}

/**
 * The chunked workspace, kept current file by file: `build` collects and chunks (reusing every file
 * whose content hash has not changed), `update` and `remove` are what the file watchers call.
 */
export class ChunkIndex {
  private readonly files = new Map<string, FileChunks>();
  private readonly skipped = new Map<string, SkippedFile>();

  constructor(
    private readonly filter: WorkspaceFilter,
    private readonly pool: ParsePool,
    private readonly options: ChunkIndexOptions = {},
  ) {}

  async build(options: { paths?: readonly string[]; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<IndexSnapshot> {
    const collection = await collectWithFilter(this.filter, options);
    const previous = new Map(this.files);
    this.files.clear();
    this.skipped.clear();
    for (const skipped of collection.skipped) this.skipped.set(skipped.path, skipped);
    let toChunk: FileToChunk[] = [];
    for (const file of collection.files) {
      const hash = contentHash(file.text);
      const known = previous.get(file.path);
      if (known && known.contentHash === hash) this.files.set(file.path, known);
      else toChunk.push({ path: file.path, text: file.text, contentHash: hash });
    }
    const cache = this.options.cache;
    if (cache) {
      const cached = await cache.find(toChunk);
      cached.forEach((file) => file && this.files.set(file.path, file));
      toChunk = toChunk.filter((_, i) => cached[i] === undefined);
    }
    const chunked = await this.pool.chunkFiles(toChunk.map(({ path, text }) => ({ path, text })), options);
    for (const file of chunked) this.files.set(file.path, file);
    if (cache) {
      cache.remember(chunked);
      // Also when nothing was parsed: hits on entries last used long ago are written as recent.
      await cache.flush();
    }
    return this.snapshot();
  }

  /** Re-reads one created or changed file under the same rules, and re-chunks it if its text changed. */
  async update(path: string, signal?: AbortSignal): Promise<UpdateOutcome> {
    const read = await readWorkspaceFile(this.filter, path);
    const relativePath = this.filter.relativePath(path) ?? path;
    if (read === undefined) return this.remove(relativePath) ? 'removed' : 'unchanged';
    if (isSkipped(read)) {
      this.files.delete(read.path);
      this.skipped.set(read.path, read);
      return 'skipped';
    }
    this.skipped.delete(read.path);
    if (this.files.get(read.path)?.contentHash === contentHash(read.text)) return 'unchanged';
    this.files.set(read.path, await this.pool.chunkEditedFile({ path: read.path, text: read.text }, { signal }));
    return 'chunked';
  }

  /** Forgets a deleted file; true if it was known. */
  remove(path: string): boolean {
    const relativePath = this.filter.relativePath(path) ?? path;
    const known = this.files.delete(relativePath);
    if (known) void this.pool.forget(relativePath).catch(() => undefined);
    return this.skipped.delete(relativePath) || known;
  }

  /** How much is in the index, without copying or sorting it (the panel asks after every change). */
  summary(millis = 0): IndexSummary {
    let chunks = 0;
    for (const file of this.files.values()) chunks += file.chunks.length;
    return { files: this.files.size, chunks, skipped: this.skipped.size, millis };
  }

  snapshot(): IndexSnapshot {
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    return { files: [...this.files.values()].sort(byPath), skipped: [...this.skipped.values()].sort(byPath) };
  }
}

/** What a user is told about an index: how much is in it. */
export interface IndexSummary {
  readonly files: number;
  readonly chunks: number;
  readonly skipped: number;
  readonly millis: number;
}
/** The summaries of several indexes (one per workspace folder) as one. */
export function addSummaries(summaries: readonly IndexSummary[], millis: number): IndexSummary {
  const sum = (key: 'files' | 'chunks' | 'skipped') => summaries.reduce((total, summary) => total + summary[key], 0);
  return { files: sum('files'), chunks: sum('chunks'), skipped: sum('skipped'), millis };
}
