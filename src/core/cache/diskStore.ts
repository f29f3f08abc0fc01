import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { limitConcurrency } from '../workers/concurrencyLimit';
import { enforceSizeCap, SHARD_SUFFIX } from './enforceSizeCap';
import { readShard } from './readShard';
import { encodeShard, type ShardEntries, type ShardEntry, ValueKind } from './shardFile';
import { writeAtomically } from './writeAtomically';

/** Bumped whenever the shard format or the meaning of a key changes: the store of another version is not read. */
export const STORE_FORMAT_VERSION = 1;
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
/** A hit on an entry last used longer ago than this rewrites its shard, to keep eviction order current. */
const DEFAULT_TOUCH_AFTER_MS = 60 * 60 * 1000;
const WRITES_IN_FLIGHT = 16;

export interface DiskStoreOptions {
  /** The cache dir (`--cache-dir`, or the extension's global storage); the store lives in `<dir>/store-v<N>`. */
  readonly dir: string;
  /** Cap on the bytes of all shard files together. */
  readonly maxBytes?: number;
  readonly formatVersion?: number;
  /** Milliseconds since the epoch; tests pass a clock of their own. */
  readonly now?: () => number;
  readonly touchAfterMs?: number;
}

export interface FlushSummary {
  readonly shardsWritten: number;
  readonly bytesWritten: number;
  /** Bytes of the whole store after this flush; undefined when the flush had nothing to write. */
  readonly totalBytes: number | undefined;
  readonly evictedEntries: number;
  /** One line per shard that could not be written: the cache only loses those entries. */
  readonly errors: readonly string[];
}

interface Changes {
  readonly written: Map<string, ShardEntry>;
  readonly touched: Set<string>;
}

const SHARD_NAME = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;
const KEY = /^[A-Za-z0-9_.-]{1,255}$/;

/**
 * A size-capped on-disk key/value store for many small values, in shard files: a shard is read whole
 * the first time one of its keys is asked for, and what changed is written back by `flush()` (once per
 * compression), each shard merged with what is on disk now and replaced atomically. Any damaged or
 * unreadable shard reads as empty: the store answers with misses, never with errors.
 *
 * Callers choose shard names so that what one compression needs sits in few shards (see docs/caches.md).
 */
export class DiskStore {
  /** The folder of this format version's shard files. */
  readonly root: string;
  private readonly formatVersion: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly touchAfterSeconds: number;
  private readonly loaded = new Map<string, Promise<ShardEntries>>();
  private pending = new Map<string, Changes>();
  /** What the running flush is writing: still answered from memory until it is on disk. */
  private flushing = new Map<string, Changes>();
  private readonly oneFlushAtATime = limitConcurrency(1);
  private olderVersionsRemoved = false;

  constructor(options: DiskStoreOptions) {
    this.formatVersion = options.formatVersion ?? STORE_FORMAT_VERSION;
    this.root = path.join(options.dir, `store-v${this.formatVersion}`);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.now = options.now ?? Date.now;
    this.touchAfterSeconds = (options.touchAfterMs ?? DEFAULT_TOUCH_AFTER_MS) / 1000;
  }

  /** The stored Float64Arrays of `keys` in one shard (copies: the caller may change them); undefined for a miss. */
  async getNumbers(shard: string, keys: readonly string[]): Promise<(Float64Array | undefined)[]> {
    const entries = await this.find(shard, keys, ValueKind.Numbers);
    return entries.map((entry) => {
      if (entry === undefined || entry.bytes.length % 8 !== 0) return undefined;
      const { buffer, byteOffset, byteLength } = entry.bytes;
      return new Float64Array(buffer.slice(byteOffset, byteOffset + byteLength));
    });
  }

  /** The stored JSON values of `keys` in one shard; undefined for a miss. */
  async getJson<T>(shard: string, keys: readonly string[]): Promise<(T | undefined)[]> {
    const entries = await this.find(shard, keys, ValueKind.Json);
    return entries.map((entry) => {
      if (entry === undefined) return undefined;
      try {
        return JSON.parse(entry.bytes.toString('utf8')) as T;
      } catch {
        return undefined;
      }
    });
  }

  setNumbers(shard: string, key: string, values: Float64Array): void {
    const bytes = Buffer.from(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
    this.set(shard, key, ValueKind.Numbers, bytes);
  }

  /** `replacer` as JSON.stringify takes it. */
  setJson(shard: string, key: string, value: unknown, replacer?: (this: unknown, key: string, value: unknown) => unknown): void {
    this.set(shard, key, ValueKind.Json, Buffer.from(JSON.stringify(value, replacer), 'utf8'));
  }

  /**
   * Writes every changed shard (merged with the file as it is now: another process may have written it
   * since it was read), then evicts the least recently used entries if the store is over its cap. Shards
   * read so far are released from memory. Never rejects: what could not be written is in `errors`.
   */
  flush(): Promise<FlushSummary> {
    return this.oneFlushAtATime(() => this.flushNow());
  }

  private async find(shard: string, keys: readonly string[], kind: ValueKind): Promise<(ShardEntry | undefined)[]> {
    const onDisk = await this.load(shard);
    const pending = this.pending.get(shard);
    const flushing = this.flushing.get(shard);
    const now = this.seconds();
    return keys.map((key) => {
      const entry = pending?.written.get(key) ?? flushing?.written.get(key) ?? onDisk.get(key);
      if (entry === undefined || entry.kind !== kind) return undefined;
      if (now - entry.lastUse > this.touchAfterSeconds) {
        entry.lastUse = now;
        this.changesOf(shard).touched.add(key);
      }
      return entry;
    });
  }

  private set(shard: string, key: string, kind: ValueKind, bytes: Buffer): void {
    checkShardName(shard);
    if (!KEY.test(key)) throw new Error(`not a cache key: '${key}'`);
    this.changesOf(shard).written.set(key, { lastUse: this.seconds(), kind, bytes });
  }

  private load(shard: string): Promise<ShardEntries> {
    let entries = this.loaded.get(shard);
    if (entries === undefined) {
      checkShardName(shard);
      entries = readShard(this.fileOf(shard), this.formatVersion);
      this.loaded.set(shard, entries);
    }
    return entries;
  }

  private async flushNow(): Promise<FlushSummary> {
    this.flushing = this.pending;
    this.pending = new Map();
    const errors: string[] = [];
    let shardsWritten = 0;
    let bytesWritten = 0;
    const limit = limitConcurrency(WRITES_IN_FLIGHT);
    await Promise.all(
      [...this.flushing].map(([shard, changes]) =>
        limit(async () => {
          try {
            const bytes = await this.writeShard(shard, changes);
            if (bytes > 0) {
              shardsWritten += 1;
              bytesWritten += bytes;
            }
          } catch (error) {
            errors.push(`${shard}: ${(error as Error).message}`);
          }
        }),
      ),
    );
    this.flushing = new Map();
    this.loaded.clear();
    if (shardsWritten === 0) return { shardsWritten, bytesWritten, totalBytes: undefined, evictedEntries: 0, errors };
    await this.removeOlderVersions();
    try {
      const { totalBytes, evictedEntries } = await enforceSizeCap(this.root, this.formatVersion, this.maxBytes, this.now());
      return { shardsWritten, bytesWritten, totalBytes, evictedEntries, errors };
    } catch (error) {
      return { shardsWritten, bytesWritten, totalBytes: undefined, evictedEntries: 0, errors: [...errors, `eviction: ${(error as Error).message}`] };
    }
  }

  /** Merges `changes` into the shard as it is on disk now; returns the bytes written (0: nothing to write). */
  private async writeShard(shard: string, changes: Changes): Promise<number> {
    const file = this.fileOf(shard);
    const entries = await readShard(file, this.formatVersion);
    let changed = false;
    for (const [key, entry] of changes.written) {
      entries.set(key, entry);
      changed = true;
    }
    const now = this.seconds();
    for (const key of changes.touched) {
      const entry = entries.get(key);
      if (entry !== undefined && entry.lastUse < now) {
        entry.lastUse = now;
        changed = true;
      }
    }
    if (!changed) return 0;
    const bytes = encodeShard(entries, this.formatVersion);
    await writeAtomically(file, bytes);
    return bytes.length;
  }

  /** A store of an older format is never read again: free its space. */
  private async removeOlderVersions(): Promise<void> {
    if (this.olderVersionsRemoved) return;
    this.olderVersionsRemoved = true;
    const names = await fs.readdir(path.dirname(this.root)).catch(() => [] as string[]);
    for (const name of names) {
      const version = /^store-v(\d+)$/.exec(name)?.[1];
      if (version !== undefined && Number(version) < this.formatVersion) {
        await fs.rm(path.join(path.dirname(this.root), name), { recursive: true, force: true }).catch(() => undefined);
      }
    }
  }

  private changesOf(shard: string): Changes {
    let changes = this.pending.get(shard);
    if (changes === undefined) {
      changes = { written: new Map(), touched: new Set() };
      this.pending.set(shard, changes);
    }
    return changes;
  }

  private fileOf(shard: string): string {
    return path.join(this.root, ...shard.split('/')) + SHARD_SUFFIX;
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }
}

function checkShardName(shard: string): void {
  if (!SHARD_NAME.test(shard)) throw new Error(`not a shard name: '${shard}'`);
}
