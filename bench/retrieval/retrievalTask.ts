import type { TaskLanguage } from './corpusPackages';
import type { GeneratedTasks } from './taskCache';

/**
 * Find the described function: the query is a function's doc comment, the context is files of its package
 * with that doc comment removed, and the gold is the chunk that holds the function's signature.
 */
export interface RetrievalTask {
  /** `package/file:line:name`. */
  readonly id: string;
  readonly language: TaskLanguage;
  readonly package: string;
  /** The function's file, relative to the package folder. */
  readonly file: string;
  readonly name: string;
  readonly line: number;
  readonly query: string;
  /** The doc comment as written, and the whole lines it occupies in `file` (UTF-16 offsets, end exclusive). */
  readonly docText: string;
  readonly docStart: number;
  readonly docEnd: number;
  /** The context's files in path order, `file` among them. */
  readonly contextFiles: readonly string[];
  /** o200k tokens of the context's chunks: what the budgets are fractions of. */
  readonly contextTokens: number;
  readonly goldChunkId: string;
  /** sha1 of the context's files (path and text, doc removed): the rebuilt context must be the same. */
  readonly contextHash: string;
}

export type DropReason =
  | 'file over the context cap'
  | 'package too small for the context floor'
  | 'description found elsewhere in the context'
  | 'gold chunk not found after removing the doc';

/** What generation made, and what it left out and why. */
export interface TaskSet extends GeneratedTasks<RetrievalTask> {
  /** Documented functions per package, and how many of them each filter left out. */
  readonly candidates: Readonly<Record<string, PackageCandidates>>;
}

export interface PackageCandidates {
  readonly language: TaskLanguage;
  readonly files: number;
  readonly documented: number;
  readonly tooFewWords: number;
  readonly namesItself: number;
  readonly eligible: number;
  /** Eligible functions tried, in seeded order, until the package's share was made. */
  readonly tried: number;
  readonly dropped: Readonly<Partial<Record<DropReason, number>>>;
  readonly tasks: number;
}
