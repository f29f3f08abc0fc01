import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CachedScorer } from '../cache/cachedScorer';
import type { DiskStore } from '../cache/diskStore';
import type { FileChunks } from '../chunking/chunk';
import { ngramForContext } from '../scoring/ngram/ngramForContext';
import { MODEL_FILES, type ModelDtype, openModelFolder } from '../scoring/onnx/modelFolder';
import { OnnxProcessScorer } from '../scoring/onnx/onnxProcessScorer';
import type { Scorer } from '../scoring/scorer';
import type { MemoryLimit } from '../workers/workerPool';
import type { CompressionServices, HiddenSpan } from './compressionRequest';

/** Which scorer a compression runs, as the user chose it. */
export type ScorerChoice =
  | { readonly kind: 'ngram' }
  | {
      readonly kind: 'onnx';
      /** A model folder in the published transformers.js layout. */
      readonly folder: string;
      readonly dtype: ModelDtype;
      readonly threads: number;
      /** The bundled child script, dist/onnxWorker.js. */
      readonly workerScript: string;
      readonly memoryLimit?: MemoryLimit;
    };

/** The scorers of one compression, answered from the disk store where they can be; `dispose` stops any child. */
export interface ContextScorers extends Pick<CompressionServices, 'scorer' | 'cheapScorer'> {
  dispose(): Promise<void>;
}

/**
 * The scorers for a context: the n-gram one (trained on the context only if the store lacks an answer),
 * and for `onnx` the neural one in a child process, started on first use, with the n-gram one as its
 * cheap prefilter (algorithm.md, workspace scale). The model folder is checked now, so a missing or
 * broken model fails before any work with its one-line message.
 */
export function contextScorers(choice: ScorerChoice, files: readonly FileChunks[], store: DiskStore, workspace: string): ContextScorers {
  const ngram = (hidden: HiddenSpan | undefined): Scorer => {
    const context = ngramForContext(files, hidden);
    return new CachedScorer({ store, workspace, info: context.info, fingerprint: context.fingerprint, open: () => context.open() });
  };
  if (choice.kind === 'ngram') return { scorer: ngram, dispose: async () => {} };

  openModelFolder(choice.folder, choice.dtype);
  let child: Promise<OnnxProcessScorer> | undefined;
  const fingerprint = modelFingerprint(choice.folder, choice.dtype);
  return {
    // The neural scorer never learns from the context: what the query hides needs no special care.
    scorer: () =>
      new CachedScorer({
        store,
        workspace,
        fingerprint,
        info: { name: 'onnx', model: path.basename(path.resolve(choice.folder)), device: 'cpu', dtype: choice.dtype, threads: choice.threads },
        open: () =>
          (child ??= OnnxProcessScorer.open({
            script: choice.workerScript,
            folder: choice.folder,
            dtype: choice.dtype,
            threads: choice.threads,
            device: 'cpu',
            memoryLimit: choice.memoryLimit,
          })),
      }),
    cheapScorer: ngram,
    async dispose() {
      const running = await child?.catch(() => undefined);
      await running?.dispose();
    },
  };
}

/** What a model's answers depend on: its folder, its config and tokenizer, and the weights file's size and date. */
function modelFingerprint(folder: string, dtype: ModelDtype): string {
  const hash = createHash('sha1').update(`onnx\0${path.resolve(folder)}\0${dtype}\0`);
  for (const file of ['config.json', 'tokenizer.json']) hash.update(fs.readFileSync(path.join(folder, file)));
  const weights = fs.statSync(path.join(folder, MODEL_FILES[dtype]));
  hash.update(`${weights.size}\0${weights.mtimeMs}`);
  return hash.digest('hex');
}
