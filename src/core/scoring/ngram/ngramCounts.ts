import { grown, NumberTable } from './numberTable';
import { LINE_END_ID, SCRATCH_BASE } from './vocabulary';

/** Raw counts c(h w), or continuation counts N1+(• h w): how many distinct tokens precede h w. */
export type CountView = typeof RAW | typeof CONTINUATION;
export const RAW = 0;
export const CONTINUATION = 1;

/** The statistics kept per history node and view: the sum of counts and the number of tokens seen 1, 2, 3+ times. */
const TOTAL = 0;
const STATS_PER_VIEW = 4;
const STATS_PER_NODE = 2 * STATS_PER_VIEW;

const TOKEN_SPACE = 2 ** 25;
const ROOT = 0;

/**
 * The n-gram counts of a corpus for an interpolated Kneser-Ney model of orders 1..order, kept exact under
 * adding and subtracting token sequences.
 *
 * Histories live in a trie read backwards from the predicted token: the node of history (h2, h1) is the
 * child of node (h1) by h2, so one walk from the root meets every suffix of a history. An n-gram is a
 * (history node, token) pair. For every n-gram the raw count is kept; for orders below the top also the
 * continuation count, which changes exactly when an n-gram one order up appears or disappears. Per
 * history node and view: the total and the number of distinct next tokens with count 1, 2 and 3+; per
 * order and view: how many n-grams have count 1..4 (for the discounts).
 *
 * Unigrams are indexed by token id. Every sequence starts after `order - 1` LINE_END tokens of padding,
 * so every n-gram has a full history.
 */
export class NgramCounts {
  private readonly children: NumberTable = new NumberTable(1 << 16);
  private readonly entries: NumberTable = new NumberTable(1 << 16);
  private nodeStats = new Int32Array(STATS_PER_NODE * 1024);
  private nodes = 1;
  private rawCounts = new Int32Array(1024);
  private continuationCounts = new Int32Array(1024);
  private unigramRaw = new Int32Array(1024);
  private unigramContinuation = new Int32Array(1024);
  /** countOfCounts[(order * 2 + view) * 5 + r]: n-grams of that order with count exactly r (1..4). */
  private readonly countOfCounts: Float64Array;
  private readonly path: Int32Array;
  private liveNgrams = 0;
  private liveTokens = 0;
  private tokenTotal = 0;
  /** Bumped by every change; lets derived values (the discounts) know when to recompute. */
  version = 0;

  constructor(readonly order: number) {
    if (!Number.isInteger(order) || order < 1 || order > 5) throw new RangeError(`n-gram order ${order} is not 1..5`);
    this.countOfCounts = new Float64Array((order + 1) * 2 * 5);
    this.path = new Int32Array(order);
  }

  /** Distinct n-grams of all orders with a nonzero count: what the memory bound counts. */
  get ngramCount(): number {
    return this.liveNgrams;
  }

  /** Distinct tokens with a nonzero count: the known vocabulary. */
  get tokenTypes(): number {
    return this.liveTokens;
  }

  /** Tokens counted (positions of all sequences added). */
  get tokens(): number {
    return this.tokenTotal;
  }

  /** Table slots in use, live or emptied by subtraction; more than the live n-grams means garbage. */
  get slots(): number {
    return this.entries.size + this.children.size + this.liveTokens;
  }

  get bytes(): number {
    return (
      this.children.bytes +
      this.entries.bytes +
      this.nodeStats.byteLength +
      this.rawCounts.byteLength +
      this.continuationCounts.byteLength +
      this.unigramRaw.byteLength +
      this.unigramContinuation.byteLength
    );
  }

  /** Adds (delta 1) or subtracts (delta -1) every n-gram of a token sequence. */
  addSequence(ids: Int32Array, delta: 1 | -1): void {
    for (let i = 0; i < ids.length; i++) this.addPosition(ids, i, delta);
    this.tokenTotal += delta * ids.length;
    this.version += 1;
  }

  isKnown(token: number): boolean {
    return token < this.unigramRaw.length && this.unigramRaw[token]! > 0;
  }

  /** The node of the history one token further back than `node`, or -1. */
  childOf(node: number, token: number): number {
    if (token >= SCRATCH_BASE) return -1;
    return this.children.get(node * TOKEN_SPACE + token);
  }

  /** The count of `token` after the history at `node` (of length order - 1) in the given view. */
  countOf(node: number, order: number, token: number, view: CountView): number {
    if (order === 1) {
      const unigrams = view === RAW ? this.unigramRaw : this.unigramContinuation;
      return token < unigrams.length ? unigrams[token]! : 0;
    }
    if (token >= SCRATCH_BASE) return 0;
    const entry = this.entries.get(node * TOKEN_SPACE + token);
    if (entry < 0) return 0;
    return view === RAW ? this.rawCounts[entry]! : this.continuationCounts[entry]!;
  }

  /** field 0: sum of counts after this history; 1, 2, 3: distinct tokens seen once, twice, 3+ times. */
  statOf(node: number, view: CountView, field: 0 | 1 | 2 | 3): number {
    return this.nodeStats[node * STATS_PER_NODE + view * STATS_PER_VIEW + field]!;
  }

  /** How many n-grams of `order` have count exactly `r` (1..4) in `view`. */
  countOfCount(order: number, view: CountView, r: number): number {
    return this.countOfCounts[(order * 2 + view) * 5 + r]!;
  }

  private addPosition(ids: Int32Array, i: number, delta: 1 | -1): void {
    const order = this.order;
    const path = this.path;
    path[0] = ROOT;
    for (let d = 1; d < order; d++) {
      const token = i - d >= 0 ? ids[i - d]! : LINE_END_ID;
      path[d] = this.childOrNew(path[d - 1]!, token);
    }
    const token = ids[i]!;
    // Did the n-gram one order up appear (1) or disappear (-1)? Then this order's continuation count moves.
    let appeared = 0;
    for (let k = order; k >= 1; k--) {
      const node = path[k - 1]!;
      let before: number;
      if (k === 1) {
        this.ensureToken(token);
        if (appeared !== 0) {
          const was = this.unigramContinuation[token]!;
          this.unigramContinuation[token] = was + appeared;
          this.recount(ROOT, CONTINUATION, 1, was, was + appeared);
        }
        before = this.unigramRaw[token]!;
        this.unigramRaw[token] = before + delta;
      } else {
        const entry = this.entryOrNew(node, token);
        if (appeared !== 0) {
          const was = this.continuationCounts[entry]!;
          this.continuationCounts[entry] = was + appeared;
          this.recount(node, CONTINUATION, k, was, was + appeared);
        }
        before = this.rawCounts[entry]!;
        this.rawCounts[entry] = before + delta;
      }
      const after = before + delta;
      if (after < 0) throw new Error('n-gram count below zero: subtracted a sequence that was never added');
      this.recount(node, RAW, k, before, after);
      appeared = before === 0 ? 1 : after === 0 ? -1 : 0;
      this.liveNgrams += appeared;
      if (k === 1) this.liveTokens += appeared;
    }
  }

  private recount(node: number, view: CountView, order: number, before: number, after: number): void {
    const base = node * STATS_PER_NODE + view * STATS_PER_VIEW;
    const stats = this.nodeStats;
    stats[base + TOTAL] += after - before;
    if (before > 0) stats[base + Math.min(before, 3)] -= 1;
    if (after > 0) stats[base + Math.min(after, 3)] += 1;
    const coc = (order * 2 + view) * 5;
    if (before >= 1 && before <= 4) this.countOfCounts[coc + before] -= 1;
    if (after >= 1 && after <= 4) this.countOfCounts[coc + after] += 1;
  }

  private childOrNew(node: number, token: number): number {
    const child = this.children.getOrInsert(node * TOKEN_SPACE + token, this.nodes);
    if (child === this.nodes) {
      this.nodes += 1;
      this.nodeStats = grown(this.nodeStats, this.nodes * STATS_PER_NODE);
    }
    return child;
  }

  private entryOrNew(node: number, token: number): number {
    const next = this.entries.size;
    const entry = this.entries.getOrInsert(node * TOKEN_SPACE + token, next);
    if (entry === next) {
      this.rawCounts = grown(this.rawCounts, next + 1);
      this.continuationCounts = grown(this.continuationCounts, next + 1);
    }
    return entry;
  }

  private ensureToken(token: number): void {
    if (token < this.unigramRaw.length) return;
    this.unigramRaw = grown(this.unigramRaw, token + 1);
    this.unigramContinuation = grown(this.unigramContinuation, token + 1);
  }
}
