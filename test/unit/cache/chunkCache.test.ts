import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ChunkCache, type ChunkCacheOptions } from '../../../src/core/cache/chunkCache';
import { DiskStore } from '../../../src/core/cache/diskStore';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import type { SourceFile } from '../../../src/core/chunking/chunker';
import { ChunkIndex } from '../../../src/core/chunking/chunkIndex';
import { ParsePool } from '../../../src/core/chunking/parsePool';
import { WorkspaceFilter } from '../../../src/core/workspace/workspaceFilter';
import { distDir } from '../../helpers/repoPaths';

/** The real parse pool, recording which files it was asked to parse. */
class CountingPool extends ParsePool {
  readonly parsed: string[] = [];
  override chunkFiles(files: readonly SourceFile[], options?: Parameters<ParsePool['chunkFiles']>[1]): Promise<FileChunks[]> {
    this.parsed.push(...files.map((file) => file.path));
    return super.chunkFiles(files, options);
  }
}

const SHOP = [
  'import math',
  '',
  '',
  'class Cart:',
  '    """Items and their prices."""',
  '',
  '    def total(self):',
  '        return sum(item.cost for item in self.items)',
  '',
  '',
  'def tax(amount):',
  '    return math.ceil(amount * 0.2)',
  '',
].join('\n');

describe('ChunkIndex with a chunk cache: repeated builds of an unchanged folder', () => {
  let root: string;
  let cacheDir: string;
  let pool: CountingPool;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-chunk-cache-ws-'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-chunk-cache-'));
    fs.writeFileSync(path.join(root, 'shop.py'), SHOP);
    fs.mkdirSync(path.join(root, 'web'));
    fs.writeFileSync(path.join(root, 'web', 'cart.ts'), 'export function total(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n');
    fs.writeFileSync(path.join(root, 'notes.txt'), 'first block\n\nsecond block\n');
    fs.writeFileSync(path.join(root, 'empty.py'), '');
    pool = new CountingPool({ assetDir: distDir, workers: 2 });
  });

  after(async () => {
    await pool.dispose();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  /** A new index and cache over the same folders, as the next CLI run or VS Code window makes them. */
  const freshIndex = (options: Partial<ChunkCacheOptions> = {}) =>
    new ChunkIndex(new WorkspaceFilter({ root }), pool, {
      cache: new ChunkCache({ store: new DiskStore({ dir: cacheDir }), workspace: root, ...options }),
    });

  it('the second build parses nothing and gives the same chunks, down to the JSON the CLI prints', async () => {
    pool.parsed.length = 0;
    const first = await freshIndex().build();
    assert.deepEqual(pool.parsed.sort(), ['empty.py', 'notes.txt', 'shop.py', 'web/cart.ts']);
    const uncached = await new ChunkIndex(new WorkspaceFilter({ root }), pool).build();
    assert.deepEqual(first, uncached);

    pool.parsed.length = 0;
    const second = await freshIndex().build();
    assert.deepEqual(pool.parsed, []);
    assert.deepEqual(second, first);
    assert.equal(JSON.stringify(second), JSON.stringify(first));
    const cart = second.files.find((file) => file.path === 'web/cart.ts')!;
    assert.ok(cart.chunks[0]!.id.startsWith('web/cart.ts#'));
    assert.ok('name' in shopChunk(second.files, 'glue')!, 'keys that are undefined are still present');
  });

  it('an edited file is parsed again, and only that one', async () => {
    fs.writeFileSync(path.join(root, 'shop.py'), `${SHOP}\n\ndef discount(amount):\n    return 0\n`);
    pool.parsed.length = 0;
    const snapshot = await freshIndex().build();
    assert.deepEqual(pool.parsed, ['shop.py']);
    assert.deepEqual(
      snapshot.files.find((file) => file.path === 'shop.py')!.chunks.map((chunk) => chunk.name).filter(Boolean),
      ['Cart', 'total', 'tax', 'discount'],
    );
    pool.parsed.length = 0;
    await freshIndex().build();
    assert.deepEqual(pool.parsed, []);
  });

  it('the same file under another path is parsed: chunk ids hold the path', async () => {
    fs.copyFileSync(path.join(root, 'web', 'cart.ts'), path.join(root, 'web', 'basket.ts'));
    pool.parsed.length = 0;
    const snapshot = await freshIndex().build();
    assert.deepEqual(pool.parsed, ['web/basket.ts']);
    assert.ok(snapshot.files.find((file) => file.path === 'web/basket.ts')!.chunks.every((chunk) => chunk.id.startsWith('web/basket.ts#')));
  });

  it('another size cap or workspace does not reuse these chunks', async () => {
    pool.parsed.length = 0;
    await freshIndex({ sizeCap: 12_345 }).build();
    await freshIndex({ workspace: `${root}-elsewhere` }).build();
    assert.equal(pool.parsed.length, 2 * 5);
  });

  it('a damaged cache costs a re-parse, never an error', async () => {
    for (const name of fs.readdirSync(cacheDir, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(cacheDir, name);
      if (fs.statSync(file).isFile()) fs.writeFileSync(file, 'garbage');
    }
    pool.parsed.length = 0;
    const snapshot = await freshIndex().build();
    assert.equal(pool.parsed.length, 5);
    assert.equal(snapshot.files.length, 5);
  });
});

function shopChunk(files: readonly FileChunks[], kind: string) {
  return files.find((file) => file.path === 'shop.py')!.chunks.find((chunk) => chunk.kind === kind);
}
