import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chunk } from '../../../../src/core/chunking/chunk';
import { functionBlocks } from '../../../../src/core/compress/fine/functionBlocks';
import { testChunker } from '../../../helpers/chunking';

const SOURCE = `def total(order):
    items = order.items
    discounts = [d for d in order.discounts
                 if d.active]
    # apply every discount
    for d in discounts:
        items = d.apply(items)
    return sum(i.price for i in items)
`;

const settings = { spikeK: 0.2, opens: true, closes: true, countTokens: (text: string) => text.length };

async function totalChunk(): Promise<Chunk> {
  return (await testChunker().chunkFile({ path: 'order.py', text: SOURCE })).chunks.find((c) => c.name === 'total')!;
}

/** Mean log-probs with the given 0-based lines hard to predict. */
function spikesAt(lineCount: number, spikes: number[]): Float64Array {
  return Float64Array.from({ length: lineCount }, (_, i) => (spikes.includes(i) ? -6 : -1));
}

const lineAt = (line: number) => SOURCE.split('\n')[line - 1]!.trim();
/** The first line of each block that needs no other (the function's top-level blocks). */
const firstLines = (blocks: ReturnType<typeof functionBlocks>) => blocks.filter((b) => b.parent === undefined).map((b) => lineAt(b.ranges[0]!.start));
/** Every range of every block, in file order. */
const rangesOf = (blocks: ReturnType<typeof functionBlocks>) => blocks.flatMap((b) => b.ranges).sort((a, b) => a.start - b.start);

describe('function blocks', () => {
  it('a spike inside a multi-line statement moves to a statement start: the statement stays whole', async () => {
    const chunk = await totalChunk();
    // A spike on line 2 (`discounts = [...`) would split before its continuation line 3.
    const blocks = functionBlocks(chunk, spikesAt(8, [2]), settings);
    assert.deepEqual(firstLines(blocks), ['def total(order):', 'discounts = [d for d in order.discounts']);
  });

  it('a comment goes with the statement under it, and its block is always kept', async () => {
    const chunk = await totalChunk();
    // A spike on line 4 (the comment) would start the next block at the `for` below it.
    const blocks = functionBlocks(chunk, spikesAt(8, [1, 4]), { ...settings, closes: false });
    assert.deepEqual(firstLines(blocks), ['def total(order):', 'discounts = [d for d in order.discounts', '# apply every discount']);
    assert.deepEqual(blocks.filter((b) => b.parent === undefined).map((b) => b.alwaysKept), [true, false, true], 'kept for its comment, not as the closing block');
  });

  it('blocks cover the chunk, in file lines, with their text and tokens', async () => {
    const chunk = await totalChunk();
    const blocks = functionBlocks(chunk, spikesAt(8, [1, 5]), settings);
    const ranges = rangesOf(blocks);
    assert.equal(ranges[0]!.start, chunk.startLine);
    assert.equal(ranges.at(-1)!.end, chunk.endLine);
    ranges.slice(1).forEach((range, i) => assert.equal(range.start, ranges[i]!.end + 1, 'no gap, no overlap'));
    assert.equal(blocks.map((b) => b.text).join('').length, chunk.text.length);
    for (const block of blocks) assert.equal(block.tokens, block.text.length);
  });

  it('without statements (a chunk chunking could not read) the raw spike splits stay', async () => {
    const chunk = { ...(await totalChunk()), statements: undefined };
    const blocks = functionBlocks(chunk, spikesAt(8, [2]), settings);
    assert.deepEqual(firstLines(blocks), ['def total(order):', 'if d.active]']);
  });

  it('a large loop is opened up: its header needs nothing, each run of its body needs the header', async () => {
    const source = `function settle(accounts) {
  let total = 0;
  for (const account of accounts) {
    const fee = account.fee();
    total += fee;
    if (account.closed) {
      archive(account);
      notify(account.owner);
    }
    log(account, fee);
  }
  return total;
}
`;
    const chunk = (await testChunker().chunkFile({ path: 'settle.js', text: source })).chunks.find((c) => c.name === 'settle')!;
    const at = (line: number) => source.split('\n')[line - 1]!.trim();
    // Spikes after `total += fee;` (line 5) and after the `if` block (line 9).
    const blocks = functionBlocks(chunk, Float64Array.from({ length: 13 }, (_, i) => ([4, 8].includes(i) ? -6 : -1)), settings);
    const loop = blocks.findIndex((b) => b.ranges.some((r) => at(r.start) === 'for (const account of accounts) {'));
    assert.ok(loop >= 0);
    // The loop's own lines: its header and its closing brace, one block of two ranges.
    assert.deepEqual(blocks[loop]!.ranges.map((r) => [at(r.start), at(r.end)]), [
      ['for (const account of accounts) {', 'for (const account of accounts) {'],
      ['}', '}'],
    ]);
    const inside = blocks.filter((b) => b.parent === loop).map((b) => b.ranges.map((r) => at(r.start)));
    assert.deepEqual(inside, [['const fee = account.fee();'], ['if (account.closed) {', '}'], ['log(account, fee);']]);
    // The `if` is large too: its body is one run (no spike inside) that needs the `if`'s lines.
    const branch = blocks.findIndex((b) => at(b.ranges[0]!.start) === 'if (account.closed) {');
    assert.deepEqual(blocks.filter((b) => b.parent === branch).map((b) => b.ranges.map((r) => at(r.start))), [['archive(account);']]);
    const ranges = rangesOf(blocks);
    ranges.slice(1).forEach((range, i) => assert.equal(range.start, ranges[i]!.end + 1, 'blocks tile the function'));
  });
});
