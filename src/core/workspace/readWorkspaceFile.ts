import * as fs from 'node:fs';
import { loadFile, notRegular, skippedForError } from './loadFile';
import { secretSkip } from './secretFiles';
import type { WorkspaceFilter } from './workspaceFilter';
import type { SkippedFile, WorkspaceFile } from './workspaceFile';

/**
 * One file judged by the same rules as a full collection, for a watcher that saw it created or changed:
 * the file, or why it is skipped, or undefined when it is not part of the collection at all (ignored,
 * excluded, in `.git`, outside the root, a folder, or gone). A changed .gitignore is not handled here:
 * pass it to `filter.forget` and rescan its folder.
 */
export async function readWorkspaceFile(filter: WorkspaceFilter, fileOrPath: string): Promise<WorkspaceFile | SkippedFile | undefined> {
  const path = filter.relativePath(fileOrPath);
  if (path === undefined || path === '') return undefined;
  if (await filter.excludesAnyFolderOf(path)) return undefined;
  const absolutePath = filter.absolutePath(path);
  let stat: fs.Stats | undefined;
  let statError: unknown;
  try {
    stat = await fs.promises.stat(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && !(await isBrokenLink(absolutePath))) return undefined;
    statError = error;
  }
  if (stat?.isDirectory()) return undefined;
  // From here on, the order of a walk: secrets are reported even where the rules would leave them out.
  const secret = filter.secretPattern(path);
  if (secret) return secretSkip(path, secret);
  if (await filter.excludes(path, 'file')) return undefined;
  if (!stat) return skippedForError(path, statError);
  if (!stat.isFile()) return notRegular(path, stat);
  return loadFile(absolutePath, path, filter.maxFileBytes);
}

/** A link whose target is missing is reported, as a walk reports it; a file that is gone is not. */
async function isBrokenLink(absolutePath: string): Promise<boolean> {
  try {
    return (await fs.promises.lstat(absolutePath)).isSymbolicLink();
  } catch {
    return false;
  }
}
