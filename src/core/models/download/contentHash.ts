import { createHash, type Hash } from 'node:crypto';
import type { ContentHash } from './announcedContent';

/** A running digest of the kind the server stated; git's blob id hashes a `blob <size>\0` header first. */
export function startContentHash(algorithm: ContentHash['algorithm'], size: number): Hash {
  if (algorithm === 'sha256') return createHash('sha256');
  return createHash('sha1').update(`blob ${size}\0`);
}
