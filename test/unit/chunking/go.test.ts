import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `// Package store keeps stock.
package store

import (
	"fmt"
	"sync"
)

// MaxItems caps an inventory.
const MaxItems = 100

const (
	Low Level = iota
	High
)

var ErrFull = fmt.Errorf("full")

// Inventory keeps stock per SKU.
type Inventory struct {
	mu    sync.Mutex
	items map[string]int
}

type (
	Level int
	List[T any] struct{ items []T }
)

// New returns an empty inventory.
func New() *Inventory {
	return &Inventory{items: map[string]int{}}
}

// Add adds n items.
//
//go:noinline
func (inv *Inventory) Add(sku string, n int) error {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	clamp := func(v int) int {
		if v > MaxItems {
			return MaxItems
		}
		return v
	}
	inv.items[sku] = clamp(inv.items[sku] + n)
	return nil
}

func (l Level) String() string { return fmt.Sprint(int(l)) }

func (l *List[T]) Push(v T) {
	l.items = append(l.items, v)
}

func Map[T, R any](xs []T, f func(T) R) []R {
	out := make([]R, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func cpuid(op uint32) (eax uint32)
`;

const BROKEN = `package store

func ok() int {
	return 1
}

func bad( {
	x :=
}

func (s *Server) after() {}
`;

describe('chunking Go', () => {
  it('finds functions, methods with their receiver type, declarations and glue', async () => {
    const file = await testChunker().chunkFile({ path: 'inventory.go', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 8],
      ['declaration', 'MaxItems', undefined, 9, 11],
      ['declaration', 'Low', undefined, 12, 16],
      ['declaration', 'ErrFull', undefined, 17, 18],
      ['declaration', 'Inventory', undefined, 19, 24],
      ['declaration', 'Level', undefined, 25, 29],
      ['function', 'New', undefined, 30, 34],
      ['method', 'Add', 'Inventory', 35, 50],
      ['method', 'String', 'Level', 51, 52],
      ['method', 'Push', 'List', 53, 56],
      ['function', 'Map', undefined, 57, 64],
      // A function without a body (implemented in assembly) is glue.
      ['glue', undefined, undefined, 65, 65],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'broken.go', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 2],
      ['function', 'ok', undefined, 3, 6],
      ['function', 'bad', undefined, 7, 10],
      ['method', 'after', 'Server', 11, 11],
    ]);
  });
});
