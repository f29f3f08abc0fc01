import { fitToReceiver, type FittedCompression } from '../../core/llm/fitToReceiver';
import { formatTokens } from '../../webview/viewModel/format';
import type { FinishedCompression } from '../compress/lastCompression';
import type { CompressionAsk, CompressionRunner } from '../compress/runCompression';

// Compressions made smaller for a receiver, with the budget that was asked for: sending one of them to
// another model starts again from the asked budget, not from the smaller one.
const askedBudgets = new WeakMap<FinishedCompression, number>();

/** The budget the user asked for a compression (more than it ran with when it was shrunk for a model). */
export function askedBudget(compression: FinishedCompression): number {
  return askedBudgets.get(compression) ?? compression.budget;
}

/** The runner failed and has already told the user why (a notification, the log). */
export class CompressionFailed extends Error {
  override readonly name = 'CompressionFailed';
}

export interface ReceiverFit {
  readonly runner: CompressionRunner;
  /** The compression at `budget` made already (the last one), if any: counted before anything re-runs. */
  readonly first?: FinishedCompression;
  /** The compression to run at a budget. */
  readonly askAt: (budget: number) => CompressionAsk;
  readonly budget: number;
  /** The budget the user asked for, when `budget` is less (the model's input limit). */
  readonly askedBudget?: number;
  readonly countTokens: (text: string) => Promise<number>;
  readonly signal: AbortSignal;
  readonly onProgress?: (message: string) => void;
}

/**
 * A compression whose text the receiving model counts within the budget (algorithm.md, the cap with
 * the receiver's countTokens): selection runs with the budget tokenizer; the final text is counted with
 * the model's own tokenizer and compressed again, smaller, while the model counts it over.
 */
export async function compressForReceiver(fit: ReceiverFit): Promise<FittedCompression<FinishedCompression>> {
  const run = async (budget: number): Promise<{ text: string; compression: FinishedCompression }> => {
    if (budget < fit.budget) fit.onProgress?.(`compressing again at ${formatTokens(budget)}: the model counts more tokens than the budget tokenizer`);
    const outcome = await fit.runner.run(fit.askAt(budget), { signal: fit.signal, onProgress: fit.onProgress });
    if (outcome.kind === 'cancelled') throw fit.signal.reason ?? new Error('cancelled');
    if (outcome.kind === 'failed') throw new CompressionFailed(outcome.message);
    return { text: outcome.compression.result.text, compression: outcome.compression };
  };
  const first = fit.first && { text: fit.first.result.text, compression: fit.first };
  const fitted = await fitToReceiver(fit.budget, run, fit.countTokens, { signal: fit.signal, ...(first ? { first } : {}) });
  const { compression } = fitted.compression;
  if (compression !== fit.first) askedBudgets.set(compression, Math.max(fit.askedBudget ?? fit.budget, compression.budget));
  return { ...fitted, compression };
}
