import type { Chunk } from '../../src/core/chunking/chunk';
import { rankChunks, type RankingMode } from '../../src/core/retrieval/rankChunks';
import { NgramScorer } from '../../src/core/scoring/ngram/ngramScorer';
import type { NamedRanker } from './rankers';

/** `--ranking ami`: the paper's ranking, AMI alone, from the n-gram scorer. */
export const ngramAmi: NamedRanker = { name: 'n-gram AMI', rank: (chunks, query) => rankWithNgram(chunks, query, 'ami') };

/** `--ranking fused`: AMI and BM25 fused by RRF (the default with the n-gram scorer). */
export const fused: NamedRanker = { name: 'fused', rank: (chunks, query) => rankWithNgram(chunks, query, 'fused') };

/**
 * The product's ranking with an n-gram scorer trained as the product trains it on a workspace: on the
 * context's files (rebuilt from their chunks, which cover each file exactly), so never on the query, whose
 * doc comment is not in the context.
 */
async function rankWithNgram(chunks: readonly Chunk[], query: string, mode: RankingMode): Promise<string[]> {
  const scorer = new NgramScorer();
  await scorer.train(filesOf(chunks));
  const ranked = await rankChunks(chunks.map((c) => ({ id: c.id, text: c.text, language: c.language })), query, scorer, { mode });
  return ranked.map((r) => r.id);
}

function filesOf(chunks: readonly Chunk[]): { path: string; text: string; language?: string }[] {
  const files = new Map<string, { path: string; text: string; language?: string }>();
  for (const chunk of chunks) {
    const file = files.get(chunk.path);
    if (file) file.text += chunk.text;
    else files.set(chunk.path, { path: chunk.path, text: chunk.text, ...(chunk.language ? { language: chunk.language } : {}) });
  }
  return [...files.values()];
}
