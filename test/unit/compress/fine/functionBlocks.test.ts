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

const firstLines = (blocks: ReturnType<typeof functionBlocks>) => blocks.map((b) => SOURCE.split('\n')[b.lines.start - 1]!.trim());

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
    assert.deepEqual(blocks.map((b) => b.alwaysKept), [true, false, true], 'kept for its comment, not as the closing block');
  });

  it('blocks cover the chunk, in file lines, with their text and tokens', async () => {
    const chunk = await totalChunk();
    const blocks = functionBlocks(chunk, spikesAt(8, [1, 5]), settings);
    assert.equal(blocks[0]!.lines.start, chunk.startLine);
    assert.equal(blocks.at(-1)!.lines.end, chunk.endLine);
    assert.equal(blocks.map((b) => b.text).join(''), chunk.text);
    for (const block of blocks) assert.equal(block.tokens, block.text.length);
  });

  it('without statements (a chunk chunking could not read) the raw spike splits stay', async () => {
    const chunk = { ...(await totalChunk()), statements: undefined };
    const blocks = functionBlocks(chunk, spikesAt(8, [2]), settings);
    assert.deepEqual(firstLines(blocks), ['def total(order):', 'if d.active]']);
  });
});
