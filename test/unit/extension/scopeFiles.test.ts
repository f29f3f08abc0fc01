import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { filesUnder, folderOfPaths, pathInFolder } from '../../../src/extension/compress/scopeFiles';

describe('which files a compression reads', () => {
  const roots = ['/work/api', '/work/web', '/work/web/packages/ui'];

  it('finds the one workspace folder that holds the selection, paths relative to it', () => {
    assert.deepEqual(folderOfPaths(roots, ['/work/api/src/app.ts', '/work/api/lib']), { root: '/work/api', relativePaths: ['src/app.ts', 'lib'] });
    assert.deepEqual(folderOfPaths(roots, ['/work/api']), { root: '/work/api', relativePaths: [''] });
  });

  it('a nested workspace folder owns its files', () => {
    assert.deepEqual(folderOfPaths(roots, ['/work/web/packages/ui/button.tsx']), { root: '/work/web/packages/ui', relativePaths: ['button.tsx'] });
  });

  it('a selection across folders, or outside them, is one clear problem', () => {
    const across = folderOfPaths(roots, ['/work/api/a.ts', '/work/web/b.ts']);
    assert.ok('problem' in across && /spans the workspace folders api and web/.test(across.problem));
    const outside = folderOfPaths(roots, ['/etc/passwd']);
    assert.ok('problem' in outside && /not inside a workspace folder/.test(outside.problem));
    assert.ok('problem' in folderOfPaths(roots, []));
  });

  it('works with Windows paths', () => {
    assert.deepEqual(folderOfPaths(['C:\\src\\app'], ['C:\\src\\app\\lib\\x.cs'], path.win32), { root: 'C:\\src\\app', relativePaths: ['lib/x.cs'] });
  });

  it('a document’s path inside one folder (editor marks, pins, the cursor): POSIX, or nothing outside it', () => {
    assert.equal(pathInFolder('/work/api', '/work/api/src/app.ts'), 'src/app.ts');
    assert.equal(pathInFolder('/work/api', '/work/api'), '');
    assert.equal(pathInFolder('/work/api', '/work/apix/app.ts'), undefined);
    assert.equal(pathInFolder('/work/api', '/work/web/app.ts'), undefined);
    assert.equal(pathInFolder('C:\\src\\app', 'C:\\src\\app\\lib\\x.cs', path.win32), 'lib/x.cs');
    assert.equal(pathInFolder('C:\\src\\app', 'D:\\src\\app\\x.cs', path.win32), undefined);
  });

  it('a chosen folder brings every file under it, and nothing that only shares its prefix', () => {
    const files = ['src/a.ts', 'src/deep/b.ts', 'srcx/c.ts', 'README.md'].map((p) => ({ path: p }));
    assert.deepEqual(filesUnder(files, ['src']).map((f) => f.path), ['src/a.ts', 'src/deep/b.ts']);
    assert.deepEqual(filesUnder(files, ['README.md', 'src/deep/']).map((f) => f.path), ['src/deep/b.ts', 'README.md']);
    assert.equal(filesUnder(files, ['']).length, 4);
    assert.deepEqual(filesUnder(files, ['missing.ts']), []);
  });
});
