import type { Chunk } from '../../src/core/chunking/chunk';
import { rankBm25 } from '../../src/core/retrieval/bm25';
import { seededOrder } from './seededOrder';

/** Chunk ids, best first. Chunks it leaves out are taken to follow, in source order. */
export type Ranker = (chunks: readonly Chunk[], query: string) => Promise<readonly string[]>;

export interface NamedRanker {
  readonly name: string;
  readonly rank: Ranker;
}

/** The floor: the context as it reads. */
export const sourceOrder: NamedRanker = { name: 'source order', rank: async (chunks) => chunks.map((c) => c.id) };

/** The other floor: a shuffle fixed by the task (its query and chunks), the same on every run. */
export const seededRandom: NamedRanker = {
  name: 'random',
  rank: async (chunks, query) => seededOrder(chunks, `random\0${query}`, (c) => c.id).map((c) => c.id),
};

export const bm25: NamedRanker = {
  name: 'BM25',
  rank: async (chunks, query) => rankBm25(chunks.map((c) => ({ id: c.id, text: c.text, language: c.language })), query),
};
