import * as path from 'node:path';
import { CachedScorer } from '../cache/cachedScorer';
import type { DiskStore } from '../cache/diskStore';
import type { FileChunks } from '../chunking/chunk';
import { ngramForContext } from '../scoring/ngram/ngramForContext';
import { modelFingerprint } from '../scoring/onnx/modelFingerprint';
import { type ModelDtype, openModelFolder } from '../scoring/onnx/modelFolder';
import type { DeviceName } from '../scoring/onnx/devices/deviceName';
import { remoteFingerprint } from '../scoring/remote/remoteFingerprint';
import type { RemoteEndpoint } from '../scoring/remote/remoteEndpoint';
import { remoteScorerInfo } from '../scoring/remote/remoteScorer';
import type { Scorer } from '../scoring/scorer';
import type { CompressionServices, HiddenSpan } from './compressionRequest';

/** Which scorer a compression runs, as the user chose it. */
export type ScorerChoice =
  | { readonly kind: 'ngram' }
  | {
      readonly kind: 'onnx';
      /** A model folder in the published transformers.js layout. */
      readonly folder: string;
      readonly dtype: ModelDtype;
      /** The device chosen (chooseDevice.ts); the scorer may fall back to the CPU, and then says so. */
      readonly device: DeviceName;
      readonly threads: number;
      /** Starts (or reuses) the neural scorer: the CLI starts a child per run, the extension keeps one. */
      readonly open: () => Promise<Scorer>;
    }
  | {
      readonly kind: 'remote';
      /** An OpenAI-compatible server (vLLM) that returns prompt log-probabilities; consent is the caller's. */
      readonly endpoint: RemoteEndpoint;
      /** The model's name on the server. */
      readonly model: string;
      /** The served model's tokenizer, used here to cut texts into the tokens the server scores. */
      readonly tokenizerFolder: string;
      /** Opens the remote scorer: its first request goes out only when a score is not in the store. */
      readonly open: () => Promise<Scorer>;
    };

/** The scorers of one compression. */
export type ContextScorers = Pick<CompressionServices, 'scorer' | 'cheapScorer' | 'scoringCounts'>;

export interface ContextScorerOptions {
  /** Told how long training the n-gram model took, when it had to be trained. */
  readonly onNgramTrained?: (millis: number) => void;
  /** Answer from the disk store only, never opening a scorer (CachedScorerOptions.cachedOnly). */
  readonly cachedOnly?: boolean;
}

/**
 * The scorers for a context, answering from the disk store where they can: the n-gram one (trained on
 * the context only when the store lacks an answer), and for `onnx` the neural one (opened on the first
 * missing answer) with the n-gram one as its cheap prefilter (algorithm.md, workspace scale). The model
 * folder is checked now, so a missing or broken model fails before any work with its one-line message.
 */
export function contextScorers(
  choice: ScorerChoice,
  files: readonly FileChunks[],
  store: DiskStore,
  workspace: string,
  options: ContextScorerOptions = {},
): ContextScorers {
  const tally = { scored: 0, cached: 0, missing: 0 };
  const cachedOnly = options.cachedOnly ?? false;
  const scoringCounts = () => ({ ...tally });
  const ngram = (hidden: HiddenSpan | undefined): Scorer => {
    const context = ngramForContext(files, hidden);
    return new CachedScorer({
      store,
      workspace,
      tally,
      cachedOnly,
      info: context.info,
      fingerprint: context.fingerprint,
      async open() {
        const started = performance.now();
        const scorer = await context.open();
        options.onNgramTrained?.(Math.round(performance.now() - started));
        return scorer;
      },
    });
  };
  if (choice.kind === 'ngram') return { scorer: ngram, scoringCounts };
  if (choice.kind === 'remote') {
    const fingerprint = remoteFingerprint(choice.endpoint, choice.model, choice.tokenizerFolder);
    const info = remoteScorerInfo(choice.endpoint, choice.model);
    return { scorer: () => new CachedScorer({ store, workspace, fingerprint, info, open: choice.open, tally, cachedOnly }), cheapScorer: ngram, scoringCounts };
  }

  openModelFolder(choice.folder, choice.dtype);
  const fingerprint = modelFingerprint(choice.folder, choice.dtype);
  const info = { name: 'onnx', model: path.basename(path.resolve(choice.folder)), device: choice.device, dtype: choice.dtype, threads: choice.threads } as const;
  return {
    // The neural scorer never learns from the context: what the query hides needs no special care.
    scorer: () => new CachedScorer({ store, workspace, fingerprint, info, open: choice.open, tally, cachedOnly }),
    cheapScorer: ngram,
    scoringCounts,
  };
}
