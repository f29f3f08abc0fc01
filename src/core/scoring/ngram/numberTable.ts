const EMPTY = -1;
const TWO_32 = 4_294_967_296;

/**
 * A hash table from integer keys in [0, 2^53) to int32 values, in two typed arrays (open addressing,
 * linear probing). Several times smaller and faster than a `Map` for keys beyond the small-integer range,
 * which V8 boxes. There is no delete: callers store 0 for "gone" and rebuild to reclaim the slots.
 */
export class NumberTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private used = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity * 7 < initialCapacity * 10) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Slots in use (keys ever inserted since the last clear). */
  get size(): number {
    return this.used;
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /** The value of `key`, or -1 when the key is absent. */
  get(key: number): number {
    const keys = this.keys;
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = keys[slot]!;
      if (found === key) return this.values[slot]!;
      if (found === EMPTY) return -1;
    }
  }

  /** The value of `key`; when absent, `key` is inserted with `valueIfAbsent`, which is returned. */
  getOrInsert(key: number, valueIfAbsent: number): number {
    const keys = this.keys;
    let slot = hash(key) & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const found = keys[slot]!;
      if (found === key) return this.values[slot]!;
      if (found === EMPTY) break;
    }
    keys[slot] = key;
    this.values[slot] = valueIfAbsent;
    this.used += 1;
    if (this.used * 10 > keys.length * 7) this.resize(keys.length * 2);
    return valueIfAbsent;
  }

  clear(): void {
    this.keys.fill(EMPTY);
    this.used = 0;
  }

  private resize(capacity: number): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i]!;
      if (key === EMPTY) continue;
      let slot = hash(key) & this.mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = oldValues[i]!;
    }
  }
}

function hash(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul((key / TWO_32) >>> 0, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  return h ^ (h >>> 13);
}

/** A copy of `array` with room for at least `size` elements (grown by half again, at least). */
export function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(size, Math.ceil(array.length * 1.5)));
  bigger.set(array);
  return bigger;
}
