import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The folder the given paths are reported relative to, and whose .gitignore applies: the current
 * folder when it holds them all; otherwise the nearest folder above them with a `.git`, else the
 * deepest folder they share.
 */
export function workspaceRoot(paths: readonly string[], cwd: string): string {
  const absolute = paths.map((p) => path.resolve(cwd, p));
  if (absolute.every((p) => isInside(p, cwd))) return cwd;
  const folders = absolute.map((p) => (isDirectory(p) ? p : path.dirname(p)));
  let shared = folders[0]!;
  while (!folders.every((folder) => isInside(folder, shared))) shared = path.dirname(shared);
  for (let dir = shared; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return shared;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
