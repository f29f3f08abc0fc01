import type { ChunkedFiles } from './chunkedFiles';
import { completeRanking, hitsAtBudgets } from './packBudget';
import type { NamedRanker } from './rankers';
import type { RetrievalTask } from './retrievalTask';
import { checkedTaskContext } from './taskContext';

/** One task's outcome: per ranker, hit@B for each budget fraction (BUDGET_FRACTIONS order). */
export interface TaskResult {
  readonly task: RetrievalTask;
  readonly hits: ReadonlyMap<string, readonly boolean[]>;
  readonly chunks: number;
  readonly goldTokens: number;
}

export interface Evaluation {
  readonly results: readonly TaskResult[];
  /** Milliseconds each ranker spent ranking, over all tasks. */
  readonly rankingMs: ReadonlyMap<string, number>;
  /** Milliseconds spent reading, chunking and checking the contexts. */
  readonly contextMs: number;
}

/**
 * Runs every ranker on every task. A ranker sees the context's chunks and the query, nothing else; the gold
 * is looked up only in its finished ranking.
 */
export async function evaluateRankers(
  tasks: readonly RetrievalTask[],
  rankers: readonly NamedRanker[],
  folderOf: (task: RetrievalTask) => string,
  chunkedFiles: ChunkedFiles,
  onTask?: (done: number) => void,
): Promise<Evaluation> {
  const results: TaskResult[] = [];
  const rankingMs = new Map(rankers.map((r) => [r.name, 0]));
  let contextMs = 0;
  for (const task of tasks) {
    const started = performance.now();
    const context = await checkedTaskContext(task, folderOf(task), chunkedFiles);
    contextMs += performance.now() - started;
    const hits = new Map<string, boolean[]>();
    for (const ranker of rankers) {
      const before = performance.now();
      const ranking = completeRanking(await ranker.rank(context.chunks, task.query), context.chunks);
      rankingMs.set(ranker.name, rankingMs.get(ranker.name)! + performance.now() - before);
      hits.set(ranker.name, hitsAtBudgets(ranking, context.tokens, context.totalTokens, task.goldChunkId));
    }
    results.push({ task, hits, chunks: context.chunks.length, goldTokens: context.tokens.get(task.goldChunkId)! });
    onTask?.(results.length);
  }
  return { results, rankingMs, contextMs };
}
