import type { ChunkedFiles } from '../retrieval/chunkedFiles';
import type { Evaluation, TaskResult } from '../retrieval/evaluateRankers';
import { BUDGET_FRACTIONS } from '../retrieval/packBudget';
import type { RetrievalTask } from '../retrieval/retrievalTask';
import { checkedTaskContext } from '../retrieval/taskContext';
import type { CompressionRow } from './compressionRows';
import { findNeedle, needleFate, type NeedleFate } from './needle';
import { taskScoring } from './taskScoring';

/**
 * The retrieval benchmark's Evaluation (`hits`: the needle survived, per budget; `rankingMs`: each row's
 * time), so its report and statistics apply as they are; plus what the rows' outputs cost.
 */
export interface CompressionEvaluation extends Evaluation {
  /** Per row, each output's tokens / its budget, over all tasks and budgets. */
  readonly fill: ReadonlyMap<string, readonly number[]>;
  /** Per row, outputs over their budget (the pipeline's cap guarantee says none). */
  readonly overBudget: ReadonlyMap<string, number>;
  /** Per row and budget, how many needles were lost by each fate. */
  readonly lost: ReadonlyMap<string, readonly Record<Exclude<NeedleFate, 'survived'>, number>[]>;
  /** Milliseconds spent training the n-gram models, one per task. */
  readonly trainingMs: number;
}

/**
 * Runs every row on every task at B = ⌊context tokens × f⌋ for each budget fraction. The rows share one
 * n-gram scorer per task, trained as the product trains it (on the context's files, which no longer hold
 * the doc comment the query comes from).
 */
export async function evaluateCompression(
  tasks: readonly RetrievalTask[],
  rows: readonly CompressionRow[],
  folderOf: (task: RetrievalTask) => string,
  chunkedFiles: ChunkedFiles,
  onTask?: (done: number) => void,
): Promise<CompressionEvaluation> {
  const results: TaskResult[] = [];
  const rankingMs = new Map(rows.map((r) => [r.name, 0]));
  const fill = new Map(rows.map((r) => [r.name, [] as number[]]));
  const overBudget = new Map(rows.map((r) => [r.name, 0]));
  const lost = new Map(rows.map((r) => [r.name, BUDGET_FRACTIONS.map(() => ({ dropped: 0, trimmed: 0 }))]));
  let contextMs = 0;
  let trainingMs = 0;
  for (const task of tasks) {
    let started = performance.now();
    const context = await checkedTaskContext(task, folderOf(task), chunkedFiles);
    const needle = findNeedle(task, folderOf(task), context);
    const budgets = BUDGET_FRACTIONS.map((f) => Math.floor(context.totalTokens * f));
    contextMs += performance.now() - started;

    started = performance.now();
    const scoring = await taskScoring(context.files);
    trainingMs += performance.now() - started;
    const input = { task, context, needle, budgets, ...scoring };

    const hits = new Map<string, boolean[]>();
    for (const row of rows) {
      started = performance.now();
      const outcomes = await row.run(input);
      rankingMs.set(row.name, rankingMs.get(row.name)! + performance.now() - started);
      const fates = outcomes.map((o) => needleFate(needle, o.kept));
      hits.set(row.name, fates.map((fate) => fate === 'survived'));
      fates.forEach((fate, b) => {
        if (fate !== 'survived') lost.get(row.name)![b]![fate]++;
      });
      outcomes.forEach((o, b) => {
        fill.get(row.name)!.push(o.tokens / budgets[b]!);
        if (o.tokens > budgets[b]!) overBudget.set(row.name, overBudget.get(row.name)! + 1);
      });
    }
    results.push({ task, hits, chunks: context.chunks.length, goldTokens: context.tokens.get(task.goldChunkId)! });
    onTask?.(results.length);
  }
  return { results, rankingMs, contextMs, fill, overBudget, lost, trainingMs };
}
