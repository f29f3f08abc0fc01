import { createHash } from 'node:crypto';

/** Hex hash of a text: file cache keys and chunk ids. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * Ids for the chunks of one file, in source order: `path#hash` of the chunk's text, where the n-th
 * repeat of the same text in the file gets `~n`. An edit elsewhere in the file leaves an id unchanged.
 */
export function chunkIds(path: string, texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const hash = contentHash(text).slice(0, 12);
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return count === 1 ? `${path}#${hash}` : `${path}#${hash}~${count}`;
  });
}
