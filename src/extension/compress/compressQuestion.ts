import type { DiskStore } from '../../core/cache/diskStore';
import type { IndexSnapshot } from '../../core/chunking/chunkIndex';
import * as os from 'node:os';
import { compress } from '../../core/compress/compress';
import { contextScorers } from '../../core/compress/contextScorers';
import type { CompressionResult } from '../../core/compress/compressionResult';
import { DEFAULT_PARAMETERS } from '../../core/compress/parameters';
import { countTokens } from '../../core/tokens/countTokens';
import { previewFormat, type PreviewFormat } from '../preview/previewFormat';
import type { ScorerChoice } from '../settings/scorerChoice';
import type { NeuralScorerProcess } from './neuralScorerProcess';

export interface QuestionToCompress {
  readonly question: string;
  /** The workspace folder's path: the score cache keeps each folder's entries apart. */
  readonly workspace: string;
  readonly snapshot: IndexSnapshot;
  readonly budget: number;
  readonly scorer: ScorerChoice;
}

export interface CompressionDeps {
  readonly store: DiskStore;
  readonly neural: NeuralScorerProcess;
  readonly signal: AbortSignal;
  /** What runs now, and how far it has got (0..1) when that is known. */
  readonly onStage: (message: string, fraction?: number) => void;
}

export interface QuestionCompression {
  readonly result: CompressionResult;
  readonly preview: PreviewFormat;
  /** Milliseconds the n-gram model's training held the extension host's thread; undefined if it did not train. */
  readonly ngramTrainMillis: number | undefined;
}

/** Compresses one workspace folder's index for a question, with the scorer the settings chose. */
export async function compressQuestion(input: QuestionToCompress, deps: CompressionDeps): Promise<QuestionCompression> {
  const { snapshot, workspace, scorer: choice } = input;
  const preview = previewFormat(snapshot.files);
  let ngramTrainMillis: number | undefined;
  const threads = Math.max(1, os.availableParallelism() - 1);
  const scorers = contextScorers(
    choice.kind === 'onnx'
      ? { kind: 'onnx', folder: choice.folder, dtype: choice.dtype, threads, open: () => untilAborted(deps.neural.scorer(choice), deps.signal) }
      : { kind: 'ngram' },
    snapshot.files,
    deps.store,
    workspace,
    { onNgramTrained: (millis) => (ngramTrainMillis = millis) },
  );

  deps.onStage('ranking');
  try {
    const result = await compress(
      {
        files: snapshot.files,
        skipped: snapshot.skipped.map((file) => ({ path: file.path, reason: `${file.reason}, ${file.detail}` })),
        query: { mode: 'question', text: input.question },
        parameters: { ...DEFAULT_PARAMETERS, budget: input.budget },
        format: preview.format,
      },
      {
        ...scorers,
        countTokens,
        signal: deps.signal,
        onProgress: (stage, done, total) => {
          const what = stage === 'rank' ? 'ranking chunks' : stage === 'fine' ? 'trimming functions' : 'rendering';
          deps.onStage(`${what}: ${done} of ${total}`, total > 0 ? done / total : undefined);
        },
      },
    );
    return { result, preview, ngramTrainMillis };
  } finally {
    await deps.store.flush();
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (the work itself goes on, for the next run). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
