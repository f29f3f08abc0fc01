// The neural scorer's child process: loads the model once (again after a restart) and answers scoring
// requests. Inference runs here because a running session.run cannot be interrupted from JavaScript,
// and native memory can only be bounded by watching this process and stopping it.
import { processChannel, processWorkerData } from '../../workers/channels';
import type { FromWorker, ToWorker } from '../../workers/protocol';
import { serveRequests } from '../../workers/serveRequests';
import type { ScoreOptions, ScorerInfo } from '../scorer';
import { OnnxScorer, type OnnxScorerOptions, type OnnxScorerStats } from './onnxScorer';

/** What the parent starts the child with (JSON): the scorer's options. */
export type OnnxWorkerData = Omit<OnnxScorerOptions, 'observer'>;

/** What crosses as a request's progress: how far it got, or a note for the user. */
export type OnnxWorkerProgress = { readonly done: number; readonly total: number } | { readonly note: string };

let opening: Promise<OnnxScorer> | undefined;

function scorer(): Promise<OnnxScorer> {
  opening ??= OnnxScorer.open(processWorkerData<OnnxWorkerData>()!).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

function scoreOptions(signal: AbortSignal, progress: (progress: OnnxWorkerProgress) => void): ScoreOptions {
  return { signal, onProgress: (done, total) => progress({ done, total }), onNote: (note) => progress({ note }) };
}

serveRequests(processChannel<ToWorker, FromWorker>(), {
  async open(): Promise<ScorerInfo> {
    return (await scorer()).info();
  },
  async queryLogProbs(params: { contexts: string[]; query: string }, { signal, progress }): Promise<Float64Array[]> {
    return (await scorer()).queryLogProbs(params.contexts, params.query, scoreOptions(signal, progress));
  },
  async lineLogProbs(params: { text: string }, { signal, progress }): Promise<Float64Array> {
    return (await scorer()).lineLogProbs(params.text, scoreOptions(signal, progress));
  },
  async stats(): Promise<OnnxScorerStats> {
    return (await scorer()).stats;
  },
  async dispose(): Promise<void> {
    const open = opening;
    opening = undefined;
    await (await open)?.dispose();
  },
});
