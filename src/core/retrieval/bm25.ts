import { searchTerms } from './searchTerms';

export interface RankableChunk {
  readonly id: string;
  readonly text: string;
  readonly language?: string;
}

/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** BM25 score of every chunk for the query (0 for a chunk sharing no term with it), in the chunks' order. */
export function bm25Scores(chunks: readonly RankableChunk[], query: string): number[] {
  const queryTerms = [...new Set(searchTerms(query))];
  const documents = chunks.map((chunk) => termCounts(searchTerms(chunk.text, chunk.language)));
  const lengths = documents.map((d) => d.total);
  const averageLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, lengths.length);
  const idf = new Map<string, number>();
  for (const term of queryTerms) {
    const containing = documents.filter((d) => d.counts.has(term)).length;
    idf.set(term, Math.log(1 + (documents.length - containing + 0.5) / (containing + 0.5)));
  }
  return documents.map((document) => {
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * document.total) / Math.max(1, averageLength));
    let score = 0;
    for (const term of queryTerms) {
      const tf = document.counts.get(term) ?? 0;
      if (tf > 0) score += (idf.get(term)! * tf * (BM25_K1 + 1)) / (tf + norm);
    }
    return score;
  });
}

/** Chunk ids, best BM25 match first; ties (and chunks sharing nothing) keep their given order. */
export function rankBm25(chunks: readonly RankableChunk[], query: string): string[] {
  const scores = bm25Scores(chunks, query);
  return chunks
    .map((chunk, i) => ({ id: chunk.id, score: scores[i]!, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((entry) => entry.id);
}

function termCounts(terms: readonly string[]): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, total: terms.length };
}
