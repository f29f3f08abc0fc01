import { minMaxNormalise } from './normaliseScores';

export interface BudgetItem {
  /** Budget-tokenizer tokens of the whole function. */
  readonly tokens: number;
  /** Its coarse ranking score (higher = more relevant). */
  readonly score: number;
  /** Short functions are kept whole: they take their tokens off the budget first. */
  readonly keepWhole: boolean;
}

const MAX_ROUNDS = 10;

/**
 * The share of each function that stage 2 keeps (algorithm.md, Stage 2.3). With r the global rate of what
 * the budget leaves after the whole-kept functions, and s the min-max normalised coarse score,
 * rate = clamp(r * (1 + beta * (2s - 1)), 0, 1), then rescaled so the rates times the tokens meet the
 * budget, clamped again, until stable. A rescale upwards grows only the functions below 1 (growing those
 * at 1 is clamped away, and converging that way takes far more than 10 rounds). The sum never exceeds the
 * budget: each rescale meets it exactly and clamping only lowers. Whole-kept items get 1.
 */
export function allocateBudgets(items: readonly BudgetItem[], budget: number, beta: number): number[] {
  const rates: number[] = items.map((item) => (item.keepWhole ? 1 : 0));
  const rest = items.map((item, i) => (item.keepWhole ? -1 : i)).filter((i) => i >= 0 && items[i]!.tokens > 0);
  const restTokens = rest.reduce((sum, i) => sum + items[i]!.tokens, 0);
  const wholeTokens = items.reduce((sum, item) => sum + (item.keepWhole ? item.tokens : 0), 0);
  const available = budget - wholeTokens;
  if (rest.length === 0 || available <= 0) return rates;

  const r = available / restTokens;
  const s = minMaxNormalise(rest.map((i) => items[i]!.score));
  rest.forEach((i, j) => (rates[i] = clamp(r * (1 + beta * (2 * s[j]! - 1)))));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const spent = rest.reduce((sum, i) => sum + rates[i]! * items[i]!.tokens, 0);
    if (Math.abs(spent - available) <= 1e-9 * available) break;
    if (spent > available) {
      rest.forEach((i) => (rates[i] = rates[i]! * (available / spent)));
      continue;
    }
    // Under the budget: only functions below 1 can take more.
    const growing = rest.filter((i) => rates[i]! < 1);
    if (growing.length === 0) break;
    const full = rest.reduce((sum, i) => sum + (rates[i]! < 1 ? 0 : items[i]!.tokens), 0);
    const share = growing.reduce((sum, i) => sum + rates[i]! * items[i]!.tokens, 0);
    if (share === 0) {
      // beta = 1 gives the lowest score nothing; when that is everyone below 1, they share alike.
      const even = (available - full) / growing.reduce((sum, i) => sum + items[i]!.tokens, 0);
      growing.forEach((i) => (rates[i] = clamp(even)));
      continue;
    }
    growing.forEach((i) => (rates[i] = clamp(rates[i]! * ((available - full) / share))));
  }
  return rates;
}

/** Into [0, 1]; within rounding error of 1 is 1, so a budget for everything keeps everything whole. */
function clamp(x: number): number {
  return x > 1 - 1e-9 ? 1 : Math.max(0, x);
}
