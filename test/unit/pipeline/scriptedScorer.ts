import type { FileChunks } from '../../../src/core/chunking/chunk';
import type { CompressionParameters } from '../../../src/core/compress/parameters';
import { DEFAULT_PARAMETERS } from '../../../src/core/compress/parameters';
import type { CompressionServices } from '../../../src/core/compress/compressionRequest';
import type { Scorer, ScorerInfo } from '../../../src/core/scoring/scorer';
import { countTokens } from '../../../src/core/tokens/countTokens';

/** What a scripted scorer answers: the same log-probability for every token (query) or per line. */
export interface Script {
  /** Log-probability of each query token after `context` ('' = the query alone). */
  query(context: string, query: string): number;
  /** Mean log-probability of one line of a function, given its 0-based index in the text. */
  line?(line: string, index: number): number;
}

const QUERY_TOKENS = 4;

export function scriptedScorer(name: ScorerInfo['name'], script: Script): Scorer {
  const info: ScorerInfo = { name, model: 'scripted', device: 'cpu', dtype: 'none', threads: 1 };
  return {
    info: () => info,
    async queryLogProbs(contexts, query) {
      return contexts.map((context) => new Float64Array(QUERY_TOKENS).fill(script.query(context, query)));
    },
    async lineLogProbs(text) {
      return Float64Array.from(text.split('\n'), (line, i) => script.line?.(line, i) ?? -1);
    },
  };
}

export function servicesWith(scorer: Scorer): CompressionServices {
  return { scorer: () => scorer, countTokens };
}

export function parameters(budget: number, overrides: Partial<CompressionParameters> = {}): CompressionParameters {
  return { ...DEFAULT_PARAMETERS, budget, ...overrides };
}

/** The file's text back from its chunks. */
export function textOf(file: FileChunks): string {
  return file.chunks.map((chunk) => chunk.text).join('');
}

