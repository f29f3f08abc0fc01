import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'esbuild.js'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository root, found from the compiled test's location (out/test/...). */
export const repoRoot = findRepoRoot(__dirname);
/** The development build the tests run against (`node esbuild.js --tests` makes it). */
export const distDir = path.join(repoRoot, 'dist');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
