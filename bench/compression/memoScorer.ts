import type { ScoreOptions, Scorer, ScorerInfo } from '../../src/core/scoring/scorer';

/**
 * One task's scorer for every row and budget, every answer kept in memory. The rows ask the same
 * questions (same chunks, same query, same functions' lines) many times; the answers are deterministic,
 * so remembering them changes no figure, only the time.
 */
export class MemoScorer implements Scorer {
  private readonly lines = new Map<string, Float64Array>();
  private readonly queries = new Map<string, Map<string, Float64Array>>();

  constructor(private readonly inner: Scorer) {}

  info(): ScorerInfo {
    return this.inner.info();
  }

  async lineLogProbs(text: string, options?: ScoreOptions): Promise<Float64Array> {
    let values = this.lines.get(text);
    if (!values) {
      values = await this.inner.lineLogProbs(text, options);
      this.lines.set(text, values);
    }
    return values.slice();
  }

  async queryLogProbs(contexts: readonly string[], query: string, options?: ScoreOptions): Promise<Float64Array[]> {
    let known = this.queries.get(query);
    if (!known) this.queries.set(query, (known = new Map()));
    const missing = [...new Set(contexts.filter((context) => !known.has(context)))];
    if (missing.length > 0) {
      const scored = await this.inner.queryLogProbs(missing, query, options);
      missing.forEach((context, i) => known.set(context, scored[i]!));
    }
    return contexts.map((context) => known.get(context)!.slice());
  }
}
