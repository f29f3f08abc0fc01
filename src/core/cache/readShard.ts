import * as fs from 'node:fs/promises';
import { decodeShard, type ShardEntries } from './shardFile';

/** A shard's entries as they are on disk now: empty when it is missing, unreadable, damaged or of another version. */
export async function readShard(file: string, formatVersion: number): Promise<ShardEntries> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return new Map();
  }
  return decodeShard(bytes, formatVersion) ?? new Map();
}
