import type { ScoreOptions, Scorer, ScorerInfo } from '../scoring/scorer';
import { folderKey, textKey } from './cacheKeys';
import type { DiskStore } from './diskStore';

export interface CachedScorerOptions {
  readonly store: DiskStore;
  /**
   * Everything the scorer's answers depend on besides the texts: the model's identity, dtype and
   * tokenizer; for the n-gram scorer, a hash of what it was trained on and of any range it leaves out.
   */
  readonly fingerprint: string;
  /** The workspace the texts come from: its entries are stored apart, so a compression reads only its own. */
  readonly workspace?: string;
  readonly info: ScorerInfo;
  /** Opens the real scorer: called once, the first time an answer is not in the store. */
  readonly open: () => Promise<Scorer>;
  /** Added to as texts are answered: from the store (`cached`), by the real scorer (`scored`), or not (`missing`). */
  readonly tally?: { scored: number; cached: number; missing: number };
  /**
   * Answer from the store only: a text it does not hold gets NaN log-probabilities (no information), so
   * a chunk never scored ranks on its other evidence and a function never scored is kept or dropped whole.
   * The real scorer is never opened. The panel's budget slider re-selects this way.
   */
  readonly cachedOnly?: boolean;
}

/**
 * A Scorer that answers from the disk store what an identical scorer answered before, and asks the
 * real one (opened only then) for the rest, in one batch. The caller flushes the store once per
 * compression. Notes the real scorer gave when it computed a cached answer are not repeated.
 */
export class CachedScorer implements Scorer {
  private readonly folder: string;
  private opening: Promise<Scorer> | undefined;
  private opened: Scorer | undefined;

  constructor(private readonly options: CachedScorerOptions) {
    this.folder = `${folderKey(options.fingerprint)}/${folderKey(options.workspace ?? '')}`;
  }

  /** The real scorer's once it is open (it may run on another device than the one asked for), else the expected one. */
  info(): ScorerInfo {
    return this.opened?.info() ?? this.options.info;
  }

  async lineLogProbs(text: string, options?: ScoreOptions): Promise<Float64Array> {
    options?.signal?.throwIfAborted();
    const key = textKey(text);
    // 16 shards per scorer and workspace, by the key's first hex digit: a compression that needs a few reads a few.
    const shard = `lines/${this.folder}/${key[0]}`;
    const [cached] = await this.options.store.getNumbers(shard, [key]);
    if (cached !== undefined) {
      if (this.options.tally) this.options.tally.cached += 1;
      return cached;
    }
    if (this.options.cachedOnly) {
      if (this.options.tally) this.options.tally.missing += 1;
      return new Float64Array(text.split('\n').length).fill(Number.NaN);
    }
    const values = await (await this.scorer()).lineLogProbs(text, options);
    if (this.options.tally) this.options.tally.scored += 1;
    this.options.store.setNumbers(shard, key, values);
    return values;
  }

  async queryLogProbs(contexts: readonly string[], query: string, options?: ScoreOptions): Promise<Float64Array[]> {
    options?.signal?.throwIfAborted();
    // All contexts of one query in one shard: a repeated query reads one file.
    const shard = `scores/${this.folder}/${textKey(query)}`;
    const keys = contexts.map(textKey);
    const cached = await this.options.store.getNumbers(shard, keys);
    const missingKeys: string[] = [];
    const missingContexts: string[] = [];
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (cached[i] !== undefined || seen.has(key)) return;
      seen.add(key);
      missingKeys.push(key);
      missingContexts.push(contexts[i]!);
    });
    const hits = contexts.length - keys.filter((key) => seen.has(key)).length;
    if (this.options.tally) this.options.tally.cached += hits;
    if (missingContexts.length === 0) {
      options?.onProgress?.(contexts.length, contexts.length);
      return cached as Float64Array[];
    }

    if (this.options.cachedOnly) {
      if (this.options.tally) this.options.tally.missing += missingContexts.length;
      return keys.map((_, i) => cached[i] ?? new Float64Array(1).fill(Number.NaN));
    }
    const scorer = await this.scorer();
    const scored = await scorer.queryLogProbs(missingContexts, query, {
      ...options,
      onProgress: options?.onProgress && ((done, total) => options.onProgress!(hits + done, hits + total)),
    });
    if (scored.length !== missingContexts.length) {
      throw new Error(`the scorer answered ${scored.length} contexts of ${missingContexts.length}`);
    }
    if (this.options.tally) this.options.tally.scored += missingContexts.length;
    const byKey = new Map<string, Float64Array>();
    missingKeys.forEach((key, j) => {
      byKey.set(key, scored[j]!);
      this.options.store.setNumbers(shard, key, scored[j]!);
    });
    const handedOut = new Set<Float64Array>();
    return keys.map((key, i) => {
      const values = cached[i] ?? byKey.get(key)!;
      // The same text twice in one call: each gets its own array, as the real scorer would give.
      if (handedOut.has(values)) return values.slice();
      handedOut.add(values);
      return values;
    });
  }

  private scorer(): Promise<Scorer> {
    this.opening ??= this.options.open().then(
      (scorer) => (this.opened = scorer),
      (error: unknown) => {
        this.opening = undefined;
        throw error;
      },
    );
    return this.opening;
  }
}
