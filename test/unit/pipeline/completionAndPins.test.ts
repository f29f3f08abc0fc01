import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionQuery, LINES_BEFORE_CURSOR } from '../../../src/core/compress/completionQuery';
import { CompressionInputError } from '../../../src/core/compress/compressionInputError';
import { ContextIndex } from '../../../src/core/compress/contextIndex';
import { parsePinSpec, resolvePins } from '../../../src/core/compress/resolvePins';
import { testChunker } from '../../helpers/chunking';

const source = `import os

class Store:
    """Keeps items."""

    def __init__(self):
        self.items = {}

    def add(self, key, value):
        if key in self.items:
            raise KeyError(key)
        self.items[key] = value
        return value


def total(store):
    count = 0
    for value in store.items.values():
        count += value
    return count
`;

async function chunked() {
  return testChunker().chunkFile({ path: 'store.py', text: source });
}

test('completion inside a function: the query is the function up to the cursor, and the function is not context', async () => {
  const file = await chunked();
  const completion = completionQuery(file, { path: 'store.py', line: 19, column: 9 });
  assert.equal(completion.query, 'def total(store):\n    count = 0\n    for value in store.items.values():\n        ');
  const total = file.chunks.find((chunk) => chunk.name === 'total')!;
  assert.deepEqual([...completion.excluded], [total.id]);
  assert.equal(source.slice(completion.excludedSpan.start, completion.excludedSpan.end), total.text);
  assert.equal(completion.prefixStartLine, total.startLine);
});

test('completion with no column starts at the beginning of the line', async () => {
  const file = await chunked();
  const completion = completionQuery(file, { path: 'store.py', line: 12 });
  assert.ok(completion.query.startsWith('    def add(self, key, value):'));
  assert.ok(completion.query.endsWith('raise KeyError(key)\n'));
});

test('completion outside any function: the lines before the cursor are the query', async () => {
  const file = await chunked();
  const completion = completionQuery(file, { path: 'store.py', line: 2 });
  assert.equal(completion.query, 'import os\n');
  assert.equal(completion.prefixStartLine, Math.max(1, 2 - LINES_BEFORE_CURSOR));
});

test('a cursor outside the file is a clear input error', async () => {
  const file = await chunked();
  assert.throws(() => completionQuery(file, { path: 'store.py', line: 99 }), (error: unknown) => error instanceof CompressionInputError && /outside store\.py/.test(error.message));
  assert.throws(() => completionQuery(file, { path: 'store.py', line: 1, column: 80 }), CompressionInputError);
});

test('pins: a whole file, a qualified method, a class with everything inside it; unknown names are input errors', async () => {
  const file = await chunked();
  const files = new Map([[file.path, file]]);
  const id = (name: string) => file.chunks.find((chunk) => chunk.name === name && chunk.kind !== 'container-footer')!.id;
  assert.deepEqual(resolvePins([parsePinSpec('store.py')], files), file.chunks.map((chunk) => chunk.id));
  assert.deepEqual(resolvePins([parsePinSpec('store.py:Store.add')], files), [id('add')]);
  const store = resolvePins([parsePinSpec('store.py:Store')], files);
  assert.ok(store.includes(id('Store')) && store.includes(id('add')) && store.includes(id('__init__')) && !store.includes(id('total')));
  assert.throws(() => resolvePins([parsePinSpec('store.py:nothing')], files), /no definition of that name/);
  assert.throws(() => resolvePins([parsePinSpec('other.py')], files), /no such file/);
  assert.deepEqual(parsePinSpec('C:\\src\\a.py'), { path: 'C:\\src\\a.py' });
});

test('a kept method brings its class header along', async () => {
  const file = await chunked();
  const index = new ContextIndex([file], (text) => text.length);
  const add = file.chunks.find((chunk) => chunk.name === 'add')!;
  const header = file.chunks.find((chunk) => chunk.kind === 'container-header')!;
  assert.deepEqual(index.broughtBy(add.id), [header.id]);
  assert.deepEqual(index.broughtBy(file.chunks.find((chunk) => chunk.name === 'total')!.id), []);
});
