import { grown, NumberTable } from './numberTable';
import { LINE_END_ID } from './vocabulary';

const TOKEN_SPACE = 2 ** 26;
/** Stands for "any next token" in the paths that count histories. */
const ANY = TOKEN_SPACE - 1;

/**
 * The n-gram counts (orders 1..order) of a conditioning text: the cache of the cache model.
 * A trie of reversed paths: (w, h1, h2, …) counts the n-gram h2 h1 w, (ANY, h1, h2, …) counts how often
 * the history h2 h1 was followed by a cached token. LINE_END is never cached as a next token (it is never
 * scored), only as history. Reused across scoring calls: `clear` keeps the memory.
 */
export class CacheCounts {
  private readonly trie = new NumberTable(1 << 12);
  private counts = new Int32Array(1 << 12);
  private nodes = 1;
  private cached = 0;
  private wanted: ReadonlySet<number> | undefined;

  constructor(readonly order: number) {}

  /** Tokens cached (LINE_END excluded). */
  get size(): number {
    return this.cached;
  }

  /**
   * Counts only what lookups of these tokens can reach (n-grams and histories made of them, and the
   * number of tokens cached), or everything when undefined. Lookups of other tokens then read 0.
   */
  countOnly(wanted: ReadonlySet<number> | undefined): void {
    this.wanted = wanted;
    this.clear();
  }

  clear(): void {
    if (this.nodes === 1) return;
    this.trie.clear();
    this.counts.fill(0, 0, this.nodes);
    this.nodes = 1;
    this.cached = 0;
  }

  /** Caches the token at ids[i] with its history (the tokens before it, padded with LINE_END). */
  add(ids: Int32Array, i: number): void {
    const token = ids[i]!;
    if (token === LINE_END_ID) return;
    this.cached += 1;
    if (this.wanted === undefined || this.wanted.has(token)) this.count(ids, i, token);
    this.count(ids, i, ANY);
  }

  /**
   * For k = 1..order: ngrams[k] = cached count of (history of length k - 1 before t) followed by ids[t],
   * histories[k] = cached count of that history followed by anything (histories[1] = tokens cached).
   */
  lookup(ids: Int32Array, t: number, ngrams: Float64Array, histories: Float64Array): void {
    this.walk(ids, t, ids[t]!, ngrams);
    this.walk(ids, t, ANY, histories);
  }

  private walk(ids: Int32Array, t: number, first: number, out: Float64Array): void {
    let node = this.trie.get(first);
    for (let k = 1; k <= this.order; k++) {
      if (node < 0) {
        out[k] = 0;
        continue;
      }
      out[k] = this.counts[node]!;
      if (k < this.order) node = this.trie.get(node * TOKEN_SPACE + (t - k >= 0 ? ids[t - k]! : LINE_END_ID));
    }
  }

  private count(ids: Int32Array, i: number, first: number): void {
    let node = this.child(0, first);
    this.counts[node] += 1;
    for (let back = 1; back < this.order; back++) {
      const token = i - back >= 0 ? ids[i - back]! : LINE_END_ID;
      if (this.wanted !== undefined && token !== LINE_END_ID && !this.wanted.has(token)) return;
      node = this.child(node, token);
      this.counts[node] += 1;
    }
  }

  private child(node: number, token: number): number {
    const child = this.trie.getOrInsert(node * TOKEN_SPACE + token, this.nodes);
    if (child === this.nodes) {
      this.nodes += 1;
      this.counts = grown(this.counts, this.nodes);
    }
    return child;
  }
}
