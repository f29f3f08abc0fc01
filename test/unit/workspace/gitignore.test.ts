import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { collectFiles } from '../../../src/core/workspace/collectFiles';
import { rebaseGitignore } from '../../../src/core/workspace/gitignoreRules';
import { scratchTree } from './scratchTree';

describe('rebaseGitignore', () => {
  it('anchors rules with a slash to their folder and lets the others match at any depth below it', () => {
    assert.deepEqual(rebaseGitignore('/build\nsrc/gen/\n*.log\nout/\n!keep.log\n', 'pkg'), [
      'pkg/build',
      'pkg/src/gen/',
      'pkg/**/*.log',
      'pkg/**/out/',
      '!pkg/**/keep.log',
    ]);
  });

  it('drops comments, blank lines and unescaped trailing spaces; keeps the root rules as they are', () => {
    assert.deepEqual(rebaseGitignore('# comment\n\n   \r\n\\#hash\nspace\\ \ntrail   \r\n*.o', ''), ['\\#hash', 'space\\ ', 'trail', '*.o']);
  });
});

const gitAvailable = spawnSync('git', ['--version']).status === 0;

/** What `git status` would call untracked and not ignored, with no user or system git settings involved. */
function gitUntracked(root: string): string[] {
  const env = { PATH: process.env.PATH, HOME: root, XDG_CONFIG_HOME: root, GIT_CONFIG_NOSYSTEM: '1' };
  const run = (args: string[]) => {
    const result = spawnSync('git', args, { cwd: root, env, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  };
  run(['init', '--quiet']);
  return run(['ls-files', '-z', '--others', '--exclude-standard'])
    .split('\0')
    .filter((line) => line !== '')
    .sort();
}

describe('.gitignore semantics compared with git itself', { skip: !gitAvailable && 'git is not installed' }, () => {
  const root = scratchTree({
    '.gitignore': [
      '# comment',
      '*.log',
      '!important.log',
      'build/',
      '/top-only.txt',
      'docs/**/*.draft',
      'temp*',
      '!temp-keep/',
      '\\#hash.txt',
      'trailing.txt   ',
      '!keep.tmpx',
      '',
    ].join('\n'),
    'a/.gitignore': '!debug.log\n/local.txt\nnested/\n*.bak\n!keep.bak\n',
    'a/b/.gitignore': '*\n!*/\n!*.py\n!.gitignore\n',
    'c/.gitignore': '!build/\n',
    'c/build/.gitignore': '*.gen.js\n',
    'x.log': '',
    'UPPER.LOG': '',
    'important.log': '',
    'sub/y.log': '',
    'sub/important.log': '',
    'build/out.js': '',
    'sub/build/o.js': '',
    'top-only.txt': '',
    'sub/top-only.txt': '',
    'docs/a/b/c.draft': '',
    'docs/c.draft': '',
    'docs/c.md': '',
    'temp1.txt': '',
    'temp-keep/file.txt': '',
    '#hash.txt': '',
    'trailing.txt': '',
    'a/debug.log': '',
    'a/local.txt': '',
    'a/x/local.txt': '',
    'a/nested/n.py': '',
    'a/x/nested/n.py': '',
    'a/f.bak': '',
    'a/keep.bak': '',
    'a/b/ok.py': '',
    'a/b/no.txt': '',
    'a/b/deeper/ok2.py': '',
    'a/b/deeper/no.md': '',
    'c/build/x.js': '',
    'c/build/y.gen.js': '',
    'plain.py': '',
    'info.txt': '',
    'drop.tmpx': '',
    'keep.tmpx': '',
    '.git/info/exclude': 'info.txt\n*.tmpx\n',
  });

  it('collects exactly the files git reports as untracked and not ignored', async () => {
    const expected = gitUntracked(root);
    // The fixture exercises every rule: a sanity check that git saw it as intended.
    for (const kept of ['c/build/x.js', 'keep.tmpx', 'a/debug.log', 'a/b/deeper/ok2.py', 'temp-keep/file.txt', 'UPPER.LOG']) assert.ok(expected.includes(kept), kept);
    for (const left of ['c/build/y.gen.js', 'drop.tmpx', 'a/b/no.txt', 'a/x/nested/n.py', 'docs/c.draft', 'sub/y.log']) assert.ok(!expected.includes(left), left);
    const { files, skipped } = await collectFiles({ root, defaultExcludes: [] });
    assert.deepEqual(skipped, []);
    assert.deepEqual(
      files.map((file) => file.path),
      expected,
    );
    assert.ok(files.every((file) => file.absolutePath === path.join(root, ...file.path.split('/'))));
  });
});
