import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockBoundaries } from '../../../../src/core/compress/fine/blockBoundaries';
import { blocksFromSplits } from '../../../../src/core/compress/fine/lineBlocks';
import { snapToStatements } from '../../../../src/core/compress/fine/snapToStatements';

describe('snapping splits to statement boundaries', () => {
  const cases: [name: string, splits: number[], boundaries: number[] | undefined, snapped: number[]][] = [
    ['a split on a boundary stays', [3], [1, 3, 6], [3]],
    ['a split inside a statement moves to the nearest start', [5], [1, 3, 8], [3]],
    ['a tie goes to the earlier boundary', [5], [3, 7], [3]],
    ['two splits on the same boundary become one', [3, 4], [1, 3, 9], [3]],
    ['a split before the first statement moves to it (the signature block stays whole)', [1], [3, 5], [3]],
    ['a split after the last statement moves back to it', [12], [2, 5], [5]],
    ['line 0 is never a boundary', [1], [0, 6], [6]],
    ['no statements known: the raw splits stay', [4, 2, 4], undefined, [2, 4]],
    ['statements only on the first line: one block', [2, 3], [0], []],
    ['no splits: nothing to snap', [], [2, 4], []],
  ];
  for (const [name, splits, boundaries, snapped] of cases) {
    it(name, () => assert.deepEqual(snapToStatements(splits, boundaries), snapped));
  }

  it('blocks cover every line once, a block starting at each split', () => {
    assert.deepEqual(blocksFromSplits(7, [2, 5]), [
      { start: 0, end: 1 },
      { start: 2, end: 4 },
      { start: 5, end: 6 },
    ]);
    assert.deepEqual(blocksFromSplits(3, []), [{ start: 0, end: 2 }]);
  });
});

describe('where blocks may start', () => {
  const lines = ['def f():\n', '    a = 1\n', '    # why b\n', '    # and more\n', '    b = 2\n', '    # loose note\n', '\n', '    c = 3\n'];
  const statements = [
    { line: 12, type: 'expression_statement' },
    { line: 13, type: 'comment' },
    { line: 14, type: 'comment' },
    { line: 15, type: 'expression_statement' },
    { line: 16, type: 'comment' },
    { line: 18, type: 'expression_statement' },
  ];

  it('at statement starts, in chunk lines; a comment run right above a statement starts its block', () => {
    assert.deepEqual(blockBoundaries(statements, 11, lines), [1, 2, 5, 7]);
  });

  it('a comment with a blank line before the next statement stays a block start of its own', () => {
    assert.ok(blockBoundaries(statements, 11, lines)!.includes(5));
    assert.ok(blockBoundaries(statements, 11, lines)!.includes(7));
  });

  it('no statements: undefined, so the raw splits stay', () => {
    assert.equal(blockBoundaries(undefined, 1, lines), undefined);
    assert.equal(blockBoundaries([], 1, lines), undefined);
  });
});
