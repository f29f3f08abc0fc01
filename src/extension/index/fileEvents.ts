// The file events the index follows, before they reach it. Pure: no `vscode`.
import { compileGlobs, type GlobMatcher } from '../../core/workspace/globMatcher';

/** VS Code's `files.watcherExclude` (glob -> on/off) as a matcher of workspace-relative paths. */
export function watcherExclusions(setting: unknown, caseSensitive: boolean): GlobMatcher {
  const globs = setting !== null && typeof setting === 'object' ? Object.entries(setting).filter(([, on]) => on === true).map(([glob]) => glob) : [];
  return compileGlobs(globs, { caseSensitive });
}

export type FileEventKind = 'created' | 'changed' | 'deleted';

/** The paths to re-read and to forget after a burst of events: each path's last event decides. */
export interface EventBatch {
  readonly update: readonly string[];
  readonly remove: readonly string[];
}

/**
 * Collects a burst of events (a branch switch, a formatter over many files) so that the index reads each
 * file once, after the burst: `add` as events arrive, `take` when the burst is over.
 */
export class FileEventQueue {
  private readonly latest = new Map<string, FileEventKind>();

  add(kind: FileEventKind, path: string): void {
    // Re-inserting keeps the order of the last events.
    this.latest.delete(path);
    this.latest.set(path, kind);
  }

  get size(): number {
    return this.latest.size;
  }

  take(): EventBatch {
    const update: string[] = [];
    const remove: string[] = [];
    for (const [path, kind] of this.latest) (kind === 'deleted' ? remove : update).push(path);
    this.latest.clear();
    return { update, remove };
  }
}
