import { compress } from '../../src/core/compress/compress';
import type { LineRange } from '../../src/core/compress/lineRange';
import { DEFAULT_PARAMETERS, type CompressionParameters } from '../../src/core/compress/parameters';
import { completeRanking, packGreedy } from '../retrieval/packBudget';
import { bm25 } from '../retrieval/rankers';
import type { RetrievalTask } from '../retrieval/retrievalTask';
import type { TaskContext } from '../retrieval/taskContext';
import { keptByLastTokens } from './lastTokens';
import type { Needle } from './needle';
import type { TaskScoring } from './taskScoring';

/** What a row sees of a task: the context, the query (in `task`), the budgets, the task's shared scorer. */
export interface RowInput extends TaskScoring {
  readonly task: RetrievalTask;
  readonly context: TaskContext;
  readonly needle: Needle;
  readonly budgets: readonly number[];
}

/** What a row kept at one budget: the kept lines of the needle's file, and the tokens of its whole output. */
export interface RowOutcome {
  readonly kept: readonly LineRange[];
  readonly tokens: number;
}

export interface CompressionRow {
  readonly name: string;
  /** One outcome per budget, in `budgets` order. */
  run(input: RowInput): Promise<RowOutcome[]>;
}

/** The product's pipeline (`compress`) with the task's scorer, default parameters but for `overrides`. */
export function pipelineRow(name: string, overrides: Partial<Omit<CompressionParameters, 'budget'>>): CompressionRow {
  return {
    name,
    run: async ({ task, context, needle, budgets, scorer, countTokens }) => {
      const outcomes: RowOutcome[] = [];
      for (const budget of budgets) {
        const result = await compress(
          { files: context.files, query: { mode: 'question', text: task.query }, parameters: { ...DEFAULT_PARAMETERS, ...overrides, budget } },
          { scorer: () => scorer, countTokens },
        );
        const file = result.files.find((f) => f.path === needle.path);
        outcomes.push({ kept: file?.chunks.flatMap((c) => c.keptLines) ?? [], tokens: result.totals.compressedTokens });
      }
      return outcomes;
    },
  };
}

/** Whole chunks by BM25 rank, greedy without overflow: the retrieval benchmark's BM25 packing, no rendering. */
export const bm25ByFunction: CompressionRow = {
  name: 'BM25 by function',
  run: async ({ task, context, needle, budgets }) => {
    const ranking = completeRanking(await bm25.rank(context.chunks, task.query), context.chunks);
    return budgets.map((budget) => {
      const kept = packGreedy(ranking, context.tokens, budget);
      const chunks = context.chunks.filter((c) => kept.has(c.id));
      return {
        kept: chunks.filter((c) => c.path === needle.path).map((c) => ({ start: c.startLine, end: c.endLine })),
        tokens: chunks.reduce((sum, c) => sum + context.tokens.get(c.id)!, 0),
      };
    });
  },
};

/** The last B tokens of the files concatenated in context order: what a truncating client sends. */
export const lastTokens: CompressionRow = {
  name: 'last tokens',
  run: async ({ context, needle, budgets, countTokens }) =>
    budgets.map((budget) => {
      const cut = keptByLastTokens(context, budget, countTokens);
      const at = context.files.findIndex((f) => f.path === needle.path);
      const cutAt = context.files.findIndex((f) => f.path === cut.path);
      const kept = at > cutAt ? [{ start: 1, end: Number.MAX_SAFE_INTEGER }] : at === cutAt ? [{ start: cut.line, end: Number.MAX_SAFE_INTEGER }] : [];
      return { kept, tokens: cut.tokens };
    }),
};
