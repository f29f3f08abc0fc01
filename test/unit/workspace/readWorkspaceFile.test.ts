import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { collectWithFilter } from '../../../src/core/workspace/collectFiles';
import { readWorkspaceFile } from '../../../src/core/workspace/readWorkspaceFile';
import { WorkspaceFilter } from '../../../src/core/workspace/workspaceFilter';
import { scratchTree, writeEntries } from './scratchTree';

describe('readWorkspaceFile: one changed file, judged by the rules of a full collection', () => {
  const root = scratchTree({
    '.gitignore': 'out/\n*.log\n',
    'src/a.py': 'a = 1\n',
    'src/.gitignore': 'scratch.py\n',
    'out/bundle.js': 'x()\n',
    'docs/readme.md': '# docs\n',
    'links/a.py': { symlink: '../src/a.py' },
    'links/dangling.py': { symlink: '../missing.py' },
    'node_modules/lib/index.js': 'module.exports = 1;\n',
  });
  const filter = new WorkspaceFilter({ root, exclude: ['docs'] });
  const read = (file: string) => readWorkspaceFile(filter, file);
  const reasonOf = async (file: string) => {
    const result = await read(file);
    return result && 'reason' in result ? result.reason : undefined;
  };
  const textOf = async (file: string) => {
    const result = await read(file);
    return result && 'text' in result ? result.text : undefined;
  };

  it('reads a file the rules let in, by relative or absolute path', async () => {
    const expected = { path: 'src/a.py', absolutePath: path.join(root, 'src', 'a.py'), text: 'a = 1\n', encoding: 'utf-8', bytes: 6 };
    assert.deepEqual(await read('src/a.py'), expected);
    assert.deepEqual(await read(path.join(root, 'src', 'a.py')), expected);
  });

  it('returns what the full collection holds for the same file', async () => {
    const collection = await collectWithFilter(filter);
    for (const file of collection.files) assert.deepEqual(await read(file.path), file);
    for (const skipped of collection.skipped) assert.deepEqual(await read(skipped.path), skipped);
  });

  it('gives undefined for what a collection leaves out silently', async () => {
    writeEntries(root, { 'app.log': 'log\n', 'out/new.js': 'y()\n', 'src/scratch.py': 'tmp\n', '.git/HEAD': 'ref\n' });
    for (const left of ['app.log', 'out/new.js', 'out/bundle.js', 'src/scratch.py', 'docs/readme.md', 'node_modules/lib/index.js', '.git/HEAD', 'src', '../outside.py', 'gone.py']) {
      assert.equal(await read(left), undefined, left);
    }
  });

  it('reports a new secret, binary, minified or too large file as skipped, with the same reasons', async () => {
    writeEntries(root, {
      'src/.env.production': 'TOKEN=1\n',
      'src/icon.ico': Buffer.from([0, 0, 1, 0, 1, 0]),
      'src/bundle.min.js': `${'a;'.repeat(3_000)}\n`,
      'src/dump.txt': 'x'.repeat(1_000_001),
    });
    assert.equal(await reasonOf('src/.env.production'), 'secret');
    assert.equal(await reasonOf('src/icon.ico'), 'binary');
    assert.equal(await reasonOf('src/bundle.min.js'), 'minified');
    assert.deepEqual(await read('src/dump.txt'), { path: 'src/dump.txt', reason: 'too-large', detail: '1 MB, over the 1 MB limit.' });
  });

  it('follows a link to a file, and reports a broken one as a walk does', async () => {
    assert.equal(await textOf('links/a.py'), 'a = 1\n');
    assert.equal(await reasonOf('links/dangling.py'), 'unreadable');
  });

  it('sees a changed .gitignore once told to forget the old one', async () => {
    writeEntries(root, { 'src/b.py': 'b = 1\n' });
    assert.equal(await textOf('src/b.py'), 'b = 1\n');
    fs.writeFileSync(path.join(root, 'src', '.gitignore'), 'scratch.py\nb.py\n');
    assert.equal(filter.forget(path.join(root, 'src', '.gitignore')), true, 'a .gitignore: the caller should rescan src/');
    assert.equal(await read('src/b.py'), undefined);
    assert.equal(filter.forget('src/b.py'), false, 'an ordinary file changes no rules');
  });

  it('sees a new .git/info/exclude once told to forget the old one', async () => {
    assert.ok(await read('src/a.py'));
    writeEntries(root, { '.git/info/exclude': 'src/a.py\n' });
    assert.equal(filter.forget('.git/info/exclude'), true);
    assert.equal(await read('src/a.py'), undefined);
  });
});
