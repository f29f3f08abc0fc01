import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ChunkIndex } from '../../../src/core/chunking/chunkIndex';
import { ParsePool } from '../../../src/core/chunking/parsePool';
import { WorkspaceFilter } from '../../../src/core/workspace/workspaceFilter';
import { distDir } from '../../helpers/repoPaths';

describe('ChunkIndex over a workspace, parsing in worker threads', () => {
  let root: string;
  let pool: ParsePool;
  let index: ChunkIndex;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-index-'));
    fs.writeFileSync(path.join(root, 'shop.py'), 'def price(item):\n    return item.cost\n\n\ndef tax(item):\n    return price(item) * 0.2\n');
    fs.writeFileSync(path.join(root, 'notes.txt'), 'first block\n\nsecond block\n');
    fs.writeFileSync(path.join(root, '.env'), 'API_KEY=secret\n');
    fs.writeFileSync(path.join(root, '.gitignore'), 'build/\n');
    fs.mkdirSync(path.join(root, 'build'));
    fs.writeFileSync(path.join(root, 'build', 'gen.py'), 'def generated():\n    pass\n');
    pool = new ParsePool({ assetDir: distDir, workers: 2 });
    index = new ChunkIndex(new WorkspaceFilter({ root }), pool);
  });

  after(async () => {
    await pool.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('chunks what the workspace rules let in and lists the secret as skipped', async () => {
    const snapshot = await index.build();
    assert.deepEqual(snapshot.files.map((f) => f.path), ['.gitignore', 'notes.txt', 'shop.py']);
    const shop = snapshot.files.find((f) => f.path === 'shop.py')!;
    assert.deepEqual(shop.chunks.map((c) => [c.kind, c.name]), [['function', 'price'], ['function', 'tax']]);
    const notes = snapshot.files.find((f) => f.path === 'notes.txt')!;
    assert.deepEqual(notes.chunks.map((c) => c.kind), ['block-fallback', 'block-fallback']);
    assert.deepEqual(snapshot.skipped.map((s) => [s.path, s.reason]), [['.env', 'secret']]);
    assert.deepEqual(index.summary(), { files: 3, chunks: snapshot.files.reduce((n, f) => n + f.chunks.length, 0), skipped: 1, millis: 0 });
  });

  it('re-chunks a changed file, and leaves an unchanged one alone', async () => {
    fs.appendFileSync(path.join(root, 'shop.py'), '\n\ndef discount(item):\n    return 0\n');
    assert.equal(await index.update(path.join(root, 'shop.py')), 'chunked');
    const shop = index.snapshot().files.find((f) => f.path === 'shop.py')!;
    assert.deepEqual(shop.chunks.map((c) => c.name), ['price', 'tax', 'discount']);
    assert.equal(await index.update('shop.py'), 'unchanged');
  });

  it('keeps chunk ids of untouched functions when the file changes elsewhere', async () => {
    const before = index.snapshot().files.find((f) => f.path === 'shop.py')!.chunks[0]!.id;
    fs.appendFileSync(path.join(root, 'shop.py'), '\n\ndef refund(item):\n    return item.cost\n');
    await index.update('shop.py');
    assert.equal(index.snapshot().files.find((f) => f.path === 'shop.py')!.chunks[0]!.id, before);
  });

  it('moves a file that became binary to the skipped list, and forgets a deleted one', async () => {
    fs.writeFileSync(path.join(root, 'notes.txt'), Buffer.from([0x00, 0x01, 0x02]));
    assert.equal(await index.update('notes.txt'), 'skipped');
    assert.deepEqual(index.snapshot().skipped.find((s) => s.path === 'notes.txt')?.reason, 'binary');
    fs.rmSync(path.join(root, 'notes.txt'));
    assert.equal(await index.update('notes.txt'), 'removed');
    assert.equal(index.snapshot().skipped.find((s) => s.path === 'notes.txt'), undefined);
  });

  it('ignores files the rules leave out, even when a watcher reports them', async () => {
    assert.equal(await index.update(path.join(root, 'build', 'gen.py')), 'unchanged');
    assert.ok(!index.snapshot().files.some((f) => f.path === 'build/gen.py'));
  });

  it('stops a build when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(index.build({ signal: controller.signal }));
  });
});
