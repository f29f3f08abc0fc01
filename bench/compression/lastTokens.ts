import type { TaskContext } from '../retrieval/taskContext';

/** Where the last `budget` tokens of a context begin: the first whole line kept, in which file. */
export interface LastTokensCut {
  readonly path: string;
  /** 1-based; past the file's end when none of its lines is kept. */
  readonly line: number;
  readonly tokens: number;
}

/**
 * The context's files concatenated in order, cut to their last `budget` tokens at a line start (a line
 * cut in two counts as lost). Chunk tokens are the context's own counts (what the budget is a fraction
 * of); only the chunk the cut falls in is counted again, line by line.
 */
export function keptByLastTokens(context: TaskContext, budget: number, countTokens: (text: string) => number): LastTokensCut {
  let left = budget;
  for (let f = context.files.length - 1; f >= 0; f--) {
    const file = context.files[f]!;
    for (let c = file.chunks.length - 1; c >= 0; c--) {
      const chunk = file.chunks[c]!;
      const cost = context.tokens.get(chunk.id)!;
      if (cost <= left) {
        left -= cost;
        continue;
      }
      const lines = chunk.text.split('\n');
      const suffix = (k: number) => lines.slice(k).join('\n');
      // The smallest k whose suffix fits: suffix tokens shrink as k grows.
      let lo = 0;
      let hi = lines.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (countTokens(suffix(mid)) <= left) hi = mid;
        else lo = mid + 1;
      }
      return { path: file.path, line: chunk.startLine + lo, tokens: budget - left + countTokens(suffix(lo)) };
    }
  }
  return { path: context.files[0]!.path, line: 1, tokens: budget - left };
}
