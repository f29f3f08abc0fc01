import { compress } from '../../src/core/compress/compress';
import { CompressionInputError } from '../../src/core/compress/compressionInputError';
import type { LineRange } from '../../src/core/compress/lineRange';
import { DEFAULT_PARAMETERS, type CompressionParameters } from '../../src/core/compress/parameters';
import { rankBm25 } from '../../src/core/retrieval/bm25';
import { structuralRanking } from '../../src/core/retrieval/structure/structuralRanking';
import type { TaskScoring } from '../compression/taskScoring';
import { completeRanking, packGreedy } from '../retrieval/packBudget';
import type { CompletionContext } from './completionContext';
import type { CompletionTask } from './completionTask';

/** What a row sees of a task; its scorer is blind to the current function (as the product trains it). */
export interface CompletionRowInput extends TaskScoring {
  readonly task: CompletionTask;
  readonly context: CompletionContext;
  readonly budgets: readonly number[];
}

/** What a row kept at one budget: kept lines per file, and the tokens of its output. */
export interface CompletionOutcome {
  readonly kept: ReadonlyMap<string, readonly LineRange[]>;
  readonly tokens: number;
  /** The code before the cursor alone is over the budget: nothing else can be sent. */
  readonly prefixOverBudget: boolean;
}

export interface CompletionRow {
  readonly name: string;
  run(input: CompletionRowInput): Promise<CompletionOutcome[]>;
}

const NOTHING = (tokens: number): CompletionOutcome => ({ kept: new Map(), tokens, prefixOverBudget: true });

/** `compress --cursor` at the task's cursor, default parameters but for `overrides`. */
export function pipelineRow(name: string, overrides: Partial<Omit<CompressionParameters, 'budget'>>): CompletionRow {
  return {
    name,
    run: async ({ task, context, budgets, scorer, countTokens }) => {
      const outcomes: CompletionOutcome[] = [];
      for (const budget of budgets) {
        try {
          const result = await compress(
            {
              files: context.files,
              query: { mode: 'completion', cursor: { path: task.file, line: task.cursorLine } },
              parameters: { ...DEFAULT_PARAMETERS, ...overrides, budget },
            },
            { scorer: () => scorer, countTokens },
          );
          const kept = new Map(result.files.map((f) => [f.path, f.chunks.flatMap((c) => c.keptLines)]));
          outcomes.push({ kept, tokens: result.totals.compressedTokens, prefixOverBudget: false });
        } catch (error) {
          if (!(error instanceof CompressionInputError)) throw error;
          outcomes.push(NOTHING(0));
        }
      }
      return outcomes;
    },
  };
}

/** Whole chunks by a ranking, greedy without overflow, in what the code before the cursor leaves of the budget. */
function packedRow(name: string, rank: (input: CompletionRowInput, candidates: CompletionContext['chunks']) => readonly string[]): CompletionRow {
  return {
    name,
    run: async (input) => {
      const { context, budgets, countTokens } = input;
      const prefix = countTokens(context.completion.query);
      const candidates = context.chunks.filter((c) => !context.completion.excluded.has(c.id));
      const ranking = completeRanking(rank(input, candidates), candidates);
      return budgets.map((budget) => {
        if (prefix > budget) return NOTHING(prefix);
        const packed = packGreedy(ranking, context.tokens, budget - prefix);
        const kept = new Map<string, LineRange[]>();
        for (const chunk of candidates) if (packed.has(chunk.id)) kept.set(chunk.path, [...(kept.get(chunk.path) ?? []), { start: chunk.startLine, end: chunk.endLine }]);
        return { kept, tokens: prefix + candidates.reduce((sum, c) => sum + (packed.has(c.id) ? context.tokens.get(c.id)! : 0), 0), prefixOverBudget: false };
      });
    },
  };
}

export const bm25ByFunction = packedRow('BM25 by function', ({ context }, candidates) =>
  rankBm25(candidates.map((c) => ({ id: c.id, text: c.text, language: c.language })), context.completion.query),
);

/** The structural list alone, then source order (a diagnostic: what the evidence finds without the other lists). */
export const structureAlone = packedRow('structure list alone', ({ task, context }) =>
  structuralRanking(context.files, { path: task.file, line: task.cursorLine }, context.completion.query).ranked,
);

/**
 * What a truncating client sends: the other files in path order, then the cursor's file up to the cursor,
 * cut to the last B tokens at a line start.
 */
export const lastTokens: CompletionRow = {
  name: 'last tokens',
  run: async ({ task, context, budgets, countTokens }) => {
    const cursorFile = context.files.find((f) => f.path === task.file)!;
    const beforeCursor = cursorFile.chunks
      .filter((c) => c.startLine < task.cursorLine)
      .map((c) => {
        if (c.endLine < task.cursorLine) return { path: c.path, startLine: c.startLine, text: c.text, tokens: context.tokens.get(c.id)! };
        const text = c.text.split('\n').slice(0, task.cursorLine - c.startLine).join('\n');
        return { path: c.path, startLine: c.startLine, text, tokens: countTokens(text) };
      });
    const segments = [
      ...context.files.filter((f) => f !== cursorFile).flatMap((f) => f.chunks.map((c) => ({ path: c.path, startLine: c.startLine, text: c.text, tokens: context.tokens.get(c.id)! }))),
      ...beforeCursor,
    ];
    return budgets.map((budget) => {
      const kept = new Map<string, LineRange[]>();
      const keep = (path: string, start: number, end: number) => kept.set(path, [...(kept.get(path) ?? []), { start, end }]);
      let left = budget;
      for (let i = segments.length - 1; i >= 0; i--) {
        const segment = segments[i]!;
        const end = segment.startLine + segment.text.split('\n').length - 1;
        if (segment.tokens <= left) {
          left -= segment.tokens;
          keep(segment.path, segment.startLine, end);
          continue;
        }
        const lines = segment.text.split('\n');
        let lo = 0;
        let hi = lines.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (countTokens(lines.slice(mid).join('\n')) <= left) hi = mid;
          else lo = mid + 1;
        }
        if (lo < lines.length) keep(segment.path, segment.startLine + lo, end);
        left -= countTokens(lines.slice(lo).join('\n'));
        break;
      }
      return { kept, tokens: budget - left, prefixOverBudget: false };
    });
  },
};
