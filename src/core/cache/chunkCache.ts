import { CHUNK_FORMAT_VERSION, type FileChunks } from '../chunking/chunk';
import type { CachedChunks, FileToChunk } from '../chunking/chunkIndex';
import { VERSION } from '../version';
import { folderKey, textKey } from './cacheKeys';
import type { DiskStore } from './diskStore';

export interface ChunkCacheOptions {
  readonly store: DiskStore;
  /** The workspace root: its files' chunks are stored apart, so a build reads only its own. */
  readonly workspace: string;
  /** The parse pool's size cap when it is not the default: it decides where large functions are cut. */
  readonly sizeCap?: number;
}

/**
 * FileChunks of earlier runs, by workspace-relative path (chunk ids contain it) and content hash. A new
 * CHUNK_FORMAT_VERSION or release (grammars and queries ship with it) starts a new folder of shards; the
 * old one is never read again and ages out. Chunk texts are not stored: they are cut back out of the file.
 */
export class ChunkCache implements CachedChunks {
  private readonly folder: string;

  constructor(private readonly options: ChunkCacheOptions) {
    this.folder = folderKey([CHUNK_FORMAT_VERSION, VERSION, options.sizeCap ?? 'default', options.workspace].join('\0'));
  }

  async find(files: readonly FileToChunk[]): Promise<(FileChunks | undefined)[]> {
    const found: (FileChunks | undefined)[] = new Array(files.length).fill(undefined);
    const byShard = new Map<string, { index: number; key: string }[]>();
    files.forEach((file, index) => {
      const key = this.keyOf(file.path, file.contentHash);
      const shard = this.shardOf(key);
      let wanted = byShard.get(shard);
      if (wanted === undefined) byShard.set(shard, (wanted = []));
      wanted.push({ index, key });
    });
    await Promise.all(
      [...byShard].map(async ([shard, wanted]) => {
        const stored = await this.options.store.getJson<FileChunks>(shard, wanted.map((w) => w.key));
        wanted.forEach(({ index }, i) => {
          if (stored[i] !== undefined) found[index] = restore(stored[i], files[index]!);
        });
      }),
    );
    return found;
  }

  remember(files: readonly FileChunks[]): void {
    for (const file of files) {
      const key = this.keyOf(file.path, file.contentHash);
      this.options.store.setJson(this.shardOf(key), key, file, withoutTexts);
    }
  }

  async flush(): Promise<void> {
    await this.options.store.flush();
  }

  private keyOf(path: string, contentHash: string): string {
    return textKey(`${path}\0${contentHash}`);
  }

  /** 16 shards per workspace, by the key's first hex digit. */
  private shardOf(key: string): string {
    return `chunks/${this.folder}/${key[0]}`;
  }
}

/** JSON replacer: chunk texts become 0 (the key keeps its place), undefined becomes null (the key is kept). */
function withoutTexts(this: unknown, key: string, value: unknown): unknown {
  if (key === 'text' && typeof this === 'object' && this !== null && 'startOffset' in this) return 0;
  return value === undefined ? null : value;
}

/** The stored FileChunks as the chunker made them, or undefined if they do not fit the file. */
function restore(stored: FileChunks, file: FileToChunk): FileChunks | undefined {
  if (stored.path !== file.path || stored.contentHash !== file.contentHash || !Array.isArray(stored.chunks)) return undefined;
  let offset = 0;
  for (const chunk of stored.chunks) {
    if (chunk.startOffset !== offset || chunk.endOffset <= offset) return undefined;
    (chunk as { text: string }).text = file.text.slice(chunk.startOffset, chunk.endOffset);
    offset = chunk.endOffset;
  }
  if (offset !== file.text.length) return undefined;
  nullsToUndefined(stored);
  return stored;
}

/** Assigning in place keeps every key where it was: `--format json` prints the same text as a fresh parse. */
function nullsToUndefined(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach(nullsToUndefined);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] === null) record[key] = undefined;
    else nullsToUndefined(record[key]);
  }
}
