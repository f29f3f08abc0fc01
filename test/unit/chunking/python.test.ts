import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `"""Inventory service."""
import os
from typing import TypeAlias

MAX_ITEMS = 100
Sku: TypeAlias = str


def helper(x):
    def inner(y):
        return y * 2
    return inner(x)


# Keeps stock per SKU.
@dataclass
class Inventory:
    """Holds items."""

    limit = MAX_ITEMS

    def __init__(self):
        self.items = {}

    @property
    def count(self):
        return len(self.items)

    class Entry:
        def describe(self):
            return "entry"

    def add(self, sku: Sku, n=lambda: 1):
        self.items[sku] = n()


if __name__ == "__main__":
    print(helper(2))
`;

describe('chunking Python', () => {
  it('finds functions, methods, nested classes, declarations and glue', async () => {
    const file = await testChunker().chunkFile({ path: 'inventory.py', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 4],
      ['declaration', 'MAX_ITEMS', undefined, 5, 5],
      ['declaration', 'Sku', undefined, 6, 8],
      ['function', 'helper', undefined, 9, 14],
      ['container-header', 'Inventory', undefined, 15, 21],
      ['method', '__init__', 'Inventory', 22, 24],
      ['method', 'count', 'Inventory', 25, 28],
      ['container-header', 'Entry', 'Inventory', 29, 29],
      ['method', 'describe', 'Inventory.Entry', 30, 32],
      ['method', 'add', 'Inventory', 33, 36],
      ['glue', undefined, undefined, 37, 38],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });
});
