import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const chunker = testChunker();

function longFunction(statements: number): string {
  const body = Array.from({ length: statements }, (_, i) => `    total += compute_value_for_item(items[${i}], weight=${i}, label="item number ${i}")\n`);
  return `def summarize(items):\n    total = 0\n${body.join('')}    return total\n`;
}

describe('chunking edge cases', () => {
  it('an empty file has no chunks and no error', async () => {
    const file = await chunker.chunkFile({ path: 'empty.py', text: '' });
    assert.deepEqual(file.chunks, []);
    assert.equal(file.parseErrors, 0);
  });

  it('a file of blank lines is one glue chunk', async () => {
    const text = '\n\n   \n';
    const file = await chunker.chunkFile({ path: 'blank.py', text });
    assertExactCover(text, file);
    assert.deepEqual(rows(file), [['glue', undefined, undefined, 1, 3]]);
  });

  it('an unknown language falls back to blank-line blocks and says why', async () => {
    const text = 'first paragraph\nstill first\n\n\nsecond\n';
    const file = await chunker.chunkFile({ path: 'notes.md', text });
    assertExactCover(text, file);
    assert.deepEqual(rows(file), [
      ['block-fallback', undefined, undefined, 1, 4],
      ['block-fallback', undefined, undefined, 5, 5],
    ]);
    assert.equal(file.language, undefined);
    assert.match(file.fallbackReason!, /no grammar/);
  });

  it('code with syntax errors is still chunked around the errors, and they are counted', async () => {
    const text = 'def good():\n    return 1\n\n\ndef broken(:\n    return (\n\n\ndef also_good():\n    return 2\n';
    const file = await chunker.chunkFile({ path: 'broken.py', text });
    assertExactCover(text, file);
    assert.ok(file.parseErrors > 0);
    assert.deepEqual(file.chunks.filter((c) => c.kind === 'function').map((c) => c.name).slice(0, 1), ['good']);
  });

  it('counts a token the parser had to invent (MISSING) as a syntax error', async () => {
    // tree-sitter reads the lock annotation macro as a new definition and invents a ';' before it.
    const text = 'void Store::Retire()\n    GUARDED_BY_LOCK_(mutex) {\n  run();\n}\n';
    const file = await chunker.chunkFile({ path: 'store.cc', text });
    assertExactCover(text, file);
    assert.ok(file.parseErrors >= 1);
  });

  it('Windows line endings: lines and cover are right, blank CRLF lines join the chunk before', async () => {
    const text = 'import os\r\n\r\n\r\ndef a():\r\n    return 1\r\n\r\n\r\ndef b():\r\n    return 2\r\n';
    const file = await chunker.chunkFile({ path: 'crlf.py', text });
    assertExactCover(text, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 3],
      ['function', 'a', undefined, 4, 7],
      ['function', 'b', undefined, 8, 9],
    ]);
  });

  it('deeply nested code neither throws nor loses text', async () => {
    const depth = 400;
    let body = '';
    for (let i = 0; i < depth; i++) body += `${'    '.repeat(i + 1)}if x > ${i}:\n`;
    body += `${'    '.repeat(depth + 1)}return x\n`;
    const text = `def deep(x):\n${body}    return 0\n\n(((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))\n`;
    const file = await chunker.chunkFile({ path: 'deep.py', text });
    assertExactCover(text, file);
    assert.equal(file.chunks[0]!.name, 'deep');
  });

  it('a 5 MB file is chunked completely', async () => {
    const unit = 'def handler_NUM(event):\n    return event.get("NUM")\n\n\n';
    const text = Array.from({ length: Math.ceil(5_000_000 / unit.length) }, (_, i) => unit.replaceAll('NUM', String(i))).join('');
    const file = await chunker.chunkFile({ path: 'big.py', text });
    assertExactCover(text, file);
    assert.equal(file.chunks.filter((c) => c.kind === 'function').length, Math.ceil(5_000_000 / unit.length));
  });

  it('a function over the size cap is cut into parts at statement boundaries, each within the cap', async () => {
    const text = longFunction(120);
    const file = await testChunker({ sizeCap: 512 }).chunkFile({ path: 'long.py', text });
    assertExactCover(text, file);
    assert.ok(countTokens(text) > 512 * 3);
    assert.ok(file.chunks.length >= 4);
    for (const part of file.chunks) {
      assert.equal(part.kind, 'function-part');
      assert.equal(part.name, 'summarize');
      assert.equal(part.parent, 'summarize');
      assert.ok(countTokens(part.text) <= 512, `part ${part.startLine}-${part.endLine} has ${countTokens(part.text)} tokens`);
      assert.match(part.text, /^ {4}\S|^def /, 'a part starts at a statement');
    }
    assert.match(file.chunks[0]!.text, /^def summarize\(items\):/);
    assert.match(file.chunks.at(-1)!.text, /return total\n$/);
    const [scope] = file.scopes;
    assert.deepEqual(
      { kind: scope!.kind, name: scope!.name, opening: scope!.openingChunk, closing: scope!.closingChunk },
      { kind: 'function', name: 'summarize', opening: file.chunks[0]!.id, closing: file.chunks.at(-1)!.id },
    );
    assert.ok(file.chunks.every((c) => c.scope === scope!.id));
  });

  it('a function within the cap is one chunk', async () => {
    const text = longFunction(3);
    const file = await chunker.chunkFile({ path: 'short.py', text });
    assert.deepEqual(rows(file), [['function', 'summarize', undefined, 1, 6]]);
  });

  it('code with "<|endoftext|>" in it is counted as plain text, never rejected', async () => {
    const text = 'MARKER = "<|endoftext|>"\n';
    const file = await chunker.chunkFile({ path: 'special.py', text });
    assertExactCover(text, file);
    assert.ok(countTokens(text) > 5);
  });

  it('identical functions in one file get distinct, stable ids', async () => {
    const twin = 'def same():\n    return 1\n\n\n';
    const file = await chunker.chunkFile({ path: 'twins.py', text: twin + twin });
    assert.equal(file.chunks.length, 2);
    assert.equal(file.chunks[1]!.id, `${file.chunks[0]!.id}~2`);
  });
});
