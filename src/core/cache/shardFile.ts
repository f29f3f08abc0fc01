import { crc32 } from 'node:zlib';

/** What a stored value is: log-probabilities (bytes of a Float64Array) or UTF-8 JSON. */
export const ValueKind = { Numbers: 0, Json: 1 } as const;
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

export interface ShardEntry {
  /** Seconds since the epoch when the entry was last written or read (eviction order). */
  lastUse: number;
  readonly kind: ValueKind;
  readonly bytes: Buffer;
}

export type ShardEntries = Map<string, ShardEntry>;

/*
 * One shard file:
 *   magic "LCZC" | u32 format version | u32 entry count | u32 CRC-32 of the body      (16 bytes)
 *   body, per entry: u8 key length | key (latin1) | u32 last use | u8 kind | u32 value length | value
 * All integers little-endian.
 */
const MAGIC = 0x435a434c; // "LCZC" read as a little-endian u32
const HEADER_BYTES = 16;
const ENTRY_OVERHEAD = 1 + 4 + 1 + 4;

/** The bytes an entry adds to its shard file: what the size cap counts. */
export function entryBytes(key: string, entry: ShardEntry): number {
  return ENTRY_OVERHEAD + key.length + entry.bytes.length;
}

export function encodeShard(entries: ShardEntries, formatVersion: number): Buffer {
  let size = HEADER_BYTES;
  for (const [key, entry] of entries) size += entryBytes(key, entry);
  const out = Buffer.allocUnsafe(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(formatVersion, 4);
  out.writeUInt32LE(entries.size, 8);
  let at = HEADER_BYTES;
  for (const [key, entry] of entries) {
    at = out.writeUInt8(key.length, at);
    at += out.write(key, at, 'latin1');
    at = out.writeUInt32LE(entry.lastUse, at);
    at = out.writeUInt8(entry.kind, at);
    at = out.writeUInt32LE(entry.bytes.length, at);
    at += entry.bytes.copy(out, at);
  }
  out.writeUInt32LE(crc32(out.subarray(HEADER_BYTES)), 12);
  return out;
}

/**
 * The entries of a shard file, or undefined when the file is of another format version, truncated or
 * damaged in any way: the caller treats that as an empty shard. Values are views into `file`.
 */
export function decodeShard(file: Buffer, formatVersion: number): ShardEntries | undefined {
  if (file.length < HEADER_BYTES || file.readUInt32LE(0) !== MAGIC || file.readUInt32LE(4) !== formatVersion) return undefined;
  const count = file.readUInt32LE(8);
  if (file.readUInt32LE(12) !== crc32(file.subarray(HEADER_BYTES))) return undefined;
  const entries: ShardEntries = new Map();
  let at = HEADER_BYTES;
  for (let i = 0; i < count; i++) {
    if (at >= file.length) return undefined;
    const keyEnd = at + 1 + file.readUInt8(at);
    const valueAt = keyEnd + ENTRY_OVERHEAD - 1;
    if (valueAt > file.length) return undefined;
    const key = file.toString('latin1', at + 1, keyEnd);
    const lastUse = file.readUInt32LE(keyEnd);
    const kind = file.readUInt8(keyEnd + 4);
    const valueLength = file.readUInt32LE(keyEnd + 5);
    if ((kind !== ValueKind.Numbers && kind !== ValueKind.Json) || valueAt + valueLength > file.length) return undefined;
    entries.set(key, { lastUse, kind: kind as ValueKind, bytes: file.subarray(valueAt, valueAt + valueLength) });
    at = valueAt + valueLength;
  }
  return at === file.length ? entries : undefined;
}
