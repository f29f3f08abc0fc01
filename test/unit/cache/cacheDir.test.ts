import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveCacheDir } from '../../../src/core/cache/cacheDir';

describe('resolveCacheDir: where the CLI keeps models and caches', () => {
  const home = path.resolve('/home/ada');
  const cwd = path.resolve('/work/project');

  it('takes --cache-dir first, relative to the current folder', () => {
    assert.equal(resolveCacheDir({ flag: 'cache', env: { LONGCODEZIP_CACHE_DIR: '/elsewhere' }, cwd, home }), path.join(cwd, 'cache'));
  });

  it('then LONGCODEZIP_CACHE_DIR', () => {
    assert.equal(resolveCacheDir({ env: { LONGCODEZIP_CACHE_DIR: path.resolve('/var/lcz') }, cwd, home }), path.resolve('/var/lcz'));
  });

  it('else ~/.cache/longcodezip; an empty variable counts as unset', () => {
    assert.equal(resolveCacheDir({ env: { LONGCODEZIP_CACHE_DIR: '' }, cwd, home }), path.join(home, '.cache', 'longcodezip'));
  });
});
