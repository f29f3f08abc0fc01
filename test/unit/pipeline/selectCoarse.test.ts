import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectCoarse, type CoarseContext } from '../../../src/core/compress/selectCoarse';

function context(tokens: Record<string, number>, brings: Record<string, string[]> = {}, rendering = 0): CoarseContext {
  return {
    tokens: (id) => tokens[id]!,
    broughtBy: (id) => brings[id] ?? [],
    renderingCost: () => rendering,
  };
}

test('chunks are taken by rank while they fit; one that overflows is skipped and the next tried', () => {
  const selection = selectCoarse(['a', 'big', 'b', 'c'], context({ a: 40, big: 100, b: 30, c: 40 }), 100);
  assert.deepEqual(selection.picks.map((p) => p.id), ['a', 'b']);
  assert.equal(selection.spent, 70);
  assert.ok(selection.spent <= 100);
});

test('a chunk brings its containers, and the whole group must fit', () => {
  const ctx = context({ m1: 30, m2: 30, head: 20, foot: 5, f: 10 }, { m1: ['head', 'foot'], m2: ['head', 'foot'] });
  const selection = selectCoarse(['m1', 'm2', 'f'], ctx, 90);
  // m1 costs 30 + 20 + 5; m2 then costs only its own 30 (its container is already kept) but 55 + 30 = 85 fits; f does not.
  assert.deepEqual(selection.picks, [
    { id: 'm1', brought: ['head', 'foot'] },
    { id: 'm2', brought: [] },
  ]);
  assert.deepEqual([...selection.kept].sort(), ['foot', 'head', 'm1', 'm2']);
  assert.equal(selection.spent, 85);
});

test('a method whose container does not fit is skipped even when the method alone would', () => {
  const ctx = context({ m: 10, head: 95, f: 50 }, { m: ['head'] });
  const selection = selectCoarse(['m', 'f'], ctx, 60);
  assert.deepEqual(selection.picks.map((p) => p.id), ['f']);
});

test('rendering costs (headers, placeholders) count against the budget', () => {
  const selection = selectCoarse(['a', 'b'], context({ a: 40, b: 40 }, {}, 15), 100);
  assert.deepEqual(selection.picks.map((p) => p.id), ['a']);
  assert.equal(selection.spent, 55);
});

test('pinned chunks are already kept: never picked again, and their containers are free', () => {
  const ctx = context({ p: 50, m: 30, head: 40 }, { m: ['head'] });
  const selection = selectCoarse(['p', 'm'], ctx, 30, ['p', 'head']);
  assert.deepEqual(selection.picks, [{ id: 'm', brought: [] }]);
});
