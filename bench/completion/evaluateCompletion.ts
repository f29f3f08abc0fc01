import type { LineRange } from '../../src/core/compress/lineRange';
import { taskScoring } from '../compression/taskScoring';
import type { ChunkedFiles } from '../retrieval/chunkedFiles';
import { BUDGET_FRACTIONS } from '../retrieval/packBudget';
import { completionContext } from './completionContext';
import type { CompletionRow } from './completionRows';
import type { CompletionTask, GoldDefinition } from './completionTask';

/** One task's outcome: per row, dependency recall at each budget fraction (BUDGET_FRACTIONS order). */
export interface CompletionResult {
  readonly task: CompletionTask;
  readonly recall: ReadonlyMap<string, readonly number[]>;
}

export interface CompletionEvaluation {
  readonly results: readonly CompletionResult[];
  /** Per row, milliseconds over all tasks and budgets. */
  readonly rowMs: ReadonlyMap<string, number>;
  /** Per row, outputs over their budget (the pipeline's cap says none). */
  readonly overBudget: ReadonlyMap<string, number>;
  /** Per budget, tasks whose code before the cursor alone is over it (every row keeps nothing there). */
  readonly prefixOverBudget: readonly number[];
  readonly contextMs: number;
  readonly trainingMs: number;
}

/** Share of the gold definitions whose signature line was kept. */
export function dependencyRecall(gold: readonly GoldDefinition[], kept: ReadonlyMap<string, readonly LineRange[]>): number {
  const isKept = (g: GoldDefinition) => (kept.get(g.path) ?? []).some((r) => r.start <= g.signatureLine && g.signatureLine <= r.end);
  return gold.filter(isKept).length / gold.length;
}

/**
 * Runs every row on every task at B = ⌊context tokens × f⌋ for each budget fraction, with one n-gram scorer
 * per task trained on the context with the current function left out, as `compress --cursor` trains it.
 */
export async function evaluateCompletion(
  tasks: readonly CompletionTask[],
  rows: readonly CompletionRow[],
  folderOf: (task: CompletionTask) => string,
  chunkedFiles: ChunkedFiles,
  onTask?: (done: number) => void,
): Promise<CompletionEvaluation> {
  const results: CompletionResult[] = [];
  const rowMs = new Map(rows.map((r) => [r.name, 0]));
  const overBudget = new Map(rows.map((r) => [r.name, 0]));
  const prefixOverBudget = BUDGET_FRACTIONS.map(() => 0);
  let contextMs = 0;
  let trainingMs = 0;
  for (const task of tasks) {
    let started = performance.now();
    const context = await completionContext(task, folderOf(task), chunkedFiles);
    const budgets = BUDGET_FRACTIONS.map((f) => Math.floor(task.contextTokens * f));
    contextMs += performance.now() - started;

    started = performance.now();
    const hidden = { path: task.file, ...context.completion.excludedSpan };
    const scoring = await taskScoring(context.files, hidden);
    trainingMs += performance.now() - started;
    const input = { task, context, budgets, ...scoring };

    const recall = new Map<string, number[]>();
    for (const row of rows) {
      started = performance.now();
      const outcomes = await row.run(input);
      rowMs.set(row.name, rowMs.get(row.name)! + performance.now() - started);
      recall.set(row.name, outcomes.map((o) => dependencyRecall(task.gold, o.kept)));
      outcomes.forEach((o, b) => {
        if (o.tokens > budgets[b]!) overBudget.set(row.name, overBudget.get(row.name)! + 1);
        if (o.prefixOverBudget && row === rows[0]) prefixOverBudget[b]!++;
      });
    }
    results.push({ task, recall });
    onTask?.(results.length);
  }
  return { results, rowMs, overBudget, prefixOverBudget, contextMs, trainingMs };
}
