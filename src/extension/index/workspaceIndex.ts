import * as os from 'node:os';
import * as vscode from 'vscode';
import type { GrammarCheck } from '../../core/chunking/checkGrammar';
import { ChunkCache } from '../../core/cache/chunkCache';
import type { DiskStore } from '../../core/cache/diskStore';
import { addSummaries, ChunkIndex, type IndexSnapshot, type IndexSummary } from '../../core/chunking/chunkIndex';
import { ParsePool } from '../../core/chunking/parsePool';
import { WorkspaceFilter } from '../../core/workspace/workspaceFilter';

/**
 * The chunked workspace, one ChunkIndex per workspace folder, parsed in worker threads. Nothing starts
 * until first used; once built, file watchers keep it current.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private pool: ParsePool | undefined;
  private readonly indexes = new Map<string, ChunkIndex>();
  private readonly filters = new Map<string, WorkspaceFilter>();
  private built = false;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly assetDir: string,
    private readonly log: vscode.LogOutputChannel,
    /** Where chunks are kept between sessions (the extension's global storage); none: parsed every time. */
    private readonly store?: DiskStore,
  ) {}

  /** Collects and chunks every workspace folder. */
  async build(signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<IndexSummary> {
    const started = performance.now();
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.built = false;
    this.indexes.clear();
    this.filters.clear();
    for (const folder of folders) {
      if (folder.uri.scheme !== 'file') continue;
      const filter = new WorkspaceFilter({ root: folder.uri.fsPath, exclude: excludeGlobs(folder) });
      const cache = this.store && new ChunkCache({ store: this.store, workspace: folder.uri.fsPath });
      const index = new ChunkIndex(filter, this.parsePool(), { cache });
      this.filters.set(folder.uri.fsPath, filter);
      this.indexes.set(folder.uri.fsPath, index);
      await index.build({ signal, onProgress });
    }
    this.built = true;
    this.watch();
    const summary = addSummaries([...this.indexes.values()].map((index) => index.summary()), performance.now() - started);
    this.log.info(`Indexed ${summary.files} files into ${summary.chunks} chunks (${summary.skipped} skipped) in ${Math.round(summary.millis)} ms`);
    this.changed.fire();
    return summary;
  }

  summary(): IndexSummary | undefined {
    if (this.indexes.size === 0) return undefined;
    return addSummaries([...this.indexes.values()].map((index) => index.summary()), 0);
  }

  /** True once `build` has finished: the index follows edits from then on. */
  isBuilt(): boolean {
    return this.built;
  }

  /** The chunks of one workspace folder as they are now; undefined before `build`. */
  snapshot(folder: vscode.WorkspaceFolder): IndexSnapshot | undefined {
    return this.indexes.get(folder.uri.fsPath)?.snapshot();
  }

  checkGrammar(languageId: string, sample: string): Promise<GrammarCheck> {
    return this.parsePool().checkGrammar(languageId, sample);
  }

  dispose(): void {
    this.watcher?.dispose();
    this.changed.dispose();
    void this.pool?.dispose();
  }

  private parsePool(): ParsePool {
    this.pool ??= new ParsePool({ assetDir: this.assetDir, workers: Math.max(1, os.availableParallelism() - 1) });
    return this.pool;
  }

  private watch(): void {
    if (this.watcher) return;
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onChange = (uri: vscode.Uri) => void this.update(uri);
    this.watcher.onDidCreate(onChange);
    this.watcher.onDidChange(onChange);
    this.watcher.onDidDelete((uri) => {
      const index = this.indexFor(uri);
      if (index?.remove(uri.fsPath)) this.changed.fire();
    });
  }

  private async update(uri: vscode.Uri): Promise<void> {
    const index = this.indexFor(uri);
    if (!index) return;
    try {
      if (uri.path.endsWith('/.gitignore')) {
        // New ignore rules can change which files are in: collect the folder again.
        this.filterFor(uri)?.forget(uri.fsPath);
        await index.build({ signal: AbortSignal.timeout(5 * 60_000) });
      } else if ((await index.update(uri.fsPath)) === 'unchanged') {
        return;
      }
      this.changed.fire();
    } catch (error) {
      this.log.warn(`Could not re-index ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private indexFor(uri: vscode.Uri): ChunkIndex | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.indexes.get(folder.uri.fsPath) : undefined;
  }

  private filterFor(uri: vscode.Uri): WorkspaceFilter | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.filters.get(folder.uri.fsPath) : undefined;
  }
}

/** Our exclude setting plus VS Code's `files.exclude` (the patterns set to true). */
function excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  const ours = vscode.workspace.getConfiguration('longcodezip', folder).get<string[]>('exclude', []);
  const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, boolean>>('exclude', {});
  return [...ours, ...Object.entries(filesExclude).filter(([, on]) => on === true).map(([glob]) => glob)];
}
