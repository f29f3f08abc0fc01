import type { Chunk, FileChunks } from '../../src/core/chunking/chunk';
import { contentHash } from '../../src/core/chunking/chunkIds';
import type { Chunker } from '../../src/core/chunking/chunker';
import { countTokens } from '../../src/core/tokens/countTokens';

/** A file's chunks with the o200k tokens of each. */
export interface ChunkedFile {
  readonly file: FileChunks;
  readonly tokens: readonly number[];
}

/**
 * Chunks files once per (path, text): a package's files recur in the contexts of many tasks. Kept in memory
 * up to `limit` files, the oldest forgotten first.
 */
export class ChunkedFiles {
  private readonly cache = new Map<string, Promise<ChunkedFile>>();
  private readonly fileTokens = new Map<string, number>();

  constructor(
    private readonly chunker: Chunker,
    private readonly limit = 5000,
  ) {}

  chunk(path: string, text: string): Promise<ChunkedFile> {
    const key = `${path}\0${contentHash(text)}`;
    let chunked = this.cache.get(key);
    if (!chunked) {
      chunked = this.chunker.chunkFile({ path, text }).then((file) => ({ file, tokens: file.chunks.map((c) => countTokens(c.text)) }));
      this.cache.set(key, chunked);
      if (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value!);
    }
    return chunked;
  }

  /** o200k tokens of a whole file, remembered by (path, text). */
  tokensOf(path: string, text: string): number {
    const key = `${path}\0${contentHash(text)}`;
    let tokens = this.fileTokens.get(key);
    if (tokens === undefined) {
      tokens = countTokens(text);
      this.fileTokens.set(key, tokens);
    }
    return tokens;
  }
}

/** The chunks of several files in order, with a map of each chunk's tokens and their sum. */
export function joinChunkedFiles(files: readonly ChunkedFile[]): { chunks: Chunk[]; tokens: Map<string, number>; totalTokens: number } {
  const chunks: Chunk[] = [];
  const tokens = new Map<string, number>();
  let totalTokens = 0;
  for (const { file, tokens: counts } of files) {
    file.chunks.forEach((chunk, i) => {
      chunks.push(chunk);
      tokens.set(chunk.id, counts[i]!);
      totalTokens += counts[i]!;
    });
  }
  return { chunks, tokens, totalTokens };
}
