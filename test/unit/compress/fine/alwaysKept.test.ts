import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chunk } from '../../../../src/core/chunking/chunk';
import { alwaysKeptBlocks, keepRulesFor } from '../../../../src/core/compress/fine/alwaysKept';
import { blocksFromSplits, textLines } from '../../../../src/core/compress/fine/lineBlocks';
import { testChunker } from '../../../helpers/chunking';

const chunker = testChunker();

async function functionChunk(path: string, text: string, name: string): Promise<Chunk> {
  const chunk = (await chunker.chunkFile({ path, text })).chunks.find((c) => c.name === name);
  assert.ok(chunk, `no chunk named ${name}`);
  return chunk;
}

/** One block per top-level statement (and the signature before them); [first line, always kept] per block. */
function keptByStatement(chunk: Chunk, role = { opens: false, closes: false }): [string, boolean][] {
  const lines = textLines(chunk.text);
  const starts = (chunk.statements ?? []).map((s) => s.line - chunk.startLine);
  const blocks = blocksFromSplits(lines.length, starts);
  const types = new Map((chunk.statements ?? []).map((s) => [s.line - chunk.startLine, s.type] as const));
  const kept = alwaysKeptBlocks(blocks, lines, types, keepRulesFor(chunk.language, role));
  return blocks.map((block, i) => [lines[block.start]!.trim(), kept[i]!]);
}

describe('always-kept blocks', () => {
  it('Python: blocks starting with return or raise, and comment blocks; nested returns do not count', async () => {
    const chunk = await functionChunk(
      'a.py',
      `def check(order):
    total = 0
    if not order.items:
        return 0
    # add up the lines
    for item in order.items:
        total += item.price
    raise ValueError(total)
    print("unreachable")
`,
      'check',
    );
    assert.deepEqual(keptByStatement(chunk), [
      ['def check(order):', false],
      ['total = 0', false],
      ['if not order.items:', false],
      ['# add up the lines', true],
      ['for item in order.items:', false],
      ['raise ValueError(total)', true],
      ['print("unreachable")', false],
    ]);
  });

  it('TypeScript: throw and return statements', async () => {
    const chunk = await functionChunk(
      'a.ts',
      `function parse(input: string): number {
  const n = Number(input);
  if (Number.isNaN(n)) console.warn(input);
  throw new Error('bad');
  return n;
  n.toFixed();
}
`,
      'parse',
    );
    assert.deepEqual(keptByStatement(chunk), [
      ['function parse(input: string): number {', false],
      ['const n = Number(input);', false],
      ['if (Number.isNaN(n)) console.warn(input);', false],
      ["throw new Error('bad');", true],
      ['return n;', true],
      ['n.toFixed();', false],
    ]);
  });

  it('Rust: `return x;` and the tail expression (the value without `;`) are return-like; a `;`-ended call is not', async () => {
    const chunk = await functionChunk(
      'a.rs',
      `fn pick(items: &[u32], limit: u32) -> u32 {
    let mut best = 0;
    if items.is_empty() {
        return limit;
    }
    for item in items {
        best = best.max(*item);
    }
    best.min(limit)
}

fn early(x: u32) -> u32 {
    log(x);
    return x + 1;
}
`,
      'pick',
    );
    assert.deepEqual(keptByStatement(chunk), [
      ['fn pick(items: &[u32], limit: u32) -> u32 {', false],
      ['let mut best = 0;', false],
      ['if items.is_empty() {', false],
      ['for item in items {', false],
      ['best.min(limit)', true],
    ]);
    const early = await functionChunk('a.rs', `fn early(x: u32) -> u32 {\n    log(x);\n    return x + 1;\n}\n`, 'early');
    assert.deepEqual(keptByStatement(early), [
      ['fn early(x: u32) -> u32 {', false],
      ['log(x);', false],
      ['return x + 1;', true],
    ]);
  });

  it('Go: a comment-first block and the return', async () => {
    const chunk = await functionChunk(
      'a.go',
      `package p

func Sum(xs []int) int {
	total := 0
	// every element counts
	for _, x := range xs {
		total += x
	}
	return total
}
`,
      'Sum',
    );
    assert.deepEqual(keptByStatement(chunk), [
      ['func Sum(xs []int) int {', false],
      ['total := 0', false],
      ['// every element counts', true],
      ['for _, x := range xs {', false],
      ['return total', true],
    ]);
  });

  it('the signature block and the closing block when the chunk holds them', async () => {
    const chunk = await functionChunk('a.py', `def f(x):\n    a = 1\n    b = 2\n    c = 3\n`, 'f');
    const flags = (role: { opens: boolean; closes: boolean }) => keptByStatement(chunk, role).map(([, kept]) => kept);
    assert.deepEqual(flags({ opens: true, closes: true }), [true, false, false, true]);
    assert.deepEqual(flags({ opens: true, closes: false }), [true, false, false, false]);
    assert.deepEqual(flags({ opens: false, closes: true }), [false, false, false, true]);
  });

  it('without statement types, comments are found by the language\'s comment syntax on the first non-blank line', () => {
    const lines = ['int f(void) {\n', '  x = 1;\n', '\n', '  /* why */\n', '  y = 2;\n', '  # not C\n', '}\n'];
    const blocks = blocksFromSplits(lines.length, [1, 2, 4, 5]);
    const kept = alwaysKeptBlocks(blocks, lines, new Map(), keepRulesFor('c', { opens: false, closes: false }));
    assert.deepEqual(kept, [false, false, true, false, false]);
    const python = alwaysKeptBlocks([{ start: 0, end: 0 }, { start: 1, end: 1 }], ['x = 1\n', '  # note\n'], new Map(), keepRulesFor('python', { opens: false, closes: false }));
    assert.deepEqual(python, [false, true]);
  });
});
