import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiskStore, STORE_FORMAT_VERSION } from '../../../src/core/cache/diskStore';
import { decodeShard } from '../../../src/core/cache/shardFile';

function runWriter(dir: string, writer: string, rounds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'storeWriter.worker.js'), dir, writer, String(rounds)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data) => (stderr += data));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}: ${stderr}`))));
  });
}

/** Reads the shard over and over while the writers run: every read must be a whole shard. */
async function watchForTornShards(file: string, writers: Promise<unknown>): Promise<{ tornReads: number }> {
  let running = true;
  const done = writers.finally(() => (running = false));
  let tornReads = 0;
  let wholeReads = 0;
  while (running) {
    const bytes = await fs.promises.readFile(file).catch(() => undefined);
    if (bytes !== undefined && decodeShard(bytes, STORE_FORMAT_VERSION) === undefined) tornReads += 1;
    else if (bytes !== undefined) wholeReads += 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await done;
  assert.ok(wholeReads > 0, 'the watcher saw the shard while it was being written');
  return { tornReads };
}

describe('DiskStore: two processes writing the same shards at once (two CLI runs, or the CLI and VS Code)', () => {
  it('leaves every shard whole, with correct values, and no temporary files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-race-'));
    try {
      const rounds = 30;
      const writers = Promise.all([runWriter(dir, 'a', rounds), runWriter(dir, 'b', rounds)]);
      const torn = await watchForTornShards(path.join(dir, `store-v${STORE_FORMAT_VERSION}`, 'race', 's0.shard'), writers);
      assert.deepEqual(torn, { tornReads: 0 }, 'a reader never sees a half-written shard');
      const files = fs.readdirSync(path.join(dir, `store-v${STORE_FORMAT_VERSION}`, 'race'));
      assert.deepEqual(files.sort(), ['s0.shard', 's1.shard', 's2.shard']);
      for (const file of files) {
        assert.ok(decodeShard(fs.readFileSync(path.join(dir, `store-v${STORE_FORMAT_VERSION}`, 'race', file)), STORE_FORMAT_VERSION), `${file} decodes`);
      }
      const store = new DiskStore({ dir });
      const keptOfLastRound: number[] = [];
      for (const writer of ['a', 'b']) {
        const keys = Array.from({ length: 50 }, (_, i) => `${writer}-${rounds - 1}-${i}`);
        const found = await store.getNumbers('race/s0', keys);
        found.forEach((values, i) => values && assert.ok(values.every((v) => v === (rounds - 1) * 1000 + i)));
        keptOfLastRound.push(found.filter(Boolean).length);
      }
      // A flush lands whole or (overwritten by the other's rename in between) not at all; the last one lands.
      assert.ok(keptOfLastRound.every((kept) => kept === 0 || kept === 50), `kept ${keptOfLastRound}`);
      assert.ok(keptOfLastRound.some((kept) => kept === 50), `kept ${keptOfLastRound}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
