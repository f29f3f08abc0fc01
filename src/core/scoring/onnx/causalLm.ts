import * as ort from 'onnxruntime-node';
import { TARGETS_INPUT, TOKEN_LOG_PROBS_OUTPUT } from './logProbHead';
import type { ModelConfig } from './modelFolder';
import { ModelFolderError } from './modelFolder';

/** Key/value tensors of some positions of one sequence: per layer, key then value, each [heads, length, headDim]. */
export interface KeyValues {
  readonly length: number;
  readonly tensors: readonly KeyValueData[];
}

export type KeyValueData = Float32Array | Uint16Array;

/** One sequence of a batch: new tokens, after the key/values of earlier ones if given. */
export interface ForwardRow {
  readonly ids: Int32Array;
  readonly past?: KeyValues;
  /** Return the key/values of this many leading positions (rows without a past only). */
  readonly keep?: number;
}

export interface ForwardResult {
  /** logProbs[j] = log p(ids[j + 1] | past, ids[0..j]): one fewer than the row's tokens. */
  readonly logProbs: Float32Array;
  readonly kept?: KeyValues;
}

/** Told of every session.run: its feeds (with the log-prob head's targets) and how long it took. */
export type RunObserver = (feeds: Record<string, ort.Tensor>, fetches: readonly string[], milliseconds: number) => void;

export interface CausalLmSessionOptions {
  readonly device: string;
  readonly threads: number;
  readonly observer?: RunObserver;
}

const PAST_NAME = /^past_key_values\.(\d+)\.(key|value)$/;
const PRESENT_NAME = /^present\.(\d+)\.(key|value)$/;

/**
 * A causal LM session with the log-prob head (logProbHead.ts): batches of rows in, per-row next-token
 * log-probabilities (and, on request, key/values) out. Rows are right-padded; a row's past is padded
 * to the longest in the batch and masked out through attention_mask, and its position ids continue
 * from its own past length.
 */
export class CausalLm {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly config: ModelConfig,
    private readonly pastNames: readonly string[],
    private readonly presentNames: readonly string[],
    private readonly keyValueType: 'float32' | 'float16',
    private readonly idsType: 'int64' | 'int32',
    private readonly observer: RunObserver | undefined,
  ) {}

  static async create(modelBytes: Uint8Array, modelDir: string, config: ModelConfig, options: CausalLmSessionOptions, describe: string): Promise<CausalLm> {
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(modelBytes, {
        executionProviders: [options.device],
        intraOpNumThreads: options.threads,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
        // The bytes come without a path: external weights are found in the model file's own folder.
        extra: { 'session.model_external_initializers_file_folder_path': modelDir },
      });
    } catch (error) {
      // On a GPU the provider is the likelier culprit: the caller falls back to the CPU (deviceSession.ts).
      if (options.device !== 'cpu') throw error;
      throw new ModelFolderError(`Model file ${describe} cannot be loaded by ONNX Runtime (${firstLine(error)}): download the model again.`);
    }
    const inputs = new Map(session.inputMetadata.map((meta) => [meta.name, meta]));
    const missing = ['input_ids', 'attention_mask', TARGETS_INPUT].filter((name) => !inputs.has(name));
    const pastNames = layerNames(session.inputNames, PAST_NAME);
    const presentNames = layerNames(session.outputNames, PRESENT_NAME);
    if (missing.length > 0 || pastNames.length !== 2 * config.layers || presentNames.length !== 2 * config.layers) {
      throw new ModelFolderError(
        `Model file ${describe} is not a causal LM with key/value inputs for its ${config.layers} layers (inputs: ${session.inputNames.join(', ')}): use a model exported for text generation with past key/values.`,
      );
    }
    const typeOf = (name: string) => {
      const meta = inputs.get(name);
      return meta?.isTensor ? meta.type : undefined;
    };
    const keyValueType = typeOf(pastNames[0]!) === 'float16' ? 'float16' : 'float32';
    const idsType = typeOf('input_ids') === 'int32' ? 'int32' : 'int64';
    return new CausalLm(session, config, pastNames, presentNames, keyValueType, idsType, options.observer);
  }

  /** Bytes of key/values per token: what a cached sequence costs in memory. */
  get keyValueBytesPerToken(): number {
    return 2 * this.config.layers * this.config.keyValueHeads * this.config.headDim * (this.keyValueType === 'float16' ? 2 : 4);
  }

  get hasPositionIds(): boolean {
    return this.session.inputNames.includes('position_ids');
  }

  async forward(rows: readonly ForwardRow[]): Promise<ForwardResult[]> {
    const batch = rows.length;
    const width = Math.max(...rows.map((row) => row.ids.length));
    const pastWidth = Math.max(0, ...rows.map((row) => row.past?.length ?? 0));
    const keep = rows.some((row) => row.keep !== undefined);
    if (keep && pastWidth > 0) throw new Error('Key/values can only be kept from rows without a past.');

    const ids = this.idsTensorData(batch * width);
    const targets = new BigInt64Array(batch * width);
    const positions = new BigInt64Array(batch * width);
    const mask = new BigInt64Array(batch * (pastWidth + width));
    rows.forEach((row, i) => {
      const pastLength = row.past?.length ?? 0;
      for (let j = 0; j < width; j++) {
        const real = j < row.ids.length;
        const id = real ? row.ids[j]! : 0;
        if (ids instanceof BigInt64Array) ids[i * width + j] = BigInt(id);
        else ids[i * width + j] = id;
        if (j + 1 < row.ids.length) targets[i * width + j] = BigInt(row.ids[j + 1]!);
        positions[i * width + j] = BigInt(pastLength + j);
        mask[i * (pastWidth + width) + pastWidth + j] = real ? 1n : 0n;
      }
      for (let p = 0; p < pastLength; p++) mask[i * (pastWidth + width) + p] = 1n;
    });

    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor(this.idsType, ids, [batch, width]),
      attention_mask: new ort.Tensor('int64', mask, [batch, pastWidth + width]),
      [TARGETS_INPUT]: new ort.Tensor('int64', targets, [batch, width, 1]),
    };
    if (this.hasPositionIds) feeds.position_ids = new ort.Tensor('int64', positions, [batch, width]);
    if (this.session.inputNames.includes('use_cache_branch')) feeds.use_cache_branch = new ort.Tensor('bool', new Uint8Array([pastWidth > 0 ? 1 : 0]), [1]);
    const { keyValueHeads: heads, headDim } = this.config;
    this.pastNames.forEach((name, k) => {
      const data = this.keyValueArray(batch * heads * pastWidth * headDim);
      rows.forEach((row, i) => {
        if (!row.past) return;
        const source = row.past.tensors[k]!;
        const span = row.past.length * headDim;
        for (let h = 0; h < heads; h++) data.set(source.subarray(h * span, (h + 1) * span), (i * heads + h) * pastWidth * headDim);
      });
      feeds[name] = new ort.Tensor(this.keyValueType, data, [batch, heads, pastWidth, headDim]);
    });

    const fetches = keep ? [TOKEN_LOG_PROBS_OUTPUT, ...this.presentNames] : [TOKEN_LOG_PROBS_OUTPUT];
    const started = performance.now();
    const outputs = await this.session.run(feeds, fetches);
    this.observer?.(feeds, fetches, performance.now() - started);

    const logProbs = outputs[TOKEN_LOG_PROBS_OUTPUT]!.data as Float32Array;
    return rows.map((row, i) => ({
      logProbs: logProbs.slice(i * width, i * width + Math.max(0, row.ids.length - 1)),
      kept: row.keep === undefined ? undefined : this.slicePresent(outputs, i, width, row.keep),
    }));
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }

  /** The key/values of the first `length` positions of row `row` of the outputs. */
  private slicePresent(outputs: ort.InferenceSession.OnnxValueMapType, row: number, total: number, length: number): KeyValues {
    const { keyValueHeads: heads, headDim } = this.config;
    const tensors = this.presentNames.map((name) => {
      const source = outputs[name]!.data as KeyValueData;
      const kept = this.keyValueArray(heads * length * headDim);
      for (let h = 0; h < heads; h++) {
        const from = (row * heads + h) * total * headDim;
        kept.set(source.subarray(from, from + length * headDim), h * length * headDim);
      }
      return kept;
    });
    return { length, tensors };
  }

  private keyValueArray(size: number): KeyValueData {
    return this.keyValueType === 'float16' ? new Uint16Array(size) : new Float32Array(size);
  }

  private idsTensorData(size: number): BigInt64Array | Int32Array {
    return this.idsType === 'int64' ? new BigInt64Array(size) : new Int32Array(size);
  }
}

/** The names matching `pattern` (layer number, then key|value), ordered layer by layer, key first. */
function layerNames(names: readonly string[], pattern: RegExp): string[] {
  const found = names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null);
  found.sort((a, b) => Number(a.match[1]) - Number(b.match[1]) || (a.match[2] === 'key' ? -1 : 1));
  return found.map((entry) => entry.name);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}
