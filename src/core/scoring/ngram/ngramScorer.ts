import { limitConcurrency } from '../../workers/concurrencyLimit';
import type { ScoreOptions, Scorer, ScorerInfo } from '../scorer';
import { CacheCounts } from './cacheCounts';
import { mixWithCache } from './cacheMixture';
import { type ExcludedRange, NgramModel, type NgramModelOptions, type SourceFile } from './ngramModel';
import { detectQueryKind, LINE_SETTINGS, QUERY_SETTINGS, type QueryKind, type ScoringSettings } from './queryKind';
import { LINE_END_ID, ScoringIds } from './vocabulary';

export interface NgramScorerOptions extends NgramModelOptions {
  /** Replaces the measured settings per query kind. */
  readonly querySettings?: Partial<Record<QueryKind, ScoringSettings>>;
  readonly lineSettings?: ScoringSettings;
}

/** How long scoring runs before it lets other work (and an abort) in. */
const SLICE_MS = 8;

/**
 * The statistical scorer: the global Kneser-Ney model of the context documents mixed with a cache of the
 * conditioning text (docs/ngram.md). Scoring, training and updates run one at a time, in call order.
 *
 * The query is scored as a text of its own after the context: its n-gram history starts at the blank
 * line, and the context reaches it through the cache only. So the global model's part is computed once
 * per query, and each context costs its lexing and one pass to fill the cache.
 */
export class NgramScorer implements Scorer {
  private readonly model: NgramModel;
  private readonly querySettings: Record<QueryKind, ScoringSettings>;
  private readonly lineSettings: ScoringSettings;
  private readonly serial = limitConcurrency(1);
  private readonly caches = new Map<number, CacheCounts>();
  private readonly probability = new Float64Array(2);

  constructor(options: NgramScorerOptions = {}) {
    this.model = new NgramModel(options);
    this.querySettings = { ...QUERY_SETTINGS, ...options.querySettings };
    this.lineSettings = options.lineSettings ?? LINE_SETTINGS;
  }

  info(): ScorerInfo {
    return { name: 'ngram', model: `kn${this.model.order}-cache`, device: 'cpu', dtype: 'f64', threads: 1 };
  }

  /** What the model counts now (documents, tokens, n-grams, bytes). */
  get stats(): NgramModel['stats'] {
    return this.model.stats;
  }

  train(files: Iterable<SourceFile>): Promise<void> {
    return this.serial(async () => this.model.train(files));
  }

  update(path: string, text: string, language?: string): Promise<void> {
    return this.serial(async () => this.model.update(path, text, language));
  }

  remove(path: string): Promise<void> {
    return this.serial(async () => this.model.remove(path));
  }

  /** This scorer with `range` left out of the counts during each call (completion mode: the current function). */
  excluding(range: ExcludedRange): Scorer {
    const during = <T>(work: () => Promise<T>) =>
      this.serial(async () => {
        const restore = this.model.exclude(range);
        try {
          return await work();
        } finally {
          restore();
        }
      });
    return {
      info: () => this.info(),
      queryLogProbs: (contexts, query, options) => during(() => this.scoreQuery(contexts, query, options?.signal)),
      lineLogProbs: (text, options) => during(async () => this.scoreLines(text, options?.signal)),
    };
  }

  queryLogProbs(contexts: readonly string[], query: string, options?: ScoreOptions): Promise<Float64Array[]> {
    return this.serial(() => this.scoreQuery(contexts, query, options?.signal));
  }

  lineLogProbs(text: string, options?: ScoreOptions): Promise<Float64Array> {
    return this.serial(async () => this.scoreLines(text, options?.signal));
  }

  private async scoreQuery(contexts: readonly string[], query: string, signal?: AbortSignal): Promise<Float64Array[]> {
    signal?.throwIfAborted();
    const model = this.model;
    const settings = this.querySettings[detectQueryKind(query)];
    const order = Math.min(settings.order, model.order);
    const ids = new ScoringIds(model.words);
    const queryIds = ids.idsOf(model.tokens(query).tokens);
    const positions: number[] = [];
    for (let t = 0; t < queryIds.length; t++) if (queryIds[t] !== LINE_END_ID) positions.push(t);

    // The global model's part of each query token: p = fixed + share × u (KneserNey.interpolate).
    const fixed = new Float64Array(positions.length);
    const share = new Float64Array(positions.length);
    positions.forEach((t, j) => {
      model.probabilities.interpolate(queryIds, t, order, this.probability);
      fixed[j] = this.probability[0]!;
      share[j] = this.probability[1]!;
    });

    const cache = this.cacheOf(settings);
    cache.countOnly(new Set(queryIds));
    const others = new Set<number>();
    const results: Float64Array[] = [];
    let sliceStart = performance.now();
    for (const context of contexts) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
      // The blank line after the context adds nothing to the cache: line ends are never cached as
      // next tokens, and no token follows them.
      const contextIds = ids.idsOf(model.tokens(context).tokens);
      cache.clear();
      others.clear();
      for (let i = 0; i < contextIds.length; i++) {
        const token = contextIds[i]!;
        if (token !== LINE_END_ID && !model.ngrams.isKnown(token)) others.add(token);
        cache.add(contextIds, i);
      }
      const base = 1 / (model.ngrams.tokenTypes + others.size + 1);
      const logProbs = new Float64Array(positions.length);
      for (let j = 0; j < positions.length; j++) {
        logProbs[j] = Math.log(mixWithCache(fixed[j]! + share[j]! * base, cache, queryIds, positions[j]!, settings.cache));
      }
      results.push(logProbs);
    }
    return results;
  }

  private scoreLines(text: string, signal?: AbortSignal): Float64Array {
    signal?.throwIfAborted();
    const model = this.model;
    const settings = this.lineSettings;
    const order = Math.min(settings.order, model.order);
    const lexed = model.tokens(text);
    const ids = new ScoringIds(model.words).idsOf(lexed.tokens);
    const lineCount = text.split('\n').length;
    const sums = new Float64Array(lineCount);
    const counted = new Int32Array(lineCount);
    const cache = this.cacheOf(settings);
    cache.countOnly(undefined);
    const others = new Set<number>();
    let cachedUpTo = 0; // tokens before this index are in the cache (all lines before the current one)
    for (let t = 0; t < ids.length; t++) {
      const line = lexed.lines[t]!;
      while (cachedUpTo < t && lexed.lines[cachedUpTo]! < line) {
        const token = ids[cachedUpTo]!;
        if (token !== LINE_END_ID && !model.ngrams.isKnown(token)) others.add(token);
        cache.add(ids, cachedUpTo++);
      }
      if (ids[t] === LINE_END_ID) continue;
      model.probabilities.interpolate(ids, t, order, this.probability);
      const global = this.probability[0]! + this.probability[1]! / (model.ngrams.tokenTypes + others.size + 1);
      sums[line] += Math.log(mixWithCache(global, cache, ids, t, settings.cache));
      counted[line] += 1;
    }
    return sums.map((sum, line) => (counted[line]! > 0 ? sum / counted[line]! : Number.NaN));
  }

  private cacheOf(settings: ScoringSettings): CacheCounts {
    const order = Math.max(1, ...settings.cache.map((level) => level.order));
    let cache = this.caches.get(order);
    if (!cache) {
      cache = new CacheCounts(order);
      this.caches.set(order, cache);
    }
    return cache;
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
