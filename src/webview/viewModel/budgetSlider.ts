import { formatCount, formatRatio } from './format';

/** The budget setting's own minimum (package.json). */
export const MIN_BUDGET = 100;

export interface BudgetRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/**
 * The slider's range: from the setting's minimum to the whole input (a larger budget changes nothing),
 * or to four times the budget before anything has run; never below the budget itself.
 */
export function budgetRange(budget: number, originalTokens: number | undefined): BudgetRange {
  const top = Math.max(budget, originalTokens ?? budget * 4, MIN_BUDGET * 2);
  const step = top <= 5_000 ? 50 : top <= 20_000 ? 100 : 500;
  return { min: MIN_BUDGET, max: Math.ceil(top / step) * step, step };
}

/** What the slider says while it moves, before any compression runs: the cap and what it means. */
export function budgetFigures(budget: number, originalTokens: number | undefined): { readonly budget: string; readonly effect: string } {
  const cap = `${formatCount(budget)} tokens`;
  if (originalTokens === undefined) return { budget: cap, effect: 'run once to see what it keeps' };
  if (budget >= originalTokens) return { budget: cap, effect: `everything fits (${formatCount(originalTokens)} tokens in)` };
  return { budget: cap, effect: `at least ${formatRatio(originalTokens / budget)} smaller than ${formatCount(originalTokens)}` };
}
