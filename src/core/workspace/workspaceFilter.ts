import ignore, { type Ignore } from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_EXCLUDES } from './defaultExcludes';
import { rebaseGitignore } from './gitignoreRules';
import { compileGlobs, type GlobMatcher } from './globMatcher';
import { secretPatternOf } from './secretFiles';

export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

/** The rules of one workspace folder: what is left out, and how large a file may be. */
export interface FilterOptions {
  /** Absolute path of the workspace folder. Every path is reported relative to it. */
  readonly root: string;
  /** Globs to leave out besides the defaults: a setting, VS Code's `files.exclude`, `--exclude`. */
  readonly exclude?: readonly string[];
  /** Replaces DEFAULT_EXCLUDES; pass [] to keep lock files and the like. */
  readonly defaultExcludes?: readonly string[];
  /** Larger files are skipped as 'too-large'. Default 1,000,000 bytes. */
  readonly maxFileBytes?: number;
}

/** The .gitignore rules in force inside one folder: its own and those of every folder above it. */
interface FolderRules {
  readonly patterns: readonly string[];
  readonly matcher: Ignore;
}

/**
 * Decides which paths of one workspace folder are left out: `.git`, exclude globs, .gitignore files
 * (nested ones included) and `.git/info/exclude`; and which are secrets. Built once per workspace folder
 * and kept: it reads each .gitignore once. The extension's watchers call `forget` when a .gitignore
 * changes. All paths it takes are workspace-relative and POSIX, as `relativePath` makes them.
 *
 * Only .gitignore files at or below the root are read; those of a repository around the root are not.
 */
export class WorkspaceFilter {
  readonly root: string;
  readonly maxFileBytes: number;
  /** Git's own default: case-insensitive where the usual file systems are. */
  private readonly caseSensitive = process.platform !== 'darwin' && process.platform !== 'win32';
  private readonly excludedByGlob: GlobMatcher;
  /** Each folder's own .gitignore, rebased; the root's entry includes `.git/info/exclude`. */
  private readonly ownRules = new Map<string, Promise<readonly string[]>>();
  private folderRules = new Map<string, Promise<FolderRules>>();

  constructor(options: FilterOptions) {
    this.root = path.resolve(options.root);
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.excludedByGlob = compileGlobs([...(options.defaultExcludes ?? DEFAULT_EXCLUDES), ...(options.exclude ?? [])], {
      caseSensitive: this.caseSensitive,
    });
  }

  /** Workspace-relative POSIX path ('' for the root) of an absolute or root-relative path; undefined outside the root. */
  relativePath(fileOrFolder: string): string | undefined {
    const relative = path.relative(this.root, path.resolve(this.root, fileOrFolder));
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  }

  absolutePath(relativePath: string): string {
    return relativePath === '' ? this.root : path.join(this.root, ...relativePath.split('/'));
  }

  /** The secret pattern a file's path matches, or undefined. Secrets are never collected. */
  secretPattern(relativePath: string): string | undefined {
    return secretPatternOf(relativePath);
  }

  /**
   * Whether this file or folder is left out without a report: `.git`, an exclude glob or a .gitignore
   * rule. It judges the path itself: a walk never enters an excluded folder, and for a single path
   * `excludesAnyFolderOf` judges the folders above it.
   */
  async excludes(relativePath: string, kind: 'file' | 'folder'): Promise<boolean> {
    if (this.isGitName(relativePath.slice(relativePath.lastIndexOf('/') + 1))) return true;
    if (this.excludedByGlob(relativePath) !== undefined) return true;
    const rules = await this.rulesIn(parentOf(relativePath));
    try {
      return rules.matcher.ignores(kind === 'folder' ? `${relativePath}/` : relativePath);
    } catch {
      return false; // a name the ignore library refuses as a path cannot match a rule either
    }
  }

  /** Whether a folder above this path is left out, checked from the top as a walk would. */
  async excludesAnyFolderOf(relativePath: string): Promise<boolean> {
    const parts = relativePath.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) {
      if (await this.excludes(parts.slice(0, depth).join('/'), 'folder')) return true;
    }
    return false;
  }

  /**
   * Tells the filter whether a folder it is about to judge has a .gitignore, so it need not try to read
   * one. A walk calls it with each folder's listing.
   */
  folderListed(folder: string, hasGitignore: boolean): void {
    if (!hasGitignore && !this.ownRules.has(folder) && folder !== '') this.ownRules.set(folder, Promise.resolve([]));
  }

  /**
   * Call when a file is created, changed or deleted. When it is a .gitignore or `.git/info/exclude`,
   * its rules are dropped and read again when next needed, and it returns true: which files are in may
   * have changed below that folder, so the caller rescans it.
   */
  forget(fileOrPath: string): boolean {
    const relativePath = this.relativePath(fileOrPath);
    if (relativePath === undefined) return false;
    let folder: string;
    if (relativePath === '.git/info/exclude') folder = '';
    else if (relativePath === '.gitignore' || relativePath.endsWith('/.gitignore')) folder = parentOf(relativePath);
    else return false;
    this.ownRules.delete(folder);
    this.folderRules = new Map();
    return true;
  }

  private isGitName(name: string): boolean {
    return this.caseSensitive ? name === '.git' : name.toLowerCase() === '.git';
  }

  private rulesIn(folder: string): Promise<FolderRules> {
    let rules = this.folderRules.get(folder);
    if (!rules) {
      rules = this.combineRules(folder);
      this.folderRules.set(folder, rules);
    }
    return rules;
  }

  private async combineRules(folder: string): Promise<FolderRules> {
    const above: FolderRules = folder === '' ? { patterns: [], matcher: this.newMatcher([]) } : await this.rulesIn(parentOf(folder));
    const own = await this.ownRulesOf(folder);
    if (own.length === 0) return above;
    const patterns = [...above.patterns, ...own];
    return { patterns, matcher: this.newMatcher(patterns) };
  }

  private newMatcher(patterns: readonly string[]): Ignore {
    return ignore({ ignorecase: !this.caseSensitive }).add(patterns);
  }

  private ownRulesOf(folder: string): Promise<readonly string[]> {
    let rules = this.ownRules.get(folder);
    if (!rules) {
      rules = this.readOwnRules(folder);
      this.ownRules.set(folder, rules);
    }
    return rules;
  }

  private async readOwnRules(folder: string): Promise<readonly string[]> {
    const gitignore = rebaseGitignore(await readIfPresent(path.join(this.absolutePath(folder), '.gitignore')), folder);
    if (folder !== '') return gitignore;
    // `.git/info/exclude` ranks below the root .gitignore: its rules go first, so later ones win.
    const infoExclude = rebaseGitignore(await readIfPresent(path.join(this.root, '.git', 'info', 'exclude')), '');
    return [...infoExclude, ...gitignore];
  }
}

/** The parent of a workspace-relative path; '' for a top-level entry. */
export function parentOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash < 0 ? '' : relativePath.slice(0, slash);
}

/** A rules file's text, or '' when it is absent or cannot be read (git does the same). */
async function readIfPresent(file: string): Promise<string> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    return '';
  }
}
