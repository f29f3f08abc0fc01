import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textEdit } from '../../../src/core/chunking/textEdit';
import { testChunker } from '../../helpers/chunking';

const ORIGINAL = `import os

def load(path):
    with open(path) as f:
        return f.read()


class Store:
    def get(self, key):
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
`;

// Each edit a user might make, applied in turn to the previous version.
const EDITS: [string, (text: string) => string][] = [
  ['insert a method', (t) => t.replace('    def put', '    def drop(self, key):\n        del self.data[key]\n\n    def put')],
  ['rename a function', (t) => t.replace('def load(', 'def load_text(')],
  ['delete a block', (t) => t.replace(/\n\nclass Store:[\s\S]*$/, '\n')],
  ['non-ASCII text before the edit', (t) => `# café ☕ 😀\n${t}def tail():\n    return "é"\n`],
  ['a syntax error', (t) => t.replace('def tail():', 'def tail(:')],
  ['fix it again', (t) => t.replace('def tail(:', 'def tail():')],
  ['replace everything', () => 'x = 1\n'],
];

describe('incremental re-parsing of an edited file', () => {
  it('gives exactly the chunks a fresh parse gives, edit after edit', async () => {
    const editing = testChunker();
    let text = ORIGINAL;
    await editing.chunkFile({ path: 'store.py', text }, { keepTree: true });
    for (const [what, edit] of EDITS) {
      text = edit(text);
      const incremental = await editing.chunkFile({ path: 'store.py', text }, { keepTree: true });
      const fresh = await testChunker().chunkFile({ path: 'store.py', text });
      assert.deepEqual(incremental, fresh, what);
    }
  });

  it('describes an edit by the changed middle, in UTF-16 offsets and row/column points', () => {
    const edit = textEdit('ab\ncé\nxyz', 'ab\ncé😀!\nxyz');
    assert.deepEqual(
      { start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex },
      { start: 5, oldEnd: 5, newEnd: 8 },
    );
    assert.deepEqual(edit.startPosition, { row: 1, column: 2 });
    assert.deepEqual(edit.newEndPosition, { row: 1, column: 5 });
  });
});
