import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import { resolvePins } from '../../../src/core/compress/resolvePins';
import { isPinnedChunk, pinAtLine, pinLabel } from '../../../src/extension/pins/pinTarget';
import { testChunker } from '../../helpers/chunking';

const source = `import os


class Cart:
    def __init__(self):
        self.items = []

    def total(self):
        return sum(self.items)


def checkout(cart):
    return cart.total()
`;

describe('pinning the function at the cursor', () => {
  let file: FileChunks;
  before(async () => {
    file = await testChunker().chunkFile({ path: 'shop/cart.py', text: source });
  });

  it('a method is pinned by its qualified name, which the engine resolves to the same chunks', () => {
    const pin = pinAtLine(file.chunks, 9)!;
    assert.deepEqual(pin, { path: 'shop/cart.py', name: 'Cart.total' });
    const ids = resolvePins([pin], new Map([[file.path, file]]));
    assert.deepEqual(ids.map((id) => file.chunks.find((chunk) => chunk.id === id)!.name), ['total']);
  });

  it('a top-level function by its name; the class line pins the class', () => {
    assert.deepEqual(pinAtLine(file.chunks, 13), { path: 'shop/cart.py', name: 'checkout' });
    assert.deepEqual(pinAtLine(file.chunks, 4), { path: 'shop/cart.py', name: 'Cart' });
  });

  it('between definitions there is no function to pin', () => {
    assert.equal(pinAtLine(file.chunks, 1), undefined);
  });

  it('reads as path and name, and marks the chunks it keeps', () => {
    assert.equal(pinLabel({ path: 'shop/cart.py', name: 'Cart.total' }), 'shop/cart.py: Cart.total');
    assert.equal(pinLabel({ path: 'shop/cart.py' }), 'shop/cart.py');
    const total = file.chunks.find((chunk) => chunk.name === 'total')!;
    const checkout = file.chunks.find((chunk) => chunk.name === 'checkout')!;
    assert.ok(isPinnedChunk([{ path: 'shop/cart.py', name: 'Cart.total' }], total));
    assert.ok(!isPinnedChunk([{ path: 'shop/cart.py', name: 'Cart.total' }], checkout));
    assert.ok(isPinnedChunk([{ path: 'shop/cart.py' }], checkout));
  });
});
