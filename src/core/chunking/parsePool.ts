import * as path from 'node:path';
import { WorkerPool } from '../workers/workerPool';
import type { FileChunks } from './chunk';
import type { GrammarCheck } from './checkGrammar';
import type { SourceFile } from './chunker';
import type { ChunkFilesParams, ChunkWorkerData } from './chunkWorker';

export interface ParsePoolOptions {
  /** The build's asset folder (dist/): holds chunkWorker.js, the grammars and the queries. */
  readonly assetDir: string;
  readonly workers: number;
  readonly sizeCap?: number;
}

/** About this much text goes to a worker at once: big enough to amortise a message, small enough to balance. */
const BATCH_CHARS = 256 * 1024;

/** Chunks files in worker threads, off the caller's thread, in batches, keeping the callers' order. */
export class ParsePool {
  private readonly pool: WorkerPool;

  constructor(options: ParsePoolOptions) {
    const workerData: ChunkWorkerData = { assetDir: options.assetDir, sizeCap: options.sizeCap };
    this.pool = new WorkerPool({
      script: path.join(options.assetDir, 'chunkWorker.js'),
      size: Math.max(1, options.workers),
      name: 'parser',
      workerData,
    });
  }

  async chunkFiles(
    files: readonly SourceFile[],
    options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<FileChunks[]> {
    let done = 0;
    const batches = batchByLength(files);
    const results = await Promise.all(
      batches.map(async (batch) => {
        const chunked = await this.pool.run<FileChunks[]>('chunkFiles', { files: batch }, { signal: options.signal });
        done += batch.length;
        options.onProgress?.(done, files.length);
        return chunked;
      }),
    );
    return results.flat();
  }

  /**
   * Chunks one file being edited: always in the same worker, which keeps its syntax tree, so the
   * next version is re-parsed incrementally.
   */
  chunkEditedFile(file: SourceFile, options: { signal?: AbortSignal } = {}): Promise<FileChunks> {
    const params: ChunkFilesParams = { files: [file], keepTrees: true };
    return this.pool.run<FileChunks[]>('chunkFiles', params, { signal: options.signal, affinity: file.path }).then(([chunked]) => chunked!);
  }

  /** Loads a grammar in a worker and parses a sample with it: does parsing work in this installation? */
  checkGrammar(languageId: string, sample: string): Promise<GrammarCheck> {
    return this.pool.run<GrammarCheck>('checkGrammar', { languageId, sample });
  }

  /** Drops the kept syntax tree of a deleted file. */
  async forget(path: string): Promise<void> {
    await this.pool.run('forget', { path }, { affinity: path });
  }

  dispose(): Promise<void> {
    return this.pool.dispose();
  }
}

function batchByLength(files: readonly SourceFile[]): SourceFile[][] {
  const batches: SourceFile[][] = [];
  let batch: SourceFile[] = [];
  let chars = 0;
  for (const file of files) {
    if (batch.length > 0 && chars + file.text.length > BATCH_CHARS) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(file);
    chars += file.text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
