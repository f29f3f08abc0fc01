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

  it('a nested class that is the last member of its class is a container (it ends where its class does)', async () => {
    const text = `class A:
    def f(self):
        return 1

    class Stats:
        def g(self):
            pass


class B:
    @dataclass
    class Row:
        class Cell:
            def h(self):
                pass
`;
    const file = await testChunker().chunkFile({ path: 'a.py', text });
    assertExactCover(text, file);
    assert.deepEqual(rows(file), [
      ['container-header', 'A', undefined, 1, 1],
      ['method', 'f', 'A', 2, 4],
      ['container-header', 'Stats', 'A', 5, 5],
      ['method', 'g', 'A.Stats', 6, 9],
      ['container-header', 'B', undefined, 10, 10],
      ['container-header', 'Row', 'B', 11, 12],
      ['container-header', 'Cell', 'B.Row', 13, 13],
      ['method', 'h', 'B.Row.Cell', 14, 15],
    ]);
    const [a, , stats, g] = file.chunks;
    assert.equal(stats!.scope, stats!.id);
    assert.equal(g!.scope, stats!.id);
    assert.equal(file.scopes.find((scope) => scope.id === stats!.id)?.scope, a!.id);
  });

  it('a module-level if, try or with around definitions is a block: its opening travels with them', async () => {
    const text = `import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    def hosts() -> Iterator[str]: ...

if sys.platform == "win32":
    def sep():
        return "\\\\"
else:
    def sep():
        return "/"

try:
    from _speedups import scan

    def fast():
        return scan
except ImportError:  # pure Python
    def fast():
        return None
`;
    const file = await testChunker().chunkFile({ path: 'compat.py', text });
    assertExactCover(text, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 3],
      ['container-header', undefined, undefined, 4, 6],
      ['function', 'hosts', undefined, 7, 8],
      ['container-header', undefined, undefined, 9, 9],
      ['function', 'sep', undefined, 10, 11],
      ['glue', undefined, undefined, 12, 12], // `else:` may go: its definition joins the branch above
      ['function', 'sep', undefined, 13, 15],
      ['container-header', undefined, undefined, 16, 18],
      ['function', 'fast', undefined, 19, 20],
      ['glue', undefined, undefined, 21, 21], // `except`: a try cannot stand without it
      ['function', 'fast', undefined, 22, 23],
    ]);
    const chunkAt = (line: number) => file.chunks.find((c) => c.startLine === line)!.id;
    assert.deepEqual(
      file.scopes.map((s) => [s.kind, s.name, s.openingChunk, s.closingChunk]),
      [
        ['block', 'if TYPE_CHECKING:', chunkAt(4), undefined],
        ['block', 'if sys.platform == "win32":', chunkAt(9), undefined],
        ['block', 'try:', chunkAt(16), chunkAt(21)],
      ],
    );
    assert.equal(file.chunks.find((c) => c.name === 'hosts')!.scope, chunkAt(4));
  });
});
