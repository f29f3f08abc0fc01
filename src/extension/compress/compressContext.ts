import * as os from 'node:os';
import type { DiskStore } from '../../core/cache/diskStore';
import type { FileChunks } from '../../core/chunking/chunk';
import { compress } from '../../core/compress/compress';
import type { CompressionQuery } from '../../core/compress/compressionRequest';
import type { CompressionResult } from '../../core/compress/compressionResult';
import { contextScorers } from '../../core/compress/contextScorers';
import { DEFAULT_PARAMETERS } from '../../core/compress/parameters';
import type { PinSpec } from '../../core/compress/resolvePins';
import { chooseDevice } from '../../core/scoring/onnx/devices/chooseDevice';
import { systemDeviceProbes } from '../../core/scoring/onnx/devices/systemDeviceProbes';
import { budgetCounter } from '../../core/tokens/budgetTokenizer';
import type { RemoteGrant, RemoteScorerAccess } from '../remote/remoteScorerAccess';
import type { CompressionSettings } from '../settings/compressionSettings';
import { type ScorerChoice, weightsFor } from '../settings/scorerChoice';
import type { NeuralScorerProcess } from './neuralScorerProcess';

/** One compression of some files of one workspace folder, everything already decided. */
export interface ContextToCompress {
  readonly query: CompressionQuery;
  /** The workspace folder's path: the score cache keeps each folder's entries apart. */
  readonly workspace: string;
  readonly files: readonly FileChunks[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly budget: number;
  readonly pins: readonly PinSpec[];
  readonly settings: CompressionSettings;
  readonly scorer: ScorerChoice;
  /** For the remote scorer: the key, and whether the user allowed sending code to its server. */
  readonly remote?: RemoteGrant;
  /** Answer from cached scores only (the panel's budget slider): nothing is scored, no model is opened. */
  readonly cachedOnly?: boolean;
}

export interface CompressionDeps {
  readonly store: DiskStore;
  readonly neural: NeuralScorerProcess;
  readonly remote: Pick<RemoteScorerAccess, 'scorer'>;
  readonly signal: AbortSignal;
  /** What runs now, and how far it has got (0..1) when that is known. */
  readonly onStage: (message: string, fraction?: number) => void;
}

export interface ContextCompression {
  readonly result: CompressionResult;
  /** Milliseconds the n-gram model's training held the extension host's thread; undefined if it did not train. */
  readonly ngramTrainMillis: number | undefined;
}

const STAGE_WORDS = { rank: 'ranking chunks', fine: 'trimming functions', render: 'rendering' } as const;

/** Runs the core compression over `files` with the scorer the settings chose (no `vscode` here). */
export async function compressContext(input: ContextToCompress, deps: CompressionDeps): Promise<ContextCompression> {
  const { scorer: choice, settings } = input;
  let ngramTrainMillis: number | undefined;
  const threads = Math.max(1, os.availableParallelism() - 1);
  // Files and device nodes only: the device's own check runs in the scorer's process.
  const device = choice.kind === 'onnx' ? (await chooseDevice(choice.device, systemDeviceProbes())).device : 'cpu';
  const dtype = choice.kind === 'onnx' ? weightsFor(choice.dtype, device, choice.folder) : undefined;
  const grant = input.remote ?? { apiKey: undefined, hostAllowed: false };
  const scorers = contextScorers(
    choice.kind === 'onnx'
      ? { kind: 'onnx', folder: choice.folder, dtype: dtype!, device, threads, open: () => untilAborted(deps.neural.scorer({ ...choice, device, dtype: dtype! }), deps.signal) }
      : choice.kind === 'remote'
        ? { ...choice, open: () => untilAborted(deps.remote.scorer(choice, grant), deps.signal) }
        : { kind: 'ngram' },
    input.files,
    deps.store,
    input.workspace,
    { onNgramTrained: (millis) => (ngramTrainMillis = millis), cachedOnly: input.cachedOnly },
  );

  deps.onStage('ranking chunks');
  try {
    const result = await compress(
      {
        files: input.files,
        skipped: input.skipped,
        query: input.query,
        parameters: {
          ...DEFAULT_PARAMETERS,
          budget: input.budget,
          fineRatio: settings.fineRatio,
          beta: settings.beta,
          ranking: settings.ranking,
          poolFactor: settings.poolFactor,
        },
        pins: input.pins,
        format: settings.format,
      },
      {
        ...scorers,
        countTokens: budgetCounter(settings.tokenizer),
        signal: deps.signal,
        onProgress: (stage, done, total) => deps.onStage(`${STAGE_WORDS[stage]}: ${done} of ${total}`, total > 0 ? done / total : undefined),
      },
    );
    return { result, ngramTrainMillis };
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
