import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readShard } from './readShard';
import { encodeShard, entryBytes } from './shardFile';
import { TEMP_SUFFIX, writeAtomically } from './writeAtomically';

export const SHARD_SUFFIX = '.shard';
/** Over the cap, evict down to this share of it, so that the next few compressions do not evict again. */
const EVICT_DOWN_TO = 0.75;
/** A temporary file this old was left by a process that died while writing. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface CapOutcome {
  /** Bytes of shard files after eviction. */
  readonly totalBytes: number;
  readonly evictedEntries: number;
}

/**
 * Keeps the shard files under `root` within `maxBytes`: when they are over it, the least recently used
 * entries of all shards are dropped until what is left fits in 75% of the cap. Reads every shard only
 * then; below the cap it costs one directory walk.
 */
export async function enforceSizeCap(root: string, formatVersion: number, maxBytes: number, now: number): Promise<CapOutcome> {
  const shards = await listShards(root, now);
  const totalBytes = shards.reduce((sum, shard) => sum + shard.bytes, 0);
  if (totalBytes <= maxBytes) return { totalBytes, evictedEntries: 0 };

  // Pass 1: how many bytes were last used in each second; one shard in memory at a time.
  const bytesUsedAt = new Map<number, number>();
  for (const shard of shards) {
    for (const [key, entry] of await readShard(shard.file, formatVersion)) {
      bytesUsedAt.set(entry.lastUse, (bytesUsedAt.get(entry.lastUse) ?? 0) + entryBytes(key, entry));
    }
  }
  const cutoff = findCutoff(bytesUsedAt, Math.floor(maxBytes * EVICT_DOWN_TO));

  // Pass 2: rewrite each shard without what is older than the cutoff (re-read: another process may have written).
  let evictedEntries = 0;
  let left = 0;
  let tiesToEvict = cutoff.bytesToEvictAtCutoff;
  for (const shard of shards) {
    const entries = await readShard(shard.file, formatVersion);
    const before = entries.size;
    for (const [key, entry] of entries) {
      if (entry.lastUse > cutoff.second) continue;
      if (entry.lastUse === cutoff.second) {
        if (tiesToEvict <= 0) continue;
        tiesToEvict -= entryBytes(key, entry);
      }
      entries.delete(key);
    }
    evictedEntries += before - entries.size;
    if (entries.size === 0) await fs.rm(shard.file, { force: true });
    else if (entries.size < before) await writeAtomically(shard.file, encodeShard(entries, formatVersion));
    if (entries.size > 0) left += (await fs.stat(shard.file).catch(() => ({ size: 0 }))).size;
  }
  return { totalBytes: left, evictedEntries };
}

/**
 * The newest entries that fit in `target` bytes are kept: everything last used before `second` goes,
 * and of the entries last used in `second` itself, about `bytesToEvictAtCutoff` bytes' worth.
 */
function findCutoff(bytesUsedAt: ReadonlyMap<number, number>, target: number): { second: number; bytesToEvictAtCutoff: number } {
  let kept = 0;
  for (const second of [...bytesUsedAt.keys()].sort((a, b) => b - a)) {
    const bytes = bytesUsedAt.get(second)!;
    if (kept + bytes > target) return { second, bytesToEvictAtCutoff: kept + bytes - target };
    kept += bytes;
  }
  return { second: -1, bytesToEvictAtCutoff: 0 };
}

interface ShardOnDisk {
  readonly file: string;
  readonly bytes: number;
}

/** Every shard file under `root`, with its size; removes temporary files that crashed writers left. */
async function listShards(root: string, now: number): Promise<ShardOnDisk[]> {
  const shards: ShardOnDisk[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return walk(full);
        if (!entry.isFile()) return;
        const stat = await fs.stat(full).catch(() => undefined);
        if (stat === undefined) return;
        if (entry.name.endsWith(SHARD_SUFFIX)) shards.push({ file: full, bytes: stat.size });
        else if (entry.name.endsWith(TEMP_SUFFIX) && now - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(full, { force: true });
      }),
    );
  };
  await walk(root);
  return shards;
}
