import type { Dirent } from 'node:fs';
import * as fs from 'node:fs';
import { limitConcurrency, type Limiter } from '../workers/concurrencyLimit';
import { loadFile, notRegular, skippedForError, type FileKind } from './loadFile';
import { secretSkip } from './secretFiles';
import { WorkspaceFilter, type FilterOptions } from './workspaceFilter';
import { isSkipped, type Collection, type SkippedFile, type WorkspaceFile } from './workspaceFile';

export interface CollectOptions extends FilterOptions {
  /** Files or folders to collect, absolute or relative to the root; default: the whole root. */
  readonly paths?: readonly string[];
  /** Stops the walk: the promise rejects with the signal's reason (an AbortError unless given one). */
  readonly signal?: AbortSignal;
}

/** File system reads in flight at once: enough to keep a disk busy, few enough to spare descriptors. */
export const READS_IN_FLIGHT = 16;

/**
 * Collects the text files under the given paths that the workspace's rules let in (see WorkspaceFilter
 * and docs/workspace.md), with every file left out for a reason the user should see. A file named in
 * `paths` is taken even if .gitignore or an exclude glob would leave it out; secrets and the content
 * checks still apply. Throws only for a path outside the root, or when cancelled.
 */
export function collectFiles(options: CollectOptions): Promise<Collection> {
  return collectWithFilter(new WorkspaceFilter(options), options);
}

/** The same, with a filter the caller keeps (the extension: one per workspace folder, shared with its watchers). */
export async function collectWithFilter(
  filter: WorkspaceFilter,
  options: { readonly paths?: readonly string[]; readonly signal?: AbortSignal } = {},
): Promise<Collection> {
  const { signal } = options;
  signal?.throwIfAborted();
  const targets = (options.paths ?? [filter.root]).map((given) => {
    const relativePath = filter.relativePath(given);
    if (relativePath === undefined) throw new Error(`${given} is outside the workspace folder ${filter.root}.`);
    return relativePath;
  });
  const walk = new Walk(filter, signal);
  const done = walk.collect(targets);
  return signal ? rejectOnAbort(done, signal) : done;
}

/** A folder on the way down, by its real path, to tell a link back to it. */
interface Ancestor {
  readonly path: string;
  readonly realPath: string;
}

class Walk {
  private readonly files: WorkspaceFile[] = [];
  private readonly skipped: SkippedFile[] = [];
  private readonly limit: Limiter = limitConcurrency(READS_IN_FLIGHT);

  constructor(
    private readonly filter: WorkspaceFilter,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async collect(targets: readonly string[]): Promise<Collection> {
    await Promise.all(targets.map((target) => this.visitTarget(target)));
    return { files: sortedUnique(this.files), skipped: sortedUnique(this.skipped) };
  }

  /**
   * A path the caller named. A file is taken as given, whatever .gitignore and the exclude globs say
   * (secrets excepted); a folder is walked under the same rules as any other.
   */
  private async visitTarget(path: string): Promise<void> {
    this.signal?.throwIfAborted();
    if (path.split('/').some((part) => part === '.git')) return;
    const absolute = this.filter.absolutePath(path);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(absolute);
    } catch (error) {
      this.skip(skippedForError(path || '.', error));
      return;
    }
    if (stat.isDirectory()) {
      if (path !== '' && ((await this.filter.excludesAnyFolderOf(path)) || (await this.filter.excludes(path, 'folder')))) return;
      const realPath = await this.realPath(path);
      if (realPath) await this.walkFolder(path, [{ path, realPath }]);
    } else if (path !== '') {
      await this.visitFile(path, stat.isFile() ? undefined : stat);
    }
  }

  private async walkFolder(folder: string, ancestors: readonly Ancestor[]): Promise<void> {
    this.signal?.throwIfAborted();
    let entries: Dirent[];
    try {
      entries = await this.limit(() => fs.promises.readdir(this.filter.absolutePath(folder), { withFileTypes: true }));
    } catch (error) {
      this.skip(skippedForError(folder || '.', error));
      return;
    }
    this.filter.folderListed(folder, entries.some((entry) => entry.name === '.gitignore'));
    await Promise.all(entries.map((entry) => this.visitEntry(folder === '' ? entry.name : `${folder}/${entry.name}`, entry, ancestors)));
  }

  private async visitEntry(path: string, listed: Dirent, ancestors: readonly Ancestor[]): Promise<void> {
    this.signal?.throwIfAborted();
    const entry = isKnownKind(listed) ? listed : await this.lstat(path);
    if (!entry) return;
    if (entry.isDirectory()) {
      if (await this.filter.excludes(path, 'folder')) return;
      // A folder that is not a link is where its parent's real path says it is.
      const realPath = `${ancestors[ancestors.length - 1]!.realPath}/${listed.name}`;
      await this.walkFolder(path, [...ancestors, { path, realPath }]);
    } else if (entry.isSymbolicLink()) {
      await this.visitLink(path, ancestors);
    } else if (await this.reported(path)) {
      await this.visitFile(path, entry.isFile() ? undefined : entry);
    }
  }

  /** For file systems whose listings do not say what each entry is. */
  private async lstat(path: string): Promise<fs.Stats | undefined> {
    try {
      return await fs.promises.lstat(this.filter.absolutePath(path));
    } catch (error) {
      if (await this.reported(path)) this.skip(this.secretOr(path, skippedForError(path, error)));
      return undefined;
    }
  }

  /** Links are followed, to files and to folders, except back into a folder they are inside. */
  private async visitLink(path: string, ancestors: readonly Ancestor[]): Promise<void> {
    const absolute = this.filter.absolutePath(path);
    let stat: fs.Stats | undefined;
    try {
      stat = await fs.promises.stat(absolute);
    } catch (error) {
      if (await this.reported(path)) this.skip(this.secretOr(path, skippedForError(path, error)));
      return;
    }
    if (!stat.isDirectory()) {
      if (await this.reported(path)) await this.visitFile(path, stat.isFile() ? undefined : stat);
      return;
    }
    if (await this.filter.excludes(path, 'folder')) return;
    const realPath = await this.realPath(path);
    if (!realPath) return;
    const loop = ancestors.find((ancestor) => ancestor.realPath === realPath);
    if (loop) {
      this.skip({ path, reason: 'symlink-loop', detail: `A link back to ${loop.path === '' ? 'the workspace folder' : `"${loop.path}"`}, a folder it is inside.` });
      return;
    }
    await this.walkFolder(path, [...ancestors, { path, realPath }]);
  }

  /** A file the rules let in, or a secret: `special` is set for what is not a regular file. */
  private async visitFile(path: string, special?: FileKind): Promise<void> {
    const secret = this.filter.secretPattern(path);
    if (secret) {
      this.skip(secretSkip(path, secret));
      return;
    }
    if (special) {
      this.skip(notRegular(path, special));
      return;
    }
    this.signal?.throwIfAborted();
    const result = await this.limit(() => loadFile(this.filter.absolutePath(path), path, this.filter.maxFileBytes));
    if (isSkipped(result)) this.skip(result);
    else this.files.push(result);
  }

  /** A folder's real path, or undefined with the folder skipped when it vanished or cannot be resolved. */
  private async realPath(folder: string): Promise<string | undefined> {
    try {
      return await fs.promises.realpath(this.filter.absolutePath(folder));
    } catch (error) {
      this.skip(skippedForError(folder || '.', error));
      return undefined;
    }
  }

  /** Whether the user hears about this file: a secret always, anything else unless the rules leave it out. */
  private async reported(path: string): Promise<boolean> {
    return this.filter.secretPattern(path) !== undefined || !(await this.filter.excludes(path, 'file'));
  }

  private secretOr(path: string, skipped: SkippedFile): SkippedFile {
    const secret = this.filter.secretPattern(path);
    return secret ? secretSkip(path, secret) : skipped;
  }

  private skip(skipped: SkippedFile): void {
    this.skipped.push(skipped);
  }
}

function isKnownKind(entry: Dirent): boolean {
  return entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
}

/** Sorted by path, in code unit order (the same on every machine and locale); overlapping paths give one entry. */
function sortedUnique<T extends { readonly path: string }>(items: T[]): T[] {
  items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return items.filter((item, index) => index === 0 || items[index - 1]!.path !== item.path);
}

/** Settles as `work` does, or rejects as soon as the signal aborts; the walk left running is discarded. */
function rejectOnAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
