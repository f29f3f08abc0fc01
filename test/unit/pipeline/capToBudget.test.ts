import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capToBudget } from '../../../src/core/compress/capToBudget';
import type { BlockDecision } from '../../../src/core/compress/compressionResult';
import type { Selection, TrimmedChunk } from '../../../src/core/compress/selection';

// A toy rendering: one word per token; a pick renders as `tokens[id]` words, a trimmed one as its kept blocks.
const tokens: Record<string, number> = { a: 10, b: 10, c: 10, pin: 5 };
const render = (selection: Selection): string => {
  const words: string[] = [];
  for (const id of [...selection.pinned, ...selection.picks]) {
    const trimmed = selection.trimmed.get(id);
    const count = trimmed ? trimmed.keptTokens : tokens[id]!;
    words.push(...Array.from({ length: count }, () => id));
  }
  return words.join(' ');
};
const count = (text: string) => (text === '' ? 0 : text.split(' ').length);

function block(tokens: number, score: number, alwaysKept = false): BlockDecision {
  return { lines: { start: 1, end: 1 }, tokens, score, alwaysKept, kept: true };
}

test('under the budget nothing is dropped', () => {
  const start: Selection = { pinned: new Set(['pin']), picks: ['a', 'b'], trimmed: new Map() };
  const capped = capToBudget(start, 25, render, count, (id) => tokens[id]!);
  assert.deepEqual(capped.selection.picks, ['a', 'b']);
  assert.equal(capped.tokens, 25);
});

test('over the budget the lowest-ranked pick goes first, never a pin', () => {
  const start: Selection = { pinned: new Set(['pin']), picks: ['a', 'b', 'c'], trimmed: new Map() };
  const capped = capToBudget(start, 26, render, count, (id) => tokens[id]!);
  assert.deepEqual(capped.selection.picks, ['a', 'b']);
  assert.ok(capped.tokens <= 26);
  assert.ok(capped.selection.pinned.has('pin'));
});

test("a trimmed pick loses its lowest-scoring droppable block before the pick itself goes", () => {
  const trimmed: TrimmedChunk = { keptLines: [], blocks: [block(4, 1, true), block(3, 0.2), block(3, 0.9)], keptTokens: 10 };
  const start: Selection = { pinned: new Set(), picks: ['a', 'c'], trimmed: new Map([['c', trimmed]]) };
  const capped = capToBudget(start, 17, render, count, (id) => tokens[id]!);
  const left = capped.selection.trimmed.get('c')!;
  assert.deepEqual(capped.selection.picks, ['a', 'c']);
  assert.deepEqual(left.blocks.map((b) => b.kept), [true, false, true]);
  assert.equal(capped.tokens, 17);
});

test('a property: whatever the sizes, the result never exceeds the budget unless only pins are left', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 300; round++) {
    const ids = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => `x${i}`);
    for (const id of ids) tokens[id] = 1 + Math.floor(random() * 30);
    const trimmedEntries = ids
      .filter(() => random() < 0.4)
      .map((id): [string, TrimmedChunk] => {
        const blocks = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, i) => block(1 + Math.floor(random() * 10), random(), i === 0));
        return [id, { keptLines: [], blocks, keptTokens: blocks.reduce((s, b) => s + b.tokens, 0) }];
      });
    const budget = Math.floor(random() * 120);
    const start: Selection = { pinned: new Set(), picks: ids, trimmed: new Map(trimmedEntries) };
    const capped = capToBudget(start, budget, render, count, (id, sel) => sel.trimmed.get(id)?.keptTokens ?? tokens[id]!);
    assert.equal(capped.tokens, count(capped.text));
    assert.ok(capped.tokens <= budget || capped.selection.picks.length === 0, `round ${round}: ${capped.tokens} > ${budget}`);
  }
});
