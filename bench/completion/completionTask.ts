import type { TaskLanguage } from '../retrieval/corpusPackages';
import type { GeneratedTasks } from '../retrieval/taskCache';

/** A definition the cursor line calls: what dependency recall looks for in the output. */
export interface GoldDefinition {
  readonly name: string;
  readonly path: string;
  readonly chunkId: string;
  /** 1-based line of its signature (the first line naming it, after any attached comments and decorators). */
  readonly signatureLine: number;
}

/**
 * Complete a line: the cursor is at the start of a line of a function that calls functions defined elsewhere
 * in the context; the query is the function up to there; gold = the definitions of the calls on that line.
 */
export interface CompletionTask {
  /** `package/file:cursorLine:function`. */
  readonly id: string;
  readonly language: TaskLanguage;
  readonly package: string;
  readonly file: string;
  readonly functionName: string;
  readonly cursorLine: number;
  /** The line the completion should produce (for reading the task, not given to any row). */
  readonly expectedLine: string;
  /** The context's files in path order, `file` among them. */
  readonly contextFiles: readonly string[];
  /** o200k tokens of the context's chunks, the current function's included: what the budgets are fractions of. */
  readonly contextTokens: number;
  readonly gold: readonly GoldDefinition[];
  /** sha1 of the context's files (path and text): the rebuilt context must be the same. */
  readonly contextHash: string;
}

export type CompletionDropReason =
  | 'file over the context cap'
  | 'package too small for the context floor'
  | 'no line calls a function defined once elsewhere in the context';

export interface CompletionPackageSummary {
  readonly language: TaskLanguage;
  readonly files: number;
  /** Functions and methods of at least MIN_FUNCTION_LINES lines. */
  readonly functions: number;
  readonly tried: number;
  readonly dropped: Readonly<Partial<Record<CompletionDropReason, number>>>;
  readonly tasks: number;
}

export interface CompletionTaskSet extends GeneratedTasks<CompletionTask> {
  readonly packages: Readonly<Record<string, CompletionPackageSummary>>;
}
