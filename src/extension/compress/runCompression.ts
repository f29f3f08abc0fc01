import * as vscode from 'vscode';
import type { DiskStore } from '../../core/cache/diskStore';
import type { FileChunks } from '../../core/chunking/chunk';
import type { CompressionQuery } from '../../core/compress/compressionRequest';
import { CompressionInputError } from '../../core/compress/compressionInputError';
import { resolvePins, type PinSpec } from '../../core/compress/resolvePins';
import { RemoteScorerError } from '../../core/scoring/remote/remoteScorerError';
import { oneLine } from '../../webview/viewModel/format';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PinStore } from '../pins/pinStore';
import { pinLabel } from '../pins/pinTarget';
import type { CompressedPreview } from '../preview/compressedPreview';
import { previewFormat } from '../preview/previewFormat';
import { type RemoteErrorAction, remoteErrorActions, remoteSettingActions } from '../remote/remoteErrorActions';
import type { RemoteScorerAccess } from '../remote/remoteScorerAccess';
import { readCompressionSettings, SettingsError } from '../settings/readCompressionSettings';
import { readScorerSettings } from '../settings/readScorerSettings';
import { chooseScorer, type ScorerChoice, ScorerSettingError } from '../settings/scorerChoice';
import { compressContext } from './compressContext';
import { compressionSummary } from './compressionSummary';
import { watchHostStalls } from './hostStalls';
import type { CompressionScope, FinishedCompression, LastCompression } from './lastCompression';
import type { NeuralScorerProcess } from './neuralScorerProcess';
import { filesUnder, folderOfPaths, pathInFolder } from './scopeFiles';

/** What to compress for: a question, or a completion at a place in a document (0-based, as VS Code counts). */
export type QueryInput =
  | { readonly mode: 'question'; readonly text: string }
  | { readonly mode: 'completion'; readonly document: vscode.Uri; readonly position: vscode.Position };

/** Which files to read. All of them come from one workspace folder. */
export type ScopeInput =
  /** Every indexed file of a folder: the one given, else the active editor's, else the only one, else the user picks. */
  | { readonly kind: 'workspace'; readonly folder?: vscode.WorkspaceFolder }
  /** One file: the one given, else the active editor's. */
  | { readonly kind: 'currentFile'; readonly uri?: vscode.Uri }
  /** The files open in editor tabs (those of the active editor's folder). */
  | { readonly kind: 'openEditors' }
  /** Files and folders, e.g. the explorer's selection. */
  | { readonly kind: 'selection'; readonly uris: readonly vscode.Uri[] };

export interface CompressionAsk {
  readonly query: QueryInput;
  readonly scope: ScopeInput;
  /** Default: the question or completion budget setting. */
  readonly budget?: number;
  /** Default: the pins the user made in this workspace folder (PinStore). */
  readonly pins?: readonly PinSpec[];
  /** Re-select from cached scores only, never scoring (the panel's budget slider). */
  readonly cachedOnly?: boolean;
}

export interface RunOptions {
  /** Cancels the run; a newer run also cancels an older one. */
  readonly signal?: AbortSignal;
  /** What runs now, and how far it has got (0..1) when that is known. */
  readonly onProgress?: (message: string, fraction?: number) => void;
  /** Open the preview editor when done (it is refreshed anyway if it is open). */
  readonly revealPreview?: boolean;
  /** Show the one-line summary as a notification when done. */
  readonly announce?: boolean;
}

export type RunOutcome =
  | { readonly kind: 'done'; readonly compression: FinishedCompression }
  | { readonly kind: 'cancelled' }
  /** Already told to the user in a notification with an action, and written to the log. */
  | { readonly kind: 'failed'; readonly message: string };

export interface RunnerDeps {
  readonly index: WorkspaceIndex;
  readonly log: vscode.LogOutputChannel;
  readonly store: DiskStore;
  readonly preview: CompressedPreview;
  readonly last: LastCompression;
  readonly pins: PinStore;
  readonly neural: NeuralScorerProcess;
  /** The remote scorer's consent, key and kept scorer. */
  readonly remote: RemoteScorerAccess;
}

/** A problem with what was asked: one message for the user, and the setting that fixes it, if one does. */
class AskProblem extends Error {
  constructor(
    message: string,
    readonly setting?: string,
  ) {
    super(message);
  }
}

/**
 * Every compression of the extension goes through here: the commands, the panel, the hand-off. It
 * resolves the scope to one workspace folder's files (unsaved edits included), applies the settings and
 * pins, compresses with progress and cancellation, and publishes the result (LastCompression, preview).
 */
export class CompressionRunner implements vscode.Disposable {
  private current: AbortController | undefined;
  private readonly running = new vscode.EventEmitter<boolean>();
  /** Fires true when a compression starts and false when it ends. */
  readonly onDidChangeRunning = this.running.event;

  constructor(private readonly deps: RunnerDeps) {}

  isRunning(): boolean {
    return this.current !== undefined;
  }

  /** Runs with a cancellable progress notification (what the commands use). */
  runWithNotification(ask: CompressionAsk, options: Omit<RunOptions, 'signal' | 'onProgress'> = {}): Promise<RunOutcome> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'LongCodeZip', cancellable: true }, (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let reported = 0;
        return this.run(ask, {
          ...options,
          signal: controller.signal,
          onProgress: (message, fraction) => {
            const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
            const increment = percent === undefined || percent < reported ? undefined : percent - reported;
            if (percent !== undefined) reported = percent;
            progress.report({ message, ...(increment !== undefined && { increment }) });
          },
        });
      }),
    );
  }

  async run(ask: CompressionAsk, options: RunOptions = {}): Promise<RunOutcome> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) controller.abort();
    this.running.fire(true);
    const { log } = this.deps;
    const report = options.onProgress ?? (() => undefined);
    let scorer: ScorerChoice | undefined;
    try {
      const prepared = await this.prepare(ask, controller.signal, report);
      scorer = prepared.scorer;
      if (scorer.kind === 'ngram' && scorer.note) log.warn(scorer.note);
      const stalls = watchHostStalls();
      const outcome = await compressContext(prepared.input, { store: this.deps.store, neural: this.deps.neural, remote: this.deps.remote, signal: controller.signal, onStage: report });
      const longestStall = stalls.stop();
      const compression: FinishedCompression = {
        result: outcome.result,
        query: prepared.input.query,
        scope: prepared.scope,
        folder: prepared.folder.uri,
        budget: prepared.input.budget,
        preview: previewFormat(prepared.input.files, prepared.input.settings.format),
        finishedAt: Date.now(),
      };
      if (controller.signal.aborted) return { kind: 'cancelled' };
      this.deps.last.set(compression);
      await this.deps.preview.update(outcome.result.text, compression.preview.languageId);
      if (options.revealPreview) await this.deps.preview.reveal();

      const summary = compressionSummary(outcome.result);
      log.info(`Compressed ${prepared.folder.name} ${describeQuery(prepared.input.query)}: ${summary}`);
      const training = outcome.ngramTrainMillis === undefined ? 'no n-gram training (cached scores)' : `n-gram training ${outcome.ngramTrainMillis} ms`;
      log.info(`Extension host: longest stall ${longestStall} ms; ${training}; stages ${JSON.stringify(outcome.result.timings)}`);
      const notes = [...prepared.notes, ...(scorer.kind === 'ngram' && scorer.note ? [scorer.note] : []), ...outcome.result.notes];
      for (const note of notes) log.info(`Note: ${note}`);
      if (options.announce) void this.announce(`LongCodeZip: ${summary}${notes.map((note) => `. Note: ${note}`).join('')}`);
      return { kind: 'done', compression };
    } catch (error) {
      if (controller.signal.aborted || error instanceof vscode.CancellationError) {
        log.info('Compression cancelled');
        return { kind: 'cancelled' };
      }
      return { kind: 'failed', message: this.reportFailure(error, scorer) };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      if (this.current === controller) {
        this.current = undefined;
        this.running.fire(false);
      }
    }
  }

  dispose(): void {
    this.current?.abort();
    this.running.dispose();
  }

  /** Settings, scope, index, files, pins: everything decided before the engine runs. */
  private async prepare(ask: CompressionAsk, signal: AbortSignal, report: (message: string, fraction?: number) => void) {
    const scoped = await this.resolveScope(ask);
    const { folder } = scoped;
    const settings = readCompressionSettings(folder.uri);
    const scorer = chooseScorer(readScorerSettings(folder.uri), vscode.workspace.isTrusted);
    // Asked before any work: nothing is sent to a server outside this machine without a yes.
    const remote = scorer.kind === 'remote' ? await this.deps.remote.grant(scorer) : undefined;

    if (!this.deps.index.isBuilt()) {
      report('indexing the workspace');
      await this.deps.index.ensureBuilt(signal, (done, total) => report(`indexing the workspace: ${done} of ${total} files`, total > 0 ? done / total : undefined));
    }
    const snapshot = this.deps.index.snapshot(folder);
    if (!snapshot) throw new AskProblem(`${folder.name} is not indexed (only folders on disk are).`);
    const notes: string[] = [];

    // The cursor's file is always part of a completion's context.
    const cursorPath = ask.query.mode === 'completion' ? relativeTo(folder, ask.query.document) : undefined;
    const chosen = cursorPath === undefined || scoped.paths.includes('') ? scoped.paths : [...scoped.paths, cursorPath];
    const inScope = filesUnder(snapshot.files, chosen);
    const skipped = filesUnder(snapshot.skipped, chosen).map((file) => ({ path: file.path, reason: `${file.reason}, ${file.detail}` }));

    const pins = this.usablePins(ask.pins ?? this.deps.pins.pinsOf(folder.uri), snapshot.files, notes);
    const pinnedPaths = new Set(pins.map((pin) => pin.path));
    const wanted = new Set(inScope.map((file) => file.path));
    const byPath = new Map<string, FileChunks>();
    for (const file of snapshot.files) if (pinnedPaths.has(file.path) || wanted.has(file.path)) byPath.set(file.path, file);
    await this.useUnsavedText(folder, byPath, signal);

    if (cursorPath !== undefined && !byPath.has(cursorPath)) {
      const left = snapshot.skipped.find((file) => file.path === cursorPath);
      throw new AskProblem(`${cursorPath} is left out of compression (${left ? `${left.reason}: ${left.detail}` : 'excluded by longcodezip.exclude, files.exclude or .gitignore'}), so there is no context for a completion in it.`, 'longcodezip.exclude');
    }
    if (byPath.size === 0) {
      throw new AskProblem(`no files to compress in ${scoped.description}${skipped.length > 0 ? ` (${skipped.length} left out: ${skipped.slice(0, 3).map((file) => `${file.path}: ${file.reason}`).join('; ')})` : ''}.`, 'longcodezip.exclude');
    }

    const query: CompressionQuery =
      ask.query.mode === 'question'
        ? { mode: 'question', text: ask.query.text }
        : { mode: 'completion', cursor: { path: cursorPath!, line: ask.query.position.line + 1, column: ask.query.position.character + 1 } };
    const budget = ask.budget ?? settings.budget[ask.query.mode];
    return {
      folder,
      scope: scoped.scope,
      scorer,
      notes,
      input: {
        query,
        workspace: folder.uri.fsPath,
        files: [...byPath.values()],
        skipped,
        budget,
        pins,
        settings,
        scorer,
        remote,
        cachedOnly: ask.cachedOnly ?? false,
      },
    };
  }

  private async resolveScope(ask: CompressionAsk): Promise<{ folder: vscode.WorkspaceFolder; paths: string[]; scope: CompressionScope; description: string }> {
    const scope = ask.scope;
    const onDisk = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    if (onDisk.length === 0) throw new AskProblem('open a folder to compress its code.');
    const inFolder = (uris: readonly vscode.Uri[]) => {
      const found = folderOfPaths(onDisk.map((folder) => folder.uri.fsPath), uris.map((uri) => uri.fsPath));
      if ('problem' in found) throw new AskProblem(found.problem);
      const folder = onDisk.find((candidate) => candidate.uri.fsPath === found.root)!;
      return { folder, paths: [...found.relativePaths] };
    };
    switch (scope.kind) {
      case 'workspace': {
        const folder = scope.folder ?? (await this.defaultFolder(onDisk, ask));
        return { folder, paths: [''], scope: { kind: 'workspace' }, description: folder.name };
      }
      case 'currentFile': {
        const uri = scope.uri ?? vscode.window.activeTextEditor?.document.uri;
        if (!uri || uri.scheme !== 'file') throw new AskProblem('open a file of the workspace to compress it.');
        const { folder, paths } = inFolder([uri]);
        return { folder, paths, scope: { kind: 'currentFile', path: paths[0]! }, description: paths[0]! };
      }
      case 'openEditors': {
        const uris = openEditorFiles();
        if (uris.length === 0) throw new AskProblem('no files of the workspace are open in editors.');
        const active = vscode.window.activeTextEditor?.document.uri;
        const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.getWorkspaceFolder(uris[0]!);
        if (!folder || folder.uri.scheme !== 'file') throw new AskProblem('the open editors are not inside a workspace folder.');
        const paths = uris.filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString()).map((uri) => relativeTo(folder, uri));
        return { folder, paths, scope: { kind: 'openEditors', paths }, description: `the ${paths.length} open editors of ${folder.name}` };
      }
      case 'selection': {
        if (scope.uris.length === 0) throw new AskProblem('select files or folders to compress.');
        const { folder, paths } = inFolder(scope.uris);
        return { folder, paths, scope: { kind: 'selection', paths }, description: paths.join(', ') || folder.name };
      }
    }
  }

  /** The folder of the cursor or active editor, the only folder, or the one the user picks. */
  private async defaultFolder(onDisk: readonly vscode.WorkspaceFolder[], ask: CompressionAsk): Promise<vscode.WorkspaceFolder> {
    const hint = ask.query.mode === 'completion' ? ask.query.document : vscode.window.activeTextEditor?.document.uri;
    const folder = hint && vscode.workspace.getWorkspaceFolder(hint);
    if (folder && folder.uri.scheme === 'file') return folder;
    if (onDisk.length === 1) return onDisk[0]!;
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder should LongCodeZip compress?' });
    if (!picked) throw new vscode.CancellationError();
    return picked;
  }

  /** Pins whose file and definition still exist; the others are left out with a note. */
  private usablePins(pins: readonly PinSpec[], files: readonly FileChunks[], notes: string[]): PinSpec[] {
    const byPath = new Map(files.map((file) => [file.path, file]));
    return pins.filter((pin) => {
      try {
        resolvePins([pin], byPath);
        return true;
      } catch {
        notes.push(`the pin ${pinLabel(pin)} was left out: that ${pin.name === undefined ? 'file' : 'definition'} is no longer in the index`);
        return false;
      }
    });
  }

  /** Files open with unsaved edits are compressed as the editor shows them. */
  private async useUnsavedText(folder: vscode.WorkspaceFolder, files: Map<string, FileChunks>, signal: AbortSignal): Promise<void> {
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty || document.uri.scheme !== 'file') continue;
      const path = relativeTo(folder, document.uri);
      if (!files.has(path)) continue;
      const chunks = await this.deps.index.chunkDocument(folder, document, signal);
      if (chunks) files.set(path, chunks);
    }
  }

  private reportFailure(error: unknown, scorer: ScorerChoice | undefined): string {
    const { log } = this.deps;
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Compression failed: ${message}`);
    if (error instanceof SettingsError) {
      void this.offer(`LongCodeZip: ${message}`, 'error', { 'Open Settings': settingsCommand(error.setting) });
    } else if (error instanceof ScorerSettingError && error.setting.startsWith('longcodezip.remote.')) {
      void this.offer(`LongCodeZip: ${message}`, 'error', this.remoteActions(remoteSettingActions(error.setting)));
    } else if (error instanceof RemoteScorerError) {
      const consent = error.fix === 'hostConsent';
      void this.offer(`LongCodeZip ${consent ? 'did not compress' : 'could not compress with the remote scorer'}: ${message}`, consent ? 'warning' : 'error', this.remoteActions(remoteErrorActions(error.fix)));
    } else if (error instanceof ScorerSettingError) {
      void this.offer(`LongCodeZip: ${message}`, 'error', { 'Choose Model…': chooseModel, 'Open Settings': settingsCommand('longcodezip.scorer') });
    } else if (error instanceof AskProblem) {
      void this.offer(`LongCodeZip: ${message}`, 'warning', error.setting ? { 'Open Settings': settingsCommand(error.setting) } : {});
    } else if (error instanceof CompressionInputError) {
      // Pins and the code before the cursor do not fit, a cursor outside the file, an empty question.
      void this.offer(`LongCodeZip: ${message}`, 'warning', { 'Open Settings': settingsCommand('longcodezip.budget') });
    } else if (scorer?.kind === 'onnx') {
      void this.offer(`LongCodeZip could not compress with the neural scorer: ${message}`, 'error', {
        'Choose Model…': chooseModel,
        'Open Settings': settingsCommand('longcodezip.model'),
        'Show Log': () => log.show(true),
      });
    } else {
      void this.offer(`LongCodeZip could not compress: ${message}`, 'error', { 'Show Log': () => log.show(true) });
    }
    return message;
  }

  private remoteActions(actions: readonly RemoteErrorAction[]): Record<string, () => unknown> {
    return Object.fromEntries(
      actions.map((action) => [
        action.label,
        action.kind === 'openSettings' ? settingsCommand(action.setting) : action.kind === 'command' ? () => vscode.commands.executeCommand(action.command) : () => this.deps.log.show(true),
      ]),
    );
  }

  private async announce(message: string): Promise<void> {
    await this.offer(message, 'info', {
      Copy: () => vscode.commands.executeCommand('longcodezip.copyCompressed'),
      'Show Panel': () => vscode.commands.executeCommand('longcodezip.showPanel'),
    });
  }

  private async offer(message: string, level: 'info' | 'warning' | 'error', actions: Record<string, () => unknown>): Promise<void> {
    const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const choice = await show(message, ...Object.keys(actions));
    if (choice !== undefined) await actions[choice]?.();
  }
}

function chooseModel(): Thenable<unknown> {
  return vscode.commands.executeCommand('longcodezip.chooseModel');
}

function settingsCommand(setting: string): () => Thenable<unknown> {
  return () => vscode.commands.executeCommand('workbench.action.openSettings', setting);
}

function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return pathInFolder(folder.uri.fsPath, uri.fsPath) ?? vscode.workspace.asRelativePath(uri, false);
}

/** Files on disk open in editor tabs, in tab order, each once. */
function openEditorFiles(): vscode.Uri[] {
  const seen = new Map<string, vscode.Uri>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
      if (uri?.scheme === 'file') seen.set(uri.toString(), uri);
    }
  }
  return [...seen.values()];
}

function describeQuery(query: CompressionQuery): string {
  if (query.mode === 'completion') return `at ${query.cursor.path}:${query.cursor.line}:${query.cursor.column ?? 1}`;
  return `for "${oneLine(query.text, 120)}"`;
}
