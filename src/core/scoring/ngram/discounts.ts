/** Absolute discounting's usual values, used where the count-of-counts leave the estimate undefined. */
const FALLBACK = [0, 0.5, 1, 1.5] as const;

/**
 * Modified Kneser-Ney discounts D1, D2, D3+ (Chen & Goodman 1998) from n1..n4, the numbers of n-grams
 * seen exactly 1..4 times: Y = n1 / (n1 + 2 n2), D_r = r - (r + 1) Y n_{r+1} / n_r.
 * A D_r that is undefined (an n_r of zero) or outside (0, r] takes the fallback value, so every discount
 * keeps some mass for lower orders and never exceeds the count it discounts.
 */
export function modifiedDiscounts(n1: number, n2: number, n3: number, n4: number): [number, number, number] {
  const counts = [0, n1, n2, n3, n4];
  const y = n1 / (n1 + 2 * n2);
  const discounts: [number, number, number] = [0, 0, 0];
  for (let r = 1; r <= 3; r++) {
    const value = r - ((r + 1) * y * counts[r + 1]!) / counts[r]!;
    discounts[r - 1] = Number.isFinite(value) && value > 0 && value <= r ? value : FALLBACK[r];
  }
  return discounts;
}
