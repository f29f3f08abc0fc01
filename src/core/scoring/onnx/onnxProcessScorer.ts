import * as path from 'node:path';
import { type MemoryLimit, WorkerPool } from '../../workers/workerPool';
import type { ScoreOptions, Scorer, ScorerInfo } from '../scorer';
import type { OnnxScorerStats } from './onnxScorer';
import type { OnnxWorkerData, OnnxWorkerProgress } from './onnxWorker';

export interface OnnxProcessScorerOptions extends OnnxWorkerData {
  /** The bundled child script: dist/onnxWorker.js. */
  readonly script: string;
  /** Stop the child (with a clear error naming the setting) when its resident memory passes this. */
  readonly memoryLimit?: MemoryLimit;
  /** How long a cancelled run may take to stop by itself before its process is killed. */
  readonly cancelGraceMs?: number;
}

/**
 * The neural scorer, run in a child process (onnxWorker.ts): same interface as OnnxScorer. A
 * cancelled request whose pass does not end within the grace period kills the child; so does going
 * over the memory limit. The next request starts a fresh child, which loads the model again.
 */
export class OnnxProcessScorer implements Scorer {
  private constructor(
    private readonly pool: WorkerPool,
    private readonly scorerInfo: ScorerInfo,
  ) {}

  /** Starts the child and loads the model; rejects with the model's one-line error if it cannot. */
  static async open(options: OnnxProcessScorerOptions): Promise<OnnxProcessScorer> {
    const { script, memoryLimit, cancelGraceMs, ...scorer } = options;
    const workerData: OnnxWorkerData = { ...scorer, folder: path.resolve(scorer.folder) };
    const pool = new WorkerPool({ script, size: 1, name: 'neural scorer', kind: 'process', workerData, memoryLimit, cancelGraceMs });
    try {
      return new OnnxProcessScorer(pool, await pool.run<ScorerInfo>('open', {}));
    } catch (error) {
      await pool.dispose();
      throw error;
    }
  }

  info(): ScorerInfo {
    return this.scorerInfo;
  }

  queryLogProbs(contexts: readonly string[], query: string, options?: ScoreOptions): Promise<Float64Array[]> {
    return this.pool.run('queryLogProbs', { contexts, query }, runOptions(options));
  }

  lineLogProbs(text: string, options?: ScoreOptions): Promise<Float64Array> {
    return this.pool.run('lineLogProbs', { text }, runOptions(options));
  }

  stats(): Promise<OnnxScorerStats> {
    return this.pool.run('stats', {});
  }

  /** Stops the child: its model and cached key/values go with it. */
  dispose(): Promise<void> {
    return this.pool.dispose();
  }
}

function runOptions(options: ScoreOptions = {}) {
  return {
    signal: options.signal,
    onProgress: (message: unknown) => {
      const progress = message as OnnxWorkerProgress;
      if ('note' in progress) options.onNote?.(progress.note);
      else options.onProgress?.(progress.done, progress.total);
    },
  };
}
