import { completionQuery } from './completionQuery';
import { CompressionInputError } from './compressionInputError';
import type { CompressionRequest, HiddenSpan } from './compressionRequest';
import type { ContextIndex } from './contextIndex';
import { resolvePins } from './resolvePins';
import type { Selection } from './selection';

/** Completion mode's verbatim prefix, rendered last. */
export interface CompletionTail {
  readonly path: string;
  readonly language: string | undefined;
  readonly prefix: string;
}

export interface PreparedQuery {
  readonly query: string;
  /** Chunks that are not context (completion: the current function). */
  readonly excluded: ReadonlySet<string>;
  /** What the scorer must not learn from. */
  readonly hidden: HiddenSpan | undefined;
  readonly tail: CompletionTail | undefined;
  /** Pins (with what they bring along), nothing picked yet. */
  readonly start: Selection;
  /** Throws the usage error when pins plus the verbatim prefix do not fit the budget. */
  checkFits(fixedTokens: number, budget: number): void;
  readonly notes: string[];
}

/** The query text, the completion prefix and what it hides, and the pins, checked against the context. */
export function prepareQuery(request: CompressionRequest, index: ContextIndex): PreparedQuery {
  const notes: string[] = [];
  const pinned = new Set<string>();
  for (const id of resolvePins(request.pins ?? [], index.files)) {
    pinned.add(id);
    for (const brought of index.broughtBy(id)) pinned.add(brought);
  }
  const start: Selection = { pinned, picks: [], trimmed: new Map() };
  const budgetError = (fixedTokens: number, budget: number, what: string) =>
    new CompressionInputError(`The budget of ${budget} tokens is below the ${fixedTokens} tokens of ${what}; raise --budget.`);

  if (request.query.mode === 'question') {
    const query = request.query.text.trim();
    if (query === '') throw new CompressionInputError('The question is empty.');
    return {
      query,
      excluded: new Set(),
      hidden: undefined,
      tail: undefined,
      start,
      notes,
      checkFits(fixedTokens, budget) {
        if (fixedTokens > budget) throw budgetError(fixedTokens, budget, 'the pinned code');
      },
    };
  }

  const { cursor } = request.query;
  const file = index.files.get(cursor.path);
  if (!file) throw new CompressionInputError(`--cursor ${cursor.path}: the file is not in the context (skipped or outside the paths).`);
  const completion = completionQuery(file, cursor);
  if (completion.query.trim() === '') notes.push('Nothing precedes the cursor: the query is empty, so the ranking is by the other evidence only.');
  for (const id of completion.excluded) pinned.delete(id);
  return {
    query: completion.query,
    excluded: completion.excluded,
    hidden: { path: file.path, ...completion.excludedSpan },
    tail: { path: file.path, language: file.language, prefix: completion.query },
    start,
    notes,
    checkFits(fixedTokens, budget) {
      if (fixedTokens > budget) throw budgetError(fixedTokens, budget, 'the pinned code and the code before the cursor');
    },
  };
}
