import type { KeyValues } from './causalLm';

/** What one forward pass over a text leaves behind: enough for its line values and for queries after it. */
export interface ScoredText {
  readonly ids: Int32Array;
  /** logProbs[t] = log p(ids[t] | ids[0..t-1]); NaN at 0, which has no left context. */
  readonly logProbs: Float32Array;
  /** The key/values of all of `ids`; absent for a text longer than the model's window. */
  readonly keyValues?: KeyValues;
}

const ENTRY_OVERHEAD_BYTES = 256;

export function scoredTextBytes(entry: ScoredText): number {
  const keyValueBytes = entry.keyValues?.tensors.reduce((sum, tensor) => sum + tensor.byteLength, 0) ?? 0;
  return ENTRY_OVERHEAD_BYTES + entry.ids.byteLength + entry.logProbs.byteLength + keyValueBytes;
}

/** Least-recently-used entries go first once the entries together pass `capBytes`. */
export class ScoredTextCache {
  private readonly entries = new Map<string, { entry: ScoredText; bytes: number }>();
  private totalBytes = 0;

  constructor(private readonly capBytes: number) {}

  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): ScoredText | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.entry;
  }

  /** Keeps `entry` unless it alone is larger than the cap; evicts the oldest to make room. */
  set(key: string, entry: ScoredText): void {
    this.delete(key);
    const bytes = scoredTextBytes(entry);
    if (bytes > this.capBytes) return;
    for (const [oldKey] of this.entries) {
      if (this.totalBytes + bytes <= this.capBytes) break;
      this.delete(oldKey);
    }
    this.entries.set(key, { entry, bytes });
    this.totalBytes += bytes;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  private delete(key: string): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    this.totalBytes -= found.bytes;
  }
}
