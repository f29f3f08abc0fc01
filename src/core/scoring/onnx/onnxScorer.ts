import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { chooseDevice } from './devices/chooseDevice';
import { checkCudaLibraries } from './devices/cudaLibraries';
import { defaultDtype } from './devices/defaultDtype';
import type { DeviceChoice, DeviceName } from './devices/deviceName';
import { systemDeviceProbes } from './devices/systemDeviceProbes';
import { limitConcurrency } from '../../workers/concurrencyLimit';
import type { ScoreOptions, Scorer, ScorerInfo } from '../scorer';
import { CausalLm, type ForwardResult, type ForwardRow, type RunObserver } from './causalLm';
import { checkDevice } from './deviceCheck';
import { openOnDevice } from './deviceSession';
import { hasWeights, type ModelDtype, ModelFolderError, openModelFolder } from './modelFolder';
import { readModelWithLogProbHead } from './modelGraph';
import { ModelTokenizer } from './modelTokenizer';
import { planBatches } from './planBatches';
import { ScoredTextCache, type ScoredText } from './scoredTextCache';
import { fitContext, fitQuery, noteCutContexts, SEPARATOR, textWindows } from './scoringWindows';
import { lineMeans, tokenLines } from './tokenLines';

export interface OnnxScorerOptions {
  /** A model folder in the published transformers.js layout (config.json, tokenizer.json, onnx/...). */
  readonly folder: string;
  /** Which weights: onnx/model.onnx for fp32, onnx/model_quantized.onnx for q8, ... Default: defaultDtype(device). */
  readonly dtype?: ModelDtype;
  /** What info() calls the model; default the folder's name. */
  readonly modelName?: string;
  /** ONNX Runtime execution provider, or 'auto' (default): chooseDevice.ts. A failing one falls back to the CPU with a note. */
  readonly device?: DeviceChoice;
  readonly threads?: number;
  /** Longest sequence scored in one pass, in model tokens; default and at most the model's max_position_embeddings. */
  readonly window?: number;
  /** At most this many sequences in one pass (default 8). */
  readonly batchRows?: number;
  /** At most this many padded tokens in one pass; default: what keeps the logits near 256 MB. */
  readonly batchTokens?: number;
  /** Memory for scored texts and their key/values (default 512 MiB; 0 keeps nothing). */
  readonly cacheBytes?: number;
  /** Told of every session.run (benchmarks). */
  readonly observer?: RunObserver;
}

/** Counts of the work done so far: passes and the real (unpadded) tokens that went through the model. */
export interface OnnxScorerStats {
  readonly passes: number;
  readonly tokens: number;
  readonly paddedTokens: number;
}

const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;
const LOGITS_BYTES_PER_BATCH = 256 * 1024 * 1024;

/**
 * The neural scorer: a causal code LM through ONNX Runtime, in this process (onnxWorker.ts runs it in
 * a child process). One pass over a text gives its tokens' log-probs (its line values) and its
 * key/values, kept by content hash: a query after that text, and its line values, cost no second pass
 * over it. docs/onnx-scorer.md has the design and the figures.
 */
export class OnnxScorer implements Scorer {
  private readonly serial = limitConcurrency(1);
  private readonly cache: ScoredTextCache;
  private readonly separator: Int32Array;
  private readonly batchRows: number;
  private readonly batchTokens: number;
  private counts = { passes: 0, tokens: 0, paddedTokens: 0 };

  private constructor(
    private readonly lm: CausalLm,
    private readonly tokenizer: ModelTokenizer,
    private readonly identity: string,
    private readonly scorerInfo: ScorerInfo,
    readonly window: number,
    options: OnnxScorerOptions,
    /** Why the scorer runs on the CPU rather than the device asked for: told with every request. */
    private readonly deviceNote: string | undefined,
  ) {
    this.cache = new ScoredTextCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
    this.separator = tokenizer.encode(SEPARATOR);
    this.batchRows = Math.max(1, options.batchRows ?? 8);
    this.batchTokens = Math.max(1, options.batchTokens ?? Math.floor(LOGITS_BYTES_PER_BATCH / (8 * lm.config.vocabSize)));
  }

  static async open(options: OnnxScorerOptions): Promise<OnnxScorer> {
    const folder = path.resolve(options.folder);
    const wanted = (await chooseDevice(options.device ?? 'auto', systemDeviceProbes())).device;
    const dtype = options.dtype ?? defaultDtype(wanted, (d) => hasWeights(folder, d));
    const { config, modelPath } = openModelFolder(folder, dtype);
    const window = Math.min(options.window ?? config.maxPositions, config.maxPositions);
    if (!(window >= 4)) throw new ModelFolderError(`A scoring window of ${options.window} tokens is too small: use at least 4.`);
    const threads = options.threads ?? availableParallelism();
    const tokenizer = await ModelTokenizer.load(folder);
    const bytes = await readModelWithLogProbHead(folder, modelPath);
    const opened = await openOnDevice(wanted, {
      check: checkDevice,
      open: (device: DeviceName) =>
        CausalLm.create(bytes, path.dirname(modelPath), config, { device, threads, observer: options.observer }, `${path.relative(folder, modelPath)} in ${folder}`),
      async firstRun(lm) {
        const [result] = await lm.forward([{ ids: Int32Array.of(0, 1) }]);
        if (!Number.isFinite(result?.logProbs[0])) throw new Error(`a first pass gave ${result?.logProbs[0]} instead of a log-probability`);
      },
      async explain(device) {
        const cuda = device === 'cuda' ? await checkCudaLibraries() : undefined;
        return cuda && !cuda.usable ? cuda.detail : undefined;
      },
      dispose: (lm) => lm.dispose(),
    });
    const modelName = options.modelName ?? path.basename(folder);
    const info: ScorerInfo = { name: 'onnx', model: modelName, device: opened.device, dtype, threads };
    return new OnnxScorer(opened.session, tokenizer, `${folder}|${dtype}|${window}`, info, window, options, opened.note);
  }

  info(): ScorerInfo {
    return this.scorerInfo;
  }

  get stats(): OnnxScorerStats {
    return { ...this.counts };
  }

  /** The scorer's tokenizer: what its windows and batch limits count. */
  tokenize(text: string): Int32Array {
    return this.tokenizer.encode(text);
  }

  queryLogProbs(contexts: readonly string[], query: string, options?: ScoreOptions): Promise<Float64Array[]> {
    if (this.deviceNote) options?.onNote?.(this.deviceNote);
    return this.serial(() => this.scoreQuery(contexts, query, options));
  }

  lineLogProbs(text: string, options?: ScoreOptions): Promise<Float64Array> {
    if (this.deviceNote) options?.onNote?.(this.deviceNote);
    return this.serial(() => this.scoreLines(text, options));
  }

  /** Forgets every scored text and its key/values. */
  clearCache(): void {
    this.cache.clear();
  }

  async dispose(): Promise<void> {
    this.cache.clear();
    await this.serial(() => this.lm.dispose());
  }

  private async scoreQuery(contexts: readonly string[], query: string, options: ScoreOptions = {}): Promise<Float64Array[]> {
    options.signal?.throwIfAborted();
    const separator = this.separator;
    const queryIds = fitQuery(this.tokenizer.encode(query), separator.length, this.window, options.onNote);
    const continuation = concat(separator, queryIds);
    const room = this.window - continuation.length;

    // One row per distinct context: either the context's cached key/values and the continuation, or
    // context + continuation in full (its key/values kept for next time).
    interface Row extends ForwardRow {
      readonly contextLength: number;
      readonly cacheKey?: string;
    }
    const rowOf = new Map<string, number>();
    const rows: Row[] = [];
    let cut = 0;
    const rowIndex = contexts.map((context) => {
      const known = rowOf.get(context);
      if (known !== undefined) return known;
      const key = this.keyOf(context);
      const entry = context === '' ? undefined : this.cache.get(key);
      let row: Row;
      if (entry?.keyValues && entry.ids.length <= room) {
        row = { ids: continuation, past: entry.keyValues, contextLength: 0 };
      } else {
        const { ids, cut: wasCut } = fitContext(entry?.ids ?? this.tokenizer.encode(context), room);
        if (wasCut) cut += 1;
        const cacheKey = !wasCut && ids.length > 0 ? key : undefined;
        row = { ids: concat(ids, continuation), keep: cacheKey ? ids.length : undefined, contextLength: ids.length, cacheKey };
      }
      rows.push(row);
      rowOf.set(context, rows.length - 1);
      return rows.length - 1;
    });
    noteCutContexts(cut, rows.length, room, this.window, options.onNote);

    const results = await this.runRows(rows, options, (row, result) => {
      if (row.cacheKey && result.kept) {
        this.cache.set(row.cacheKey, { ids: row.ids.slice(0, row.contextLength), logProbs: shiftedLogProbs(result.logProbs, row.contextLength), keyValues: result.kept });
      }
    }, contexts.length);
    return rowIndex.map((index) => {
      const row = rows[index]!;
      const from = row.contextLength + separator.length - 1;
      return Float64Array.from(results[index]!.logProbs.subarray(from, from + queryIds.length));
    });
  }

  private async scoreLines(text: string, options: ScoreOptions = {}): Promise<Float64Array> {
    options.signal?.throwIfAborted();
    const lineCount = text.split('\n').length;
    const key = this.keyOf(text);
    let entry = this.cache.get(key);
    if (!entry) {
      entry = await this.scoreText(this.tokenizer.encode(text), options);
      this.cache.set(key, entry);
    }
    options.onProgress?.(1, 1);
    return lineMeans(entry.logProbs, tokenLines(entry.ids, this.tokenizer.bytesOf), lineCount);
  }

  /** Every token's log-prob given the ones before it: one pass, or overlapping windows for a long text. */
  private async scoreText(ids: Int32Array, options: ScoreOptions): Promise<ScoredText> {
    const logProbs = new Float32Array(ids.length).fill(Number.NaN);
    if (ids.length <= this.window) {
      if (ids.length === 0) return { ids, logProbs };
      const [result] = await this.runRows([{ ids, keep: ids.length }], options);
      logProbs.set(result!.logProbs, 1);
      return { ids, logProbs, keyValues: result!.kept };
    }
    // Window k scores the tokens after window k-1's end, seeing the overlap before them.
    const windows = textWindows(ids.length, this.window, options.onNote);
    const results = await this.runRows(windows.map((w) => ({ ids: ids.subarray(w.start, w.end) })), options);
    windows.forEach((w, k) => {
      const windowLogProbs = results[k]!.logProbs;
      for (let t = w.scoredFrom; t < w.end; t++) logProbs[t] = windowLogProbs[t - w.start - 1]!;
    });
    return { ids, logProbs };
  }

  /**
   * Runs rows in batches: rows with a past together (padded past), rows without together (right
   * padding), each kind longest first. Cancellation is looked at between batches.
   */
  private async runRows<Row extends ForwardRow>(
    rows: readonly Row[],
    options: ScoreOptions,
    onResult?: (row: Row, result: ForwardResult) => void,
    progressTotal = rows.length,
  ): Promise<ForwardResult[]> {
    const results = new Array<ForwardResult>(rows.length);
    const limits = { rows: this.batchRows, tokens: this.batchTokens };
    const indices = (withPast: boolean) => rows.map((_, i) => i).filter((i) => (rows[i]!.past !== undefined) === withPast);
    const batches = [indices(true), indices(false)].flatMap((group) =>
      planBatches(
        group.map((i) => rows[i]!.ids.length + (rows[i]!.past?.length ?? 0)),
        limits,
      ).map((batch) => batch.map((k) => group[k]!)),
    );
    let done = 0;
    for (const batch of batches) {
      options.signal?.throwIfAborted();
      const batchRows = batch.map((i) => rows[i]!);
      const batchResults = await this.lm.forward(batchRows);
      const width = Math.max(...batchRows.map((row) => row.ids.length));
      this.counts.passes += 1;
      this.counts.tokens += batchRows.reduce((sum, row) => sum + row.ids.length, 0);
      this.counts.paddedTokens += width * batchRows.length;
      batch.forEach((i, k) => {
        results[i] = batchResults[k]!;
        onResult?.(rows[i]!, batchResults[k]!);
      });
      done += batch.length;
      options.onProgress?.(Math.round((done / rows.length) * progressTotal), progressTotal);
    }
    return results;
  }

  private keyOf(text: string): string {
    return `${this.identity}|${createHash('sha1').update(text).digest('hex')}`;
  }
}

/** A text's per-token log-probs from a pass over it: [NaN, logProbs[0..length-2]]. */
function shiftedLogProbs(passLogProbs: Float32Array, length: number): Float32Array {
  const logProbs = new Float32Array(length).fill(Number.NaN);
  if (length > 1) logProbs.set(passLogProbs.subarray(0, length - 1), 1);
  return logProbs;
}

function concat(a: Int32Array, b: Int32Array): Int32Array {
  const joined = new Int32Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

