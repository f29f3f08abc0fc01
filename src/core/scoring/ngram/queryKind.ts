/** A question in words, or code (completion mode: the code before the cursor). */
export type QueryKind = 'prose' | 'code';

/** How one kind of text is scored. */
export interface ScoringSettings {
  /** Order of the global Kneser-Ney model (capped at the trained order). */
  readonly order: number;
  /**
   * The cache levels, lowest order first: at each, the cache's weight for a history seen H times in the
   * conditioning text is H / (H + κ). Order 1 alone is a word cache.
   */
  readonly cache: readonly CacheLevel[];
}

export interface CacheLevel {
  readonly order: number;
  /** κ: the larger, the weaker the cache. */
  readonly concentration: number;
}

/**
 * Measured (docs/ngram.md): prose by the retrieval benchmark (a doc comment finds its function), where a
 * trigram model with a strong word cache fused best with BM25; code by completion-like tasks on the
 * Python standard library (the code before the cursor finds the functions called after it), where a
 * unigram model with a milder word cache ranked best and order 3 fell far behind.
 */
export const QUERY_SETTINGS: Readonly<Record<QueryKind, ScoringSettings>> = {
  prose: { order: 3, cache: [{ order: 1, concentration: 50 }] },
  code: { order: 1, cache: [{ order: 1, concentration: 300 }] },
};

/** For line values (stage 2): the lowest cross-entropy of functions' tokens given their previous lines. */
export const LINE_SETTINGS: ScoringSettings = {
  order: 3,
  cache: [
    { order: 1, concentration: 300 },
    { order: 2, concentration: 20 },
    { order: 3, concentration: 5 },
  ],
};

/** Characters that prose rarely holds and code is full of. */
const CODE_CHARACTERS = /[(){}[\];=<>+*/&|%^~\\]/g;
/** An indented line after the first, or a line that starts like a definition. */
const CODE_LINE =
  /\n[ \t]+\S|^[ \t]*(?:def|class|function|fn|func|import|return|const|let|var|public|private|protected|static|async|struct|impl|package|namespace|#include|#define)\b/m;

/**
 * Code when a line after the first is indented or a line starts with a definition keyword (`def`,
 * `class`, `function`, `import`, `const`, …). Otherwise prose when it ends with a question mark; else
 * code when at least 6% of the non-blank characters are brackets or operators (prose stays under 2%
 * even naming a call), prose below that.
 */
export function detectQueryKind(query: string): QueryKind {
  const trimmed = query.trim();
  if (CODE_LINE.test(query)) return 'code';
  if (trimmed.endsWith('?')) return 'prose';
  const visible = trimmed.replace(/\s+/g, '').length;
  const symbols = trimmed.match(CODE_CHARACTERS)?.length ?? 0;
  return visible > 0 && symbols / visible >= 0.06 ? 'code' : 'prose';
}
