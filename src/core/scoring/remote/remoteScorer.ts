import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { limitConcurrency, type Limiter } from '../../workers/concurrencyLimit';
import { ModelTokenizer } from '../onnx/modelTokenizer';
import { planBatches } from '../onnx/planBatches';
import { ScoredTextCache } from '../onnx/scoredTextCache';
import { fitContext, fitQuery, noteCutContexts, SEPARATOR, textWindows } from '../onnx/scoringWindows';
import { lineMeans, tokenLines } from '../onnx/tokenLines';
import type { ScoreOptions, Scorer, ScorerInfo } from '../scorer';
import { CompletionsClient, type CompletionsClientOptions } from './completionsClient';
import { promptLogProbsRequest, readPromptLogProbs } from './promptLogProbs';
import type { RemoteEndpoint } from './remoteEndpoint';
import { RemoteScorerError } from './remoteScorerError';
import { servedModelWindow } from './servedModel';

export interface RemoteScorerOptions extends Omit<CompletionsClientOptions, 'endpoint'> {
  readonly endpoint: RemoteEndpoint;
  /** The model's name on the server (vLLM: --served-model-name, else the path it was started with). */
  readonly model: string;
  /** The served model's tokenizer (tokenizer.json, tokenizer_config.json; config.json if present): prompts are tokenized here. */
  readonly tokenizerFolder: string;
  /** The user agreed to send code to this host; required when it is not loopback. */
  readonly hostAllowed?: boolean;
  /** Longest sequence scored, in model tokens; default and at most what the server and config.json allow. */
  readonly window?: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** At most this many prompts in one request (default 16). */
  readonly batchPrompts?: number;
  /** At most this many tokens (prompts x the longest) in one request (default 16,384). */
  readonly batchTokens?: number;
  /** Memory for the token log-probs of scored texts (default 64 MiB). */
  readonly cacheBytes?: number;
}

/** What went over the wire so far. */
export interface RemoteScorerStats {
  readonly requests: number;
  readonly prompts: number;
  /** Prompt tokens sent: what the server ran its model over. */
  readonly tokensSent: number;
}

export const DEFAULT_CONCURRENCY = 4;

/** How results name the remote scorer: the model as served, and the server as the device. */
export function remoteScorerInfo(endpoint: RemoteEndpoint, model: string, concurrency = DEFAULT_CONCURRENCY): ScorerInfo {
  return { name: 'remote', model, device: endpoint.host, dtype: 'as served', threads: concurrency };
}

/**
 * The scorer on an OpenAI-compatible inference server (vLLM): the same token sequences as the local
 * onnx scorer (tokenized here with the served model's tokenizer, cut by the same window rules), whose
 * log-probabilities the server returns for the prompt's own tokens. A query pass also gives the
 * context's token log-probs, kept so its line values need no request. docs/remote-scorer.md.
 */
export class RemoteScorer implements Scorer {
  private readonly limit: Limiter;
  private readonly cache: ScoredTextCache;
  private readonly separator: Int32Array;
  private readonly identity: string;
  private counts = { requests: 0, prompts: 0, tokensSent: 0 };

  private constructor(
    private readonly client: CompletionsClient,
    private readonly tokenizer: ModelTokenizer,
    private readonly options: RemoteScorerOptions,
    readonly window: number,
  ) {
    this.limit = limitConcurrency(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
    this.cache = new ScoredTextCache(options.cacheBytes ?? 64 * 1024 * 1024);
    this.separator = tokenizer.encode(SEPARATOR);
    this.identity = `${options.endpoint.baseUrl}|${options.model}|${window}`;
  }

  /** Loads the tokenizer and asks the server which models it serves (the first request: consent comes before). */
  static async open(options: RemoteScorerOptions, signal?: AbortSignal): Promise<RemoteScorer> {
    const { endpoint } = options;
    if (!endpoint.loopback && !options.hostAllowed) {
      throw new RemoteScorerError(`Sending code to the scoring server at ${endpoint.host} was not allowed: it is not this machine, and the context would leave it.`, 'hostConsent');
    }
    const folder = path.resolve(options.tokenizerFolder);
    checkTokenizerFolder(folder);
    const tokenizer = await ModelTokenizer.load(folder);
    const client = new CompletionsClient(options);
    const served = await servedModelWindow(client, options.model, signal);
    const limits = [configWindow(folder), served, options.window].filter((value): value is number => value !== undefined);
    if (limits.length === 0) {
      throw new RemoteScorerError(
        `Cannot tell the window of model '${options.model}': the server at ${endpoint.host} does not report max_model_len and ${folder} has no config.json; copy the model's config.json there.`,
        'tokenizerFolder',
      );
    }
    const window = Math.min(...limits);
    if (!(window >= 4)) throw new RemoteScorerError(`A scoring window of ${window} tokens is too small: use at least 4.`);
    return new RemoteScorer(client, tokenizer, options, window);
  }

  info(): ScorerInfo {
    return remoteScorerInfo(this.options.endpoint, this.options.model, this.options.concurrency);
  }

  get stats(): RemoteScorerStats {
    return { ...this.counts };
  }

  /** The scorer's tokenizer: what its windows and batch limits count. */
  tokenize(text: string): Int32Array {
    return this.tokenizer.encode(text);
  }

  async queryLogProbs(contexts: readonly string[], query: string, options: ScoreOptions = {}): Promise<Float64Array[]> {
    options.signal?.throwIfAborted();
    const separator = this.separator;
    const queryIds = fitQuery(this.tokenizer.encode(query), separator.length, this.window, options.onNote);
    const continuation = concat(separator, queryIds);
    const room = this.window - continuation.length;

    // One prompt per distinct context: context + blank line + query, exactly as the onnx scorer runs it.
    interface Row {
      readonly ids: Int32Array;
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
      const cached = context === '' ? undefined : this.cache.get(key);
      const { ids, cut: wasCut } = fitContext(cached?.ids ?? this.tokenizer.encode(context), room);
      if (wasCut) cut += 1;
      const cacheKey = !cached && !wasCut && ids.length > 0 ? key : undefined;
      rows.push({ ids: concat(ids, continuation), contextLength: ids.length, cacheKey });
      rowOf.set(context, rows.length - 1);
      return rows.length - 1;
    });
    noteCutContexts(cut, rows.length, room, this.window, options.onNote);

    const logProbs = await this.score(
      rows.map((row) => row.ids),
      options,
      contexts.length,
    );
    rows.forEach((row, i) => {
      if (row.cacheKey) this.cache.set(row.cacheKey, { ids: row.ids.slice(0, row.contextLength), logProbs: Float32Array.from(logProbs[i]!.subarray(0, row.contextLength)) });
    });
    return rowIndex.map((index) => {
      const from = rows[index]!.contextLength + separator.length;
      return logProbs[index]!.slice(from, from + queryIds.length);
    });
  }

  async lineLogProbs(text: string, options: ScoreOptions = {}): Promise<Float64Array> {
    options.signal?.throwIfAborted();
    const key = this.keyOf(text);
    let entry = this.cache.get(key);
    if (!entry) {
      const ids = this.tokenizer.encode(text);
      const logProbs = new Float32Array(ids.length).fill(Number.NaN);
      if (ids.length > 0) {
        const windows = textWindows(ids.length, this.window, options.onNote);
        const results = await this.score(
          windows.map((w) => ids.subarray(w.start, w.end)),
          options,
        );
        windows.forEach((w, k) => {
          for (let t = w.scoredFrom; t < w.end; t++) logProbs[t] = results[k]![t - w.start]!;
        });
      }
      entry = { ids, logProbs };
      this.cache.set(key, entry);
    }
    options.onProgress?.(1, 1);
    return lineMeans(entry.logProbs, tokenLines(entry.ids, this.tokenizer.bytesOf), text.split('\n').length);
  }

  /** Forgets the token log-probs of scored texts. */
  dispose(): void {
    this.cache.clear();
  }

  /**
   * Every prompt's token log-probs (NaN at 0), in requests of several prompts, a few requests at a
   * time. The first failure (or the caller's cancellation) stops the requests still waiting and aborts
   * the ones in flight.
   */
  private async score(prompts: readonly Int32Array[], options: ScoreOptions, progressTotal?: number): Promise<Float64Array[]> {
    const results = new Array<Float64Array>(prompts.length);
    const batches = planBatches(
      prompts.map((ids) => ids.length),
      { rows: Math.max(1, this.options.batchPrompts ?? 16), tokens: Math.max(1, this.options.batchTokens ?? 16_384) },
    );
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    let done = 0;
    const send = async (batch: number[]) => {
      signal.throwIfAborted();
      const sent = batch.map((i) => prompts[i]!);
      const response = await this.client.post('/completions', promptLogProbsRequest(this.options.model, sent), signal);
      const logProbs = readPromptLogProbs(response, sent, this.client.host);
      this.counts.requests += 1;
      this.counts.prompts += sent.length;
      this.counts.tokensSent += sent.reduce((sum, ids) => sum + ids.length, 0);
      batch.forEach((i, k) => {
        results[i] = logProbs[k]!;
      });
      done += batch.length;
      if (progressTotal !== undefined) options.onProgress?.(Math.round((done / prompts.length) * progressTotal), progressTotal);
    };
    await Promise.all(
      batches.map((batch) =>
        this.limit(() => send(batch)).catch((error: unknown) => {
          if (!stop.signal.aborted) stop.abort(error);
          throw error;
        }),
      ),
    ).catch(() => {
      // The first failure is the one to report: the caller's cancellation, else what stopped the rest.
      options.signal?.throwIfAborted();
      throw stop.signal.reason;
    });
    return results;
  }

  private keyOf(text: string): string {
    return `${this.identity}|${createHash('sha1').update(text).digest('hex')}`;
  }
}

/** The tokenizer must be there before anything is sent; said in the remote scorer's words. */
export function checkTokenizerFolder(folder: string): void {
  for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
    if (!fs.existsSync(path.join(folder, file))) {
      throw new RemoteScorerError(
        `The remote scorer's tokenizer folder ${folder} has no ${file}: point it at a folder with the served model's tokenizer files (the model's Hugging Face files, or its local onnx folder).`,
        'tokenizerFolder',
      );
    }
  }
}

/** max_position_embeddings from config.json next to the tokenizer, when it is there. */
function configWindow(folder: string): number | undefined {
  let config: { max_position_embeddings?: unknown };
  try {
    config = JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8')) as typeof config;
  } catch {
    return undefined;
  }
  const value = config.max_position_embeddings;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function concat(a: Int32Array, b: Int32Array): Int32Array {
  const joined = new Int32Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
