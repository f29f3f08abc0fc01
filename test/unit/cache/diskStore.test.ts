import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DiskStore, type DiskStoreOptions, STORE_FORMAT_VERSION } from '../../../src/core/cache/diskStore';
import { decodeShard } from '../../../src/core/cache/shardFile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const open = (options: Partial<DiskStoreOptions> = {}) => new DiskStore({ dir, ...options });
const numbers = (...values: number[]) => new Float64Array(values);
const shardFiles = () =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.shard')).map((name) => path.join(dir, name));

describe('DiskStore: persistence', () => {
  it('a new instance reads what an earlier one flushed, numbers bit for bit and JSON as written', async () => {
    const first = open();
    first.setNumbers('lines/a', 'k1', numbers(-0.5, Number.NaN, -1e-300, -Infinity));
    first.setJson('chunks/b', 'k2', { name: 'price', lines: [1, 2] });
    const summary = await first.flush();
    assert.equal(summary.shardsWritten, 2);
    assert.deepEqual(summary.errors, []);

    const second = open();
    const [values] = await second.getNumbers('lines/a', ['k1']);
    assert.deepEqual([...values!], [-0.5, Number.NaN, -1e-300, -Infinity]);
    assert.deepEqual(await second.getJson('chunks/b', ['k2', 'other']), [{ name: 'price', lines: [1, 2] }, undefined]);
  });

  it('answers from memory before a flush, and nothing reaches disk until then', async () => {
    const store = open();
    store.setNumbers('lines/a', 'k', numbers(1));
    assert.deepEqual([...(await store.getNumbers('lines/a', ['k']))[0]!], [1]);
    assert.deepEqual(await open().getNumbers('lines/a', ['k']), [undefined]);
    assert.deepEqual(shardFiles(), []);
  });

  it('hands out copies: changing a returned array does not change the store', async () => {
    const store = open();
    const stored = numbers(1, 2);
    store.setNumbers('lines/a', 'k', stored);
    stored[0] = 99;
    const [got] = await store.getNumbers('lines/a', ['k']);
    got![1] = 99;
    assert.deepEqual([...(await store.getNumbers('lines/a', ['k']))[0]!], [1, 2]);
  });

  it('a number lookup of a JSON entry is a miss, not garbage', async () => {
    const store = open();
    store.setJson('mixed/a', 'k', [1, 2, 3]);
    await store.flush();
    assert.deepEqual(await open().getNumbers('mixed/a', ['k']), [undefined]);
  });

  it('a flush with nothing new writes nothing', async () => {
    const store = open();
    store.setNumbers('lines/a', 'k', numbers(1));
    await store.flush();
    const reader = open();
    await reader.getNumbers('lines/a', ['k']);
    assert.deepEqual(await reader.flush(), { shardsWritten: 0, bytesWritten: 0, totalBytes: undefined, evictedEntries: 0, errors: [] });
  });
});

describe('DiskStore: damaged or foreign data is a miss', () => {
  for (const [name, damage] of [
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 3)],
    ['one byte flipped', (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 1 ? b ^ 0xff : b)))],
    ['empty', () => Buffer.alloc(0)],
    ['not a shard at all', () => Buffer.from('{"hello": "world"}')],
  ] as const) {
    it(`${name}: misses, no error, and the next flush replaces it with a good shard`, async () => {
      const writer = open();
      writer.setNumbers('lines/a', 'k1', numbers(1));
      writer.setNumbers('lines/a', 'k2', numbers(2));
      await writer.flush();
      const [file] = shardFiles();
      fs.writeFileSync(file!, damage(fs.readFileSync(file!)));

      const reader = open();
      assert.deepEqual(await reader.getNumbers('lines/a', ['k1', 'k2']), [undefined, undefined]);
      reader.setNumbers('lines/a', 'k3', numbers(3));
      assert.deepEqual((await reader.flush()).errors, []);
      const [k1, k3] = await open().getNumbers('lines/a', ['k1', 'k3']);
      assert.equal(k1, undefined);
      assert.deepEqual([...k3!], [3]);
    });
  }

  it('a store of another format version is not read, and a newer version removes the older one', async () => {
    const v1 = open({ formatVersion: 1 });
    v1.setNumbers('lines/a', 'k', numbers(1));
    await v1.flush();
    const v2 = open({ formatVersion: 2 });
    assert.deepEqual(await v2.getNumbers('lines/a', ['k']), [undefined]);
    v2.setNumbers('lines/a', 'k', numbers(2));
    await v2.flush();
    assert.deepEqual(fs.readdirSync(dir), ['store-v2']);
    assert.deepEqual([...(await open({ formatVersion: 2 }).getNumbers('lines/a', ['k']))[0]!], [2]);
  });
});

describe('DiskStore: size cap and least-recently-used eviction', () => {
  const kib = (n: number) => new Float64Array((n * 1024) / 8).fill(n);

  it('over the cap, the entries used longest ago go first; what was read recently stays', async () => {
    let clock = 1_000_000_000_000;
    const store = () => open({ maxBytes: 40 * 1024, now: () => clock, touchAfterMs: 0 });
    const first = store();
    for (const [i, key] of ['a', 'b', 'c'].entries()) {
      clock += 60_000;
      first.setNumbers(`lines/${key}`, key, kib(10 + i));
      await first.flush();
    }
    clock += 60_000;
    const reader = store();
    assert.ok((await reader.getNumbers('lines/a', ['a']))[0], 'a is still there');
    await reader.flush(); // a is now the most recently used

    clock += 60_000;
    const writer = store();
    writer.setNumbers('lines/d', 'd', kib(13));
    const summary = await writer.flush();
    assert.ok(summary.evictedEntries >= 1);
    assert.ok(summary.totalBytes! <= 40 * 1024 * 0.75, `total ${summary.totalBytes} within 75% of the cap`);

    const after = store();
    const present = async (key: string) => (await after.getNumbers(`lines/${key}`, [key]))[0] !== undefined;
    assert.deepEqual(
      { a: await present('a'), b: await present('b'), c: await present('c'), d: await present('d') },
      { a: true, b: false, c: false, d: true },
    );
    assert.ok(!shardFiles().some((file) => file.endsWith(`${path.sep}b.shard`)), 'an emptied shard file is deleted');
  });

  it('evicts single entries inside a shard, by their own last use', async () => {
    let clock = 1_000_000_000_000;
    const store = () => open({ maxBytes: 50 * 1024, now: () => clock, touchAfterMs: 0 });
    const writer = store();
    for (let i = 0; i < 6; i++) {
      clock += 1000;
      writer.setNumbers('lines/one', `k${i}`, kib(10));
      await writer.flush();
    }
    const reader = store();
    const found = await reader.getNumbers('lines/one', ['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
    assert.deepEqual(found.map((v) => v !== undefined), [false, false, true, true, true, true]);
  });

  it('within the touch interval a hit writes nothing; after it, the hit is recorded', async () => {
    let clock = 1_000_000_000_000;
    const store = () => open({ now: () => clock, touchAfterMs: 60_000 });
    const writer = store();
    writer.setNumbers('lines/a', 'k', numbers(1));
    await writer.flush();
    clock += 30_000;
    const soon = store();
    await soon.getNumbers('lines/a', ['k']);
    assert.equal((await soon.flush()).shardsWritten, 0);
    clock += 60_000;
    const later = store();
    await later.getNumbers('lines/a', ['k']);
    assert.equal((await later.flush()).shardsWritten, 1);
  });

  it('clears temporary files that a crashed writer left long ago, and keeps fresh ones', async () => {
    const store = open();
    store.setNumbers('lines/a', 'k', numbers(1));
    await store.flush();
    const folder = path.dirname(shardFiles()[0]!);
    const stale = path.join(folder, 'a.shard.123-dead.tmp');
    const fresh = path.join(folder, 'a.shard.456-live.tmp');
    fs.writeFileSync(stale, 'half');
    fs.writeFileSync(fresh, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    store.setNumbers('lines/a', 'k2', numbers(2));
    await store.flush();
    assert.equal(fs.existsSync(stale), false);
    assert.equal(fs.existsSync(fresh), true);
  });
});

describe('DiskStore: two writers on one folder', () => {
  it('flushes one after the other merge: both writers\' entries are kept', async () => {
    const a = open();
    const b = open();
    await a.getNumbers('scores/q', ['a1']);
    await b.getNumbers('scores/q', ['b1']);
    a.setNumbers('scores/q', 'a1', numbers(1));
    b.setNumbers('scores/q', 'b1', numbers(2));
    await a.flush();
    await b.flush();
    const [a1, b1] = await open().getNumbers('scores/q', ['a1', 'b1']);
    assert.deepEqual([a1 && [...a1], b1 && [...b1]], [[1], [2]]);
  });

  it('flushes at the same time never leave a shard that reads as damaged', async () => {
    const writers = Array.from({ length: 4 }, () => open());
    for (let round = 0; round < 20; round++) {
      writers.forEach((writer, w) => writer.setNumbers('scores/q', `w${w}r${round}`, numbers(w, round)));
      await Promise.all(writers.map((writer) => writer.flush()));
    }
    const reader = open();
    const keys = writers.flatMap((_, w) => Array.from({ length: 20 }, (_, round) => `w${w}r${round}`));
    const found = await reader.getNumbers('scores/q', keys);
    // Racing writers may lose each other's newest entries (a later miss), never damage the shard.
    assert.ok(found.filter(Boolean).length >= 20, `${found.filter(Boolean).length} of ${keys.length} kept`);
    found.forEach((values, i) => values && assert.deepEqual([...values], [Number(keys[i]![1]), Number(keys[i]!.slice(3))]));
    assert.deepEqual(fs.readdirSync(path.dirname(shardFiles()[0]!)).filter((name) => name.endsWith('.tmp')), []);
    for (const file of shardFiles()) assert.ok(decodeShard(fs.readFileSync(file), STORE_FORMAT_VERSION), `${file} decodes`);
  });
});
