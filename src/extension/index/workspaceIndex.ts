import * as os from 'node:os';
import * as vscode from 'vscode';
import type { FileChunks } from '../../core/chunking/chunk';
import type { GrammarCheck } from '../../core/chunking/checkGrammar';
import { ChunkCache } from '../../core/cache/chunkCache';
import type { DiskStore } from '../../core/cache/diskStore';
import { addSummaries, ChunkIndex, type IndexSnapshot, type IndexSummary } from '../../core/chunking/chunkIndex';
import { ParsePool } from '../../core/chunking/parsePool';
import { WorkspaceFilter } from '../../core/workspace/workspaceFilter';
import { checkCompressionSettings } from '../settings/compressionSettings';
import { FileEventQueue, watcherExclusions } from './fileEvents';

/** How long the watchers wait after the last file event before the index reads the files again. */
const QUIET_MS = 300;

/** Settings that change which files are in the index: a change drops the index, the next use rebuilds it. */
const FILTER_SETTINGS = ['longcodezip.exclude', 'longcodezip.maxFileSizeKB', 'files.exclude'];

interface FolderIndex {
  readonly folder: vscode.WorkspaceFolder;
  readonly index: ChunkIndex;
  readonly filter: WorkspaceFilter;
}

/**
 * The chunked workspace, one ChunkIndex per workspace folder (multi-root workspaces: each folder on its
 * own, added and dropped with the folders), parsed in worker threads. Nothing starts until first used;
 * once built, file watchers keep it current: events in `files.watcherExclude` are ignored, bursts are
 * read once at the end.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private pool: ParsePool | undefined;
  private readonly folders = new Map<string, FolderIndex>();
  private building: Promise<void> | undefined;
  private watcher: vscode.Disposable | undefined;
  private readonly queue = new FileEventQueue();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly assetDir: string,
    private readonly log: vscode.LogOutputChannel,
    /** Where chunks are kept between sessions (the extension's global storage); none: parsed every time. */
    private readonly store?: DiskStore,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) this.folders.delete(removed.uri.toString());
        if (event.removed.length + event.added.length > 0) this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (this.folders.size > 0 && FILTER_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
          this.log.info('Exclude or size settings changed: the index is read again at the next compression');
          this.folders.clear();
          this.changed.fire();
        }
      }),
    );
  }

  /** Collects and chunks every workspace folder again, from the start (cached chunks are reused). */
  async build(signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<IndexSummary> {
    this.folders.clear();
    return this.ensureBuilt(signal, onProgress);
  }

  /** Builds the folders not indexed yet; each folder's progress is reported as it is collected. */
  async ensureBuilt(signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<IndexSummary> {
    // One build at a time: a second caller waits for the first, then builds what is still missing.
    while (this.building) await this.building.catch(() => undefined);
    const missing = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file' && !this.folders.has(folder.uri.toString()));
    if (missing.length > 0) {
      const run = this.buildFolders(missing, signal, onProgress);
      this.building = run;
      try {
        await run;
      } finally {
        this.building = undefined;
      }
    }
    return this.summary() ?? { files: 0, chunks: 0, skipped: 0, millis: 0 };
  }

  summary(): IndexSummary | undefined {
    if (this.folders.size === 0) return undefined;
    return addSummaries([...this.folders.values()].map((entry) => entry.index.summary()), 0);
  }

  /** True once every workspace folder is indexed: the index follows edits from then on. */
  isBuilt(): boolean {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    return folders.length > 0 && folders.every((folder) => this.folders.has(folder.uri.toString()));
  }

  /** The chunks of one workspace folder as they are now; undefined before it is built. */
  snapshot(folder: vscode.WorkspaceFolder): IndexSnapshot | undefined {
    return this.folders.get(folder.uri.toString())?.index.snapshot();
  }

  /**
   * The chunks of an open document's current text (unsaved edits included), under the path the index
   * knows it by; undefined when the index leaves the file out (excluded, ignored, secret).
   */
  async chunkDocument(folder: vscode.WorkspaceFolder, document: vscode.TextDocument, signal?: AbortSignal): Promise<FileChunks | undefined> {
    const entry = this.folders.get(folder.uri.toString());
    const relativePath = entry?.filter.relativePath(document.uri.fsPath) ?? vscode.workspace.asRelativePath(document.uri, false);
    const known = entry?.index.snapshot().files.find((file) => file.path === relativePath);
    if (entry && !document.isDirty) return known;
    if (entry && !known) return undefined;
    return this.parsePool().chunkEditedFile({ path: relativePath, text: document.getText() }, { signal });
  }

  checkGrammar(languageId: string, sample: string): Promise<GrammarCheck> {
    return this.parsePool().checkGrammar(languageId, sample);
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    this.watcher?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    void this.pool?.dispose();
  }

  private async buildFolders(folders: readonly vscode.WorkspaceFolder[], signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<void> {
    const started = performance.now();
    for (const folder of folders) {
      const checked = checkCompressionSettings((key) => vscode.workspace.getConfiguration('longcodezip', folder).get(key));
      // A broken setting is reported by the compression that reads it; the index uses what is usable.
      const settings = 'settings' in checked ? checked.settings : undefined;
      const filter = new WorkspaceFilter({
        root: folder.uri.fsPath,
        exclude: [...(settings?.exclude ?? []), ...filesExclude(folder)],
        ...(settings && { maxFileBytes: settings.maxFileBytes }),
      });
      const cache = this.store && new ChunkCache({ store: this.store, workspace: folder.uri.fsPath });
      const index = new ChunkIndex(filter, this.parsePool(), { cache });
      await index.build({ signal, onProgress });
      this.folders.set(folder.uri.toString(), { folder, index, filter });
    }
    this.watch();
    const summary = addSummaries([...this.folders.values()].map((entry) => entry.index.summary()), performance.now() - started);
    this.log.info(`Indexed ${summary.files} files into ${summary.chunks} chunks (${summary.skipped} skipped) in ${Math.round(summary.millis)} ms`);
    this.changed.fire();
  }

  private parsePool(): ParsePool {
    this.pool ??= new ParsePool({ assetDir: this.assetDir, workers: Math.max(1, os.availableParallelism() - 1) });
    return this.pool;
  }

  private watch(): void {
    if (this.watcher) return;
    // A workspace watcher: VS Code itself leaves out `files.watcherExclude`; the check below makes sure.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate((uri) => this.queueEvent('created', uri)),
      watcher.onDidChange((uri) => this.queueEvent('changed', uri)),
      watcher.onDidDelete((uri) => this.queueEvent('deleted', uri)),
    );
  }

  private queueEvent(kind: 'created' | 'changed' | 'deleted', uri: vscode.Uri): void {
    const entry = this.entryFor(uri);
    const relativePath = entry?.filter.relativePath(uri.fsPath);
    if (!entry || relativePath === undefined) return;
    const excluded = watcherExclusions(vscode.workspace.getConfiguration('files', entry.folder).get('watcherExclude'), process.platform === 'linux');
    if (excluded(relativePath) !== undefined) return;
    this.queue.add(kind, uri.toString());
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.applyEvents(), QUIET_MS);
  }

  private async applyEvents(): Promise<void> {
    const batch = this.queue.take();
    let changed = false;
    for (const key of batch.remove) changed = this.removePath(vscode.Uri.parse(key)) || changed;
    for (const key of batch.update) changed = (await this.update(vscode.Uri.parse(key))) || changed;
    if (changed) this.changed.fire();
  }

  /** A deleted file, or every known file under a deleted folder. */
  private removePath(uri: vscode.Uri): boolean {
    const entry = this.entryFor(uri);
    if (!entry) return false;
    if (entry.index.remove(uri.fsPath)) return true;
    const folder = entry.filter.relativePath(uri.fsPath);
    if (folder === undefined) return false;
    let removed = false;
    const { files, skipped } = entry.index.snapshot();
    for (const file of [...files, ...skipped]) {
      if (folder === '' || file.path.startsWith(`${folder}/`)) removed = entry.index.remove(entry.filter.absolutePath(file.path)) || removed;
    }
    return removed;
  }

  private async update(uri: vscode.Uri): Promise<boolean> {
    const entry = this.entryFor(uri);
    if (!entry) return false;
    try {
      if (uri.path.endsWith('/.gitignore')) {
        // New ignore rules can change which files are in: collect the folder again.
        entry.filter.forget(uri.fsPath);
        await entry.index.build({ signal: AbortSignal.timeout(5 * 60_000) });
        return true;
      }
      return (await entry.index.update(uri.fsPath)) !== 'unchanged';
    } catch (error) {
      this.log.warn(`Could not re-index ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private entryFor(uri: vscode.Uri): FolderIndex | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }
}

/** VS Code's `files.exclude` (the patterns set to true). */
function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const setting = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude', {});
  return Object.entries(setting)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
