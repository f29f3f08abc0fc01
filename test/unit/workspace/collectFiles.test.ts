import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { collectFiles } from '../../../src/core/workspace/collectFiles';
import type { Collection, SkippedFile } from '../../../src/core/workspace/workspaceFile';
import { runningAsRoot, scratchTree } from './scratchTree';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const deepFolder = Array.from({ length: 60 }, (_, index) => `d${index + 1}`).join('/');

/** A workspace with one of each kind of file a user's folder may hold. */
function buildWorkspace(): string {
  const root = scratchTree({
    'src/app.py': 'def main():\n    return 1\n',
    'src/empty.txt': '',
    'src/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'data/huge.sql': 'INSERT INTO t VALUES (1);\n'.repeat(201_650), // 5,242,900 bytes
    'legacy/latin1.py': Buffer.from([...Buffer.from('# caf'), 0xe9, 0x0a]),
    'legacy/broken.c': Buffer.from([...Buffer.from('int x; /* '), 0xc3, 0x28, ...Buffer.from(' */\n')]),
    'legacy/utf16le.txt': utf16le('h\u00e9llo, UTF-16\n'),
    'legacy/utf16be.txt': utf16be('h\u00e9llo, UTF-16 BE\n'),
    'legacy/bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('print("bom")\n')]),
    'legacy/controls.txt': Buffer.from(Array.from({ length: 400 }, (_, index) => [1, 2, 3, 4, 5, 6, 7, 8][index % 8]!).concat([0x41])),
    [`deep/${deepFolder}/leaf.py`]: 'LEAF = True\n',
    'loop/inner.py': 'inner = 1\n',
    'loop/link': { symlink: '..' },
    'links/alias.py': { symlink: '../src/app.py' },
    'links/shared': { symlink: '../shared-target' },
    'links/dangling.py': { symlink: '../nowhere.py' },
    'shared-target/s.py': 's = 1\n',
    'config/.env': 'API_KEY=hunter2\n',
    'config/tls/server.pem': '-----BEGIN PRIVATE KEY-----\n',
    'home/.ssh/id_ed25519': 'PRIVATE\n',
    '.aws/credentials': '[default]\n',
    'dist/app.min.js': `var a=${'1+'.repeat(3_000)}1;\n`,
    'dist/wide.json': `${`[${'7,'.repeat(400)}7],\n`.repeat(3)}`,
    '.gitignore': 'build/\n*.log\n!keep.log\n',
    'build/out.js': 'ignored()\n',
    'logs/run.log': 'ignored\n',
    'logs/keep.log': 'kept\n',
    'notes.tmp': 'the pkg rule *.tmp does not reach up here\n',
    'pkg/.gitignore': '!debug.log\n/generated/\n*.tmp\n!build/\n',
    'pkg/debug.log': 'negated back in\n',
    'pkg/generated/x.py': 'ignored = 1\n',
    'pkg/sub/generated/y.py': 'anchored rule does not apply here\n',
    'pkg/notes.tmp': 'ignored\n',
    'pkg/build/kept.js': 'a deeper .gitignore re-includes this build folder\n',
    '.git/config': '[core]\n',
    '.git/info/exclude': 'private-notes.md\n',
    'private-notes.md': 'left out by .git/info/exclude\n',
    'node_modules/lib/index.js': 'module.exports = 1;\n',
    'package-lock.json': '{}\n',
    'docs/guide.md': '# excluded by a glob\n',
    'tests/__snapshots__/a.snap': 'excluded by a name glob\n',
    'tests/test_app.py': 'def test(): pass\n',
  });
  if (process.platform !== 'win32') {
    execFileSync('mkfifo', [path.join(root, 'src', 'pipe')]);
    fs.mkdirSync(path.join(root, 'locked'));
    fs.writeFileSync(path.join(root, 'locked', 'private.txt'), 'no access\n');
    fs.chmodSync(path.join(root, 'locked', 'private.txt'), 0o000);
  }
  return root;
}

function skipOf(collection: Collection, filePath: string): SkippedFile | undefined {
  return collection.skipped.find((skipped) => skipped.path === filePath);
}

describe('collectFiles on a workspace with every kind of file', () => {
  const root = buildWorkspace();
  let collection: Collection;
  let paths: string[];

  before(async () => {
    collection = await collectFiles({ root, exclude: ['docs/**', '*.snap'] });
    paths = collection.files.map((file) => file.path);
  });

  it('collects ordinary source files with their text, relative POSIX paths and sizes', () => {
    const app = collection.files.find((file) => file.path === 'src/app.py');
    assert.deepEqual(app, {
      path: 'src/app.py',
      absolutePath: path.join(root, 'src', 'app.py'),
      text: 'def main():\n    return 1\n',
      encoding: 'utf-8',
      bytes: 25,
    });
    assert.ok(paths.includes('tests/test_app.py'));
  });

  it('lists files and skipped files sorted by path, each once', () => {
    for (const list of [collection.files, collection.skipped]) {
      const listed = list.map((entry) => entry.path);
      assert.deepEqual(listed, [...listed].sort());
      assert.equal(new Set(listed).size, listed.length);
    }
  });

  it('collects an empty file as an empty text', () => {
    assert.equal(collection.files.find((file) => file.path === 'src/empty.txt')?.text, '');
  });

  it('skips a binary file', () => {
    assert.equal(skipOf(collection, 'src/logo.png')?.reason, 'binary');
  });

  it('skips a file over the size limit and says how large it is', () => {
    assert.deepEqual(skipOf(collection, 'data/huge.sql'), {
      path: 'data/huge.sql',
      reason: 'too-large',
      detail: '5.2 MB, over the 1 MB limit.',
    });
  });

  it('decodes Latin-1 and broken UTF-8 as windows-1252', () => {
    const latin1 = collection.files.find((file) => file.path === 'legacy/latin1.py');
    assert.equal(latin1?.text, '# caf\u00e9\n');
    assert.equal(latin1?.encoding, 'windows-1252');
    const broken = collection.files.find((file) => file.path === 'legacy/broken.c');
    assert.equal(broken?.text, 'int x; /* \u00c3( */\n');
    assert.equal(broken?.encoding, 'windows-1252');
  });

  it('decodes UTF-16 with a byte order mark, and drops a UTF-8 byte order mark', () => {
    const byPath = new Map(collection.files.map((file) => [file.path, file]));
    assert.deepEqual([byPath.get('legacy/utf16le.txt')?.text, byPath.get('legacy/utf16le.txt')?.encoding], ['h\u00e9llo, UTF-16\n', 'utf-16le']);
    assert.deepEqual([byPath.get('legacy/utf16be.txt')?.text, byPath.get('legacy/utf16be.txt')?.encoding], ['h\u00e9llo, UTF-16 BE\n', 'utf-16be']);
    assert.deepEqual([byPath.get('legacy/bom.py')?.text, byPath.get('legacy/bom.py')?.encoding], ['print("bom")\n', 'utf-8']);
  });

  it('skips bytes that decode to mostly control characters as not text', () => {
    const skipped = skipOf(collection, 'legacy/controls.txt');
    assert.equal(skipped?.reason, 'not-text');
    assert.match(skipped!.detail, /control characters/);
  });

  it('finds a file 60 folders deep', () => {
    assert.ok(paths.includes(`deep/${deepFolder}/leaf.py`));
  });

  it('follows links to files and folders, and reports a link back to a folder it is inside', () => {
    assert.equal(collection.files.find((file) => file.path === 'links/alias.py')?.text, 'def main():\n    return 1\n');
    assert.ok(paths.includes('links/shared/s.py'));
    assert.ok(paths.includes('shared-target/s.py'));
    assert.ok(paths.includes('loop/inner.py'));
    assert.deepEqual(skipOf(collection, 'loop/link'), {
      path: 'loop/link',
      reason: 'symlink-loop',
      detail: 'A link back to the workspace folder, a folder it is inside.',
    });
    assert.deepEqual(
      paths.filter((p) => p.startsWith('loop/')),
      ['loop/inner.py'],
    );
  });

  it('reports a broken link as unreadable', () => {
    assert.equal(skipOf(collection, 'links/dangling.py')?.reason, 'unreadable');
  });

  it('never collects secrets, and lists each one as skipped, in subfolders too', () => {
    for (const secret of ['.aws/credentials', 'config/.env', 'config/tls/server.pem', 'home/.ssh/id_ed25519']) {
      assert.equal(skipOf(collection, secret)?.reason, 'secret', secret);
      assert.ok(!paths.includes(secret), secret);
    }
    assert.match(skipOf(collection, 'config/.env')!.detail, /\.env\*/);
  });

  it('skips minified and generated files: a very long line, or very long lines on average', () => {
    assert.equal(skipOf(collection, 'dist/app.min.js')?.reason, 'minified');
    assert.match(skipOf(collection, 'dist/app.min.js')!.detail, /6,0\d\d characters \(over 5,000\)/);
    assert.equal(skipOf(collection, 'dist/wide.json')?.reason, 'minified');
  });

  it('honours .gitignore files, nested ones and negations, as git does', () => {
    assert.ok(!paths.includes('build/out.js'), 'root build/');
    assert.ok(!paths.includes('logs/run.log'), 'root *.log');
    assert.ok(paths.includes('logs/keep.log'), 'root !keep.log');
    assert.ok(paths.includes('pkg/debug.log'), 'pkg/.gitignore negates the root *.log');
    assert.ok(!paths.includes('pkg/generated/x.py'), 'pkg /generated/ is anchored to pkg');
    assert.ok(paths.includes('pkg/sub/generated/y.py'), 'and does not reach pkg/sub');
    assert.ok(!paths.includes('pkg/notes.tmp'), 'pkg *.tmp');
    assert.ok(paths.includes('notes.tmp'), 'pkg rules stay in pkg');
    assert.ok(paths.includes('pkg/build/kept.js'), 'pkg !build/ re-includes what the root build/ left out');
    assert.ok(paths.includes('.gitignore') && paths.includes('pkg/.gitignore'));
  });

  it('honours .git/info/exclude and never reads .git', () => {
    assert.ok(!paths.includes('private-notes.md'));
    assert.ok(!paths.some((p) => p.startsWith('.git/')));
  });

  it('leaves out default excludes and exclude globs without listing them', () => {
    const everything = [...paths, ...collection.skipped.map((skipped) => skipped.path)];
    for (const left of ['node_modules/lib/index.js', 'package-lock.json', 'docs/guide.md', 'tests/__snapshots__/a.snap', 'build/out.js', 'logs/run.log']) {
      assert.ok(!everything.includes(left), left);
    }
  });

  it('lists only what the user should see as skipped', () => {
    const expected = [
      '.aws/credentials',
      'config/.env',
      'config/tls/server.pem',
      'data/huge.sql',
      'dist/app.min.js',
      'dist/wide.json',
      'home/.ssh/id_ed25519',
      'legacy/controls.txt',
      'links/dangling.py',
      'loop/link',
      'src/logo.png',
    ];
    if (process.platform !== 'win32') expected.push('src/pipe');
    if (process.platform !== 'win32' && !runningAsRoot) expected.push('locked/private.txt');
    assert.deepEqual(
      collection.skipped.map((skipped) => skipped.path),
      expected.sort(),
    );
  });

  it('reports a named pipe as unreadable without waiting on it', { skip: process.platform === 'win32' && 'no mkfifo on Windows' }, () => {
    assert.deepEqual(skipOf(collection, 'src/pipe'), { path: 'src/pipe', reason: 'unreadable', detail: 'A named pipe, not a regular file.' });
  });

  it('gives the same result twice', async () => {
    assert.deepEqual(await collectFiles({ root, exclude: ['docs/**', '*.snap'] }), collection);
  });
});

describe('collectFiles with paths and options', () => {
  const root = scratchTree({
    'src/a.py': 'a = 1\n',
    'src/b.py': 'b = 1\n',
    'src/gen/ignored.py': 'ignored = 1\n',
    'src/.env.local': 'SECRET=1\n',
    'other/c.py': 'c = 1\n',
    '.gitignore': 'gen/\n*.local.py\n',
    'tools/x.local.py': 'named directly\n',
    'package-lock.json': '{}\n',
    'big.txt': 'x'.repeat(2_000),
  });

  it('collects only the given folders and files, relative or absolute, reported relative to the root', async () => {
    const { files, skipped } = await collectFiles({ root, paths: ['src', path.join(root, 'other', 'c.py')] });
    assert.deepEqual(
      files.map((file) => file.path),
      ['other/c.py', 'src/a.py', 'src/b.py'],
    );
    assert.deepEqual(
      skipped.map((entry) => [entry.path, entry.reason]),
      [['src/.env.local', 'secret']],
    );
  });

  it('takes a file named directly even when .gitignore leaves it out, but never a secret', async () => {
    const { files, skipped } = await collectFiles({ root, paths: ['tools/x.local.py', 'src/.env.local'] });
    assert.deepEqual(
      files.map((file) => file.path),
      ['tools/x.local.py'],
    );
    assert.deepEqual(
      skipped.map((entry) => entry.reason),
      ['secret'],
    );
  });

  it('walks a named folder under the rules: an ignored one gives nothing', async () => {
    assert.deepEqual(await collectFiles({ root, paths: ['src/gen'] }), { files: [], skipped: [] });
  });

  it('gives each file once when the paths overlap', async () => {
    const { files } = await collectFiles({ root, paths: ['src', 'src/a.py', '.'] });
    assert.equal(files.filter((file) => file.path === 'src/a.py').length, 1);
  });

  it('reports a named path that does not exist', async () => {
    const { skipped } = await collectFiles({ root, paths: ['missing.py'] });
    assert.deepEqual(
      skipped.map((entry) => [entry.path, entry.reason]),
      [['missing.py', 'unreadable']],
    );
  });

  it('rejects a path outside the workspace folder', async () => {
    await assert.rejects(collectFiles({ root, paths: ['../elsewhere'] }), /outside the workspace folder/);
  });

  it('takes a smaller size limit, and default excludes can be replaced', async () => {
    const { files, skipped } = await collectFiles({ root, maxFileBytes: 1_000, defaultExcludes: [] });
    assert.deepEqual(skipped.find((entry) => entry.path === 'big.txt'), {
      path: 'big.txt',
      reason: 'too-large',
      detail: '2 KB, over the 1 KB limit.',
    });
    assert.ok(files.some((file) => file.path === 'package-lock.json'));
  });
});

describe('collectFiles cancellation', () => {
  const entries: Record<string, string> = {};
  for (let folder = 0; folder < 40; folder += 1) {
    for (let file = 0; file < 50; file += 1) entries[`f${folder}/m${file}.py`] = `x = ${file}\n`.repeat(50);
  }
  const root = scratchTree(entries);

  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    await assert.rejects(collectFiles({ root, signal: AbortSignal.abort() }), { name: 'AbortError' });
  });

  it('rejects promptly when cancelled during the walk, with the reason given', async () => {
    const controller = new AbortController();
    const collecting = collectFiles({ root, signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    const abortedAt = performance.now();
    controller.abort(new Error('user pressed cancel'));
    await assert.rejects(collecting, /user pressed cancel/);
    assert.ok(performance.now() - abortedAt < 100, 'rejected within 100 ms of the abort');
    // What was left running stops by itself, without an unhandled rejection failing the test run.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  it('collects everything when not cancelled', async () => {
    const { files } = await collectFiles({ root, signal: new AbortController().signal });
    assert.equal(files.length, 2_000);
  });
});
