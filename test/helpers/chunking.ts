import assert from 'node:assert/strict';
import type { Chunk, FileChunks } from '../../src/core/chunking/chunk';
import { Chunker, type ChunkerOptions } from '../../src/core/chunking/chunker';
import { GrammarLoader } from '../../src/core/chunking/grammarLoader';
import { distDir } from './repoPaths';

const grammars = new GrammarLoader(distDir);

/** A chunker over the development build's grammars and queries. */
export function testChunker(options: ChunkerOptions = {}): Chunker {
  return new Chunker(grammars, options);
}

/** One row per chunk, as a sample's expectation reads: kind, name, parent, first and last line. */
export type ChunkRow = [kind: Chunk['kind'], name: string | undefined, parent: string | undefined, startLine: number, endLine: number];

export function rows(file: FileChunks): ChunkRow[] {
  return file.chunks.map((c) => [c.kind, c.name, c.parent, c.startLine, c.endLine]);
}

/** The chunks of a file cover it exactly, in order, without overlap, with offsets and lines that agree. */
export function assertExactCover(text: string, file: FileChunks): void {
  assert.equal(file.chunks.map((c) => c.text).join(''), text, `${file.path}: chunks do not join into the file`);
  let offset = 0;
  let line = 1;
  for (const chunk of file.chunks) {
    assert.equal(chunk.startOffset, offset, `${chunk.id} starts at ${chunk.startOffset}, expected ${offset}`);
    assert.equal(chunk.text, text.slice(chunk.startOffset, chunk.endOffset), `${chunk.id}: text differs from its offsets`);
    assert.ok(chunk.text.length > 0, `${chunk.id} is empty`);
    assert.equal(chunk.startLine, line, `${chunk.id}: startLine`);
    const newlines = chunk.text.split('\n').length - 1;
    const endsWithNewline = chunk.text.endsWith('\n');
    assert.equal(chunk.endLine, line + newlines - (endsWithNewline ? 1 : 0), `${chunk.id}: endLine`);
    line += newlines;
    offset = chunk.endOffset;
  }
  assert.equal(offset, text.length);
  assert.equal(new Set(file.chunks.map((c) => c.id)).size, file.chunks.length, 'chunk ids are unique');
}
