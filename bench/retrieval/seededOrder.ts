import { createHash } from 'node:crypto';

/**
 * A number in [0, 1) fixed by the seed and the key: the benchmark's only source of chance. Hashing each key
 * (rather than drawing from one stream) keeps every choice stable when other candidates come or go.
 */
export function seededUnit(seed: string, key: string): number {
  return createHash('sha1').update(`${seed}\0${key}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** The items in the order of their keys' seeded numbers (ties, which need a hash collision, by key). */
export function seededOrder<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: key(item) }))
    .map((entry) => ({ ...entry, draw: seededUnit(seed, entry.key) }))
    .sort((a, b) => a.draw - b.draw || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.item);
}
