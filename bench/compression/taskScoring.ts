import type { FileChunks } from '../../src/core/chunking/chunk';
import type { ExcludedRange } from '../../src/core/scoring/ngram/ngramModel';
import { ngramForContext } from '../../src/core/scoring/ngram/ngramForContext';
import type { Scorer } from '../../src/core/scoring/scorer';
import { countTokens } from '../../src/core/tokens/countTokens';
import { MemoScorer } from './memoScorer';

/** What every row of a benchmark shares on one task: its scorer and its token counter, both remembering their answers. */
export interface TaskScoring {
  readonly scorer: Scorer;
  /** The budget tokenizer (o200k), remembered per text: the rows count the same chunk texts again and again. */
  readonly countTokens: (text: string) => number;
}

/** The task's n-gram scorer, trained as the product trains it (on the context's files, `hidden` left out). */
export async function taskScoring(files: readonly FileChunks[], hidden?: ExcludedRange): Promise<TaskScoring> {
  return { scorer: new MemoScorer(await ngramForContext(files, hidden).open()), countTokens: memoised(countTokens) };
}

function memoised(count: (text: string) => number): (text: string) => number {
  const known = new Map<string, number>();
  return (text) => {
    let n = known.get(text);
    if (n === undefined) known.set(text, (n = count(text)));
    return n;
  };
}
