// The parse worker: a worker thread that chunks files with its own tree-sitter runtime.
import { workerData } from 'node:worker_threads';
import { parentPortChannel } from '../workers/channels';
import { CancelledError, type FromWorker, type ToWorker } from '../workers/protocol';
import { serveRequests } from '../workers/serveRequests';
import type { FileChunks } from './chunk';
import { checkGrammar, type GrammarCheck } from './checkGrammar';
import { Chunker, type SourceFile } from './chunker';
import { GrammarLoader } from './grammarLoader';

export interface ChunkWorkerData {
  /** The build's asset folder (dist/): grammars and queries. */
  readonly assetDir: string;
  readonly sizeCap?: number;
}

export interface ChunkFilesParams {
  readonly files: readonly SourceFile[];
  /** Keep each file's syntax tree here for an incremental re-parse of its next version. */
  readonly keepTrees?: boolean;
}

const { assetDir, sizeCap } = workerData as ChunkWorkerData;
const grammars = new GrammarLoader(assetDir);
const chunker = new Chunker(grammars, { sizeCap });

serveRequests(parentPortChannel<ToWorker, FromWorker>(), {
  async chunkFiles(params: ChunkFilesParams, { signal }): Promise<FileChunks[]> {
    const chunked: FileChunks[] = [];
    for (const file of params.files) {
      if (signal.aborted) throw new CancelledError();
      chunked.push(await chunker.chunkFile(file, { keepTree: params.keepTrees }));
    }
    return chunked;
  },
  forget(params: { path: string }): void {
    chunker.forget(params.path);
  },
  checkGrammar(params: { languageId: string; sample: string }): Promise<GrammarCheck> {
    return checkGrammar(grammars, params.languageId, params.sample);
  },
});
