// Which files a compression reads, from what the user pointed at. Pure: paths in, paths out.
import * as path from 'node:path';

/** Where some absolute paths sit: the one workspace folder holding them all, and their paths inside it. */
export type FolderOfPaths =
  | { readonly root: string; readonly relativePaths: readonly string[] }
  | { readonly problem: string };

/**
 * The workspace folder (its absolute root) that holds every one of `paths`, with each path relative to
 * it (POSIX, '' for the root itself). Nested workspace folders: the innermost one holding a path. A
 * compression reads one folder (chunk ids and caches are per folder), so paths in two folders are a problem.
 */
export function folderOfPaths(roots: readonly string[], paths: readonly string[], pathApi: path.PlatformPath = path): FolderOfPaths {
  const holders = new Set<string>();
  const relative: { root: string; path: string }[] = [];
  for (const file of paths) {
    const root = roots
      .filter((candidate) => pathInFolder(candidate, file, pathApi) !== undefined)
      .sort((a, b) => b.length - a.length)[0];
    if (root === undefined) return { problem: `${file} is not inside a workspace folder.` };
    holders.add(root);
    relative.push({ root, path: pathInFolder(root, file, pathApi)! });
  }
  if (holders.size > 1) {
    const names = [...holders].map((root) => pathApi.basename(root)).join(' and ');
    return { problem: `the selection spans the workspace folders ${names}; LongCodeZip compresses one folder at a time, so select files of one folder.` };
  }
  const [root] = holders;
  if (root === undefined) return { problem: 'nothing is selected.' };
  return { root, relativePaths: relative.map((entry) => entry.path) };
}

/**
 * The files of `all` that `chosen` covers: a chosen file, or every file under a chosen folder ('' is
 * the whole workspace folder). Order is kept.
 */
export function filesUnder<T extends { readonly path: string }>(all: readonly T[], chosen: readonly string[]): T[] {
  if (chosen.includes('')) return [...all];
  const files = new Set(chosen);
  const folders = chosen.map((folder) => `${folder.replace(/\/+$/, '')}/`);
  return all.filter((file) => files.has(file.path) || folders.some((folder) => file.path.startsWith(folder)));
}

/** `file`'s path inside the folder `root` (POSIX, '' for the root itself), or undefined when it is outside it. */
export function pathInFolder(root: string, file: string, pathApi: path.PlatformPath = path): string | undefined {
  const relative = pathApi.relative(root, file);
  if (relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative)) return undefined;
  return relative.split(pathApi.sep).join('/');
}
