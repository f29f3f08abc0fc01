import { modifiedDiscounts } from './discounts';
import { CONTINUATION, NgramCounts, RAW } from './ngramCounts';
import { LINE_END_ID } from './vocabulary';

/**
 * Interpolated modified Kneser-Ney probabilities from NgramCounts.
 *
 *   p_0(w) = u = 1 / (known tokens + other tokens in play + 1)       uniform, the last share for "unknown"
 *   p_k(w | h) = max(c(h w) - D_k(c), 0) / c(h •) + gamma(h) p_{k-1}(w | h')
 *   gamma(h) = (D_k1 N1(h •) + D_k2 N2(h •) + D_k3+ N3+(h •)) / c(h •)
 *
 * c is the raw count at the top order and the continuation count below it; h' is h without its oldest
 * token; a history never seen (c(h •) = 0) passes p_{k-1} through unchanged. Since every level is a
 * convex mix of its discounted counts and a distribution, each level sums to 1 over the known tokens,
 * the other tokens in play (a cache's) and the unknown-token share.
 *
 * `interpolate` returns p as fixed + share × u: the base probability u depends on the event space of the
 * scoring call (which tokens a cache brings in), the rest does not, so it is computed once per query.
 */
export class KneserNey {
  private readonly discounts: Float64Array;
  private discountsVersion = -1;
  private readonly path: Int32Array;

  constructor(private readonly counts: NgramCounts) {
    this.discounts = new Float64Array((counts.order + 1) * 2 * 4);
    this.path = new Int32Array(counts.order);
  }

  get order(): number {
    return this.counts.order;
  }

  /** D_r of `order` in `view` (r = 1, 2, 3 for 3+). */
  discount(order: number, view: 0 | 1, r: 1 | 2 | 3): number {
    this.refreshDiscounts();
    return this.discounts[(order * 2 + view) * 4 + r]!;
  }

  /**
   * p(ids[t] | the `order - 1` tokens before t in `ids`, padded with LINE_END) at `order` (at most the
   * counts' order), written to out[0] (fixed) and out[1] (share of u).
   */
  interpolate(ids: Int32Array, t: number, order: number, out: Float64Array): void {
    this.refreshDiscounts();
    const counts = this.counts;
    const path = this.path;
    const token = ids[t]!;
    path[0] = 0;
    let depth = 0; // deepest history node found
    while (depth < order - 1) {
      const back = t - depth - 1;
      const child = counts.childOf(path[depth]!, back >= 0 ? ids[back]! : LINE_END_ID);
      if (child < 0) break;
      path[++depth] = child;
    }
    let fixed = 0;
    let share = 1;
    for (let k = 1; k <= depth + 1; k++) {
      const node = path[k - 1]!;
      const view = k === order ? RAW : CONTINUATION;
      const total = counts.statOf(node, view, 0);
      if (total === 0) continue;
      const d = (k * 2 + view) * 4;
      const gamma =
        (this.discounts[d + 1]! * counts.statOf(node, view, 1) +
          this.discounts[d + 2]! * counts.statOf(node, view, 2) +
          this.discounts[d + 3]! * counts.statOf(node, view, 3)) /
        total;
      const c = counts.countOf(node, k, token, view);
      const kept = c > 0 ? (c - this.discounts[d + Math.min(c, 3)]!) / total : 0;
      fixed = kept + gamma * fixed;
      share *= gamma;
    }
    out[0] = fixed;
    out[1] = share;
  }

  private refreshDiscounts(): void {
    const counts = this.counts;
    if (this.discountsVersion === counts.version) return;
    for (let order = 1; order <= counts.order; order++) {
      for (const view of [RAW, CONTINUATION] as const) {
        const [d1, d2, d3] = modifiedDiscounts(
          counts.countOfCount(order, view, 1),
          counts.countOfCount(order, view, 2),
          counts.countOfCount(order, view, 3),
          counts.countOfCount(order, view, 4),
        );
        const d = (order * 2 + view) * 4;
        this.discounts[d + 1] = d1;
        this.discounts[d + 2] = d2;
        this.discounts[d + 3] = d3;
      }
    }
    this.discountsVersion = counts.version;
  }
}
