/** A compression that fits the receiving model, counted with that model's own tokenizer. */
export interface FittedCompression<T> {
  readonly compression: T;
  /** Tokens of the compressed text in the receiver's tokenizer. */
  readonly receiverTokens: number;
  /** The budget-tokenizer budget the last compression ran with (the asked budget, or less). */
  readonly budgetUsed: number;
  /** How many compressions it took (1: the first one fit). */
  readonly rounds: number;
}

export interface FitOptions<T> {
  /** The compression already made at `budget`, if there is one (it is counted before anything re-runs). */
  readonly first?: T;
  readonly maxRounds?: number;
  readonly signal?: AbortSignal;
}

/** The compression could not be brought under the receiver's budget. */
export class ReceiverBudgetError extends Error {
  override readonly name = 'ReceiverBudgetError';
}

/**
 * The cap with the receiver's own tokenizer (algorithm.md, "Cap guarantee"). Selection counts in the
 * budget tokenizer (o200k); the receiver may count the same text as more tokens. The final text is
 * counted with `countReceiver`, and while it is over `budget` the compression runs again with the budget
 * shrunk by the overshoot (scores come from the store, so a re-run only re-selects and re-renders).
 * Each round's budget is below the last one, so this ends.
 */
export async function fitToReceiver<T extends { readonly text: string }>(
  budget: number,
  compressAt: (budget: number) => Promise<T>,
  countReceiver: (text: string) => Promise<number>,
  options: FitOptions<T> = {},
): Promise<FittedCompression<T>> {
  const maxRounds = options.maxRounds ?? 5;
  let budgetUsed = budget;
  let compression = options.first ?? (await compressAt(budget));
  for (let round = 1; ; round++) {
    options.signal?.throwIfAborted();
    const receiverTokens = await countReceiver(compression.text);
    if (receiverTokens <= budget) return { compression, receiverTokens, budgetUsed, rounds: round };
    if (round >= maxRounds) {
      throw new ReceiverBudgetError(`The compressed context is still ${receiverTokens} tokens for the model after ${round} tries at smaller budgets (the budget is ${budget}).`);
    }
    // Shrink by the ratio the receiver over-counts, and 2% more so the next round is not just over again.
    const next = Math.min(budgetUsed - 1, Math.floor(((budgetUsed * budget) / receiverTokens) * 0.98));
    if (next < 1) throw new ReceiverBudgetError(`The model counts even the smallest compressed context as over the budget of ${budget} tokens.`);
    budgetUsed = next;
    compression = await compressAt(budgetUsed);
  }
}

/**
 * The budget for a receiver that takes at most `maxInputTokens` (undefined: it does not say): the asked
 * budget, or what the model's input limit leaves after the prompt around the context.
 */
export function receiverBudget(budget: number, maxInputTokens: number | undefined, promptTokens: number): number {
  if (maxInputTokens === undefined) return budget;
  const room = maxInputTokens - promptTokens;
  if (room < 1) throw new ReceiverBudgetError(`The model takes at most ${maxInputTokens} tokens, and the question alone needs ${promptTokens}.`);
  return Math.min(budget, room);
}
