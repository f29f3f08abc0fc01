import * as vscode from 'vscode';
import type { GrammarCheck } from '../../core/chunking/checkGrammar';
import { LANGUAGES } from '../../core/languages/languageTable';
import { VERSION } from '../../core/version';
import type { HostToPanelMessage, PanelScope, PanelStatus, PanelToHostMessage, RunState } from '../../webview/protocol';
import type { FinishedCompression, LastCompression } from '../compress/lastCompression';
import type { CompressionRunner, ScopeInput } from '../compress/runCompression';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { panelContext } from './panelContext';
import { panelHtml } from './panelHtml';
import { panelResult } from './panelResult';

const PARSER_CHECK_SAMPLE = 'class Greeter:\n    def greet(self, name):\n        return f"Hello, {name}"\n';
/** The hand-off's command (issue 10); the panel's Send button runs it when it is registered. */
export const SEND_COMMAND = 'longcodezip.sendToLanguageModel';

export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly index: WorkspaceIndex;
  readonly last: LastCompression;
  readonly runner: CompressionRunner;
}

/**
 * The sidebar panel: a question, a scope and a budget to compress with; the latest compression (from
 * any command) as figures and a file -> chunk tree; the installation's status below.
 */
export class PanelViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = 'longcodezip.panel';
  private view: vscode.WebviewView | undefined;
  private parserCheck: GrammarCheck | undefined;
  private own: AbortController | undefined;
  private runState: RunState = { state: 'idle' };
  /** The explorer selection of the last "Compress Selected", to compress it again from here. */
  private selection: { readonly folder: vscode.Uri; readonly paths: readonly string[] } | undefined;

  constructor(private readonly deps: PanelDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'dist'), vscode.Uri.joinPath(this.deps.extensionUri, 'media')],
    };
    view.webview.html = panelHtml(view.webview, this.deps.extensionUri);
    view.webview.onDidReceiveMessage((message: PanelToHostMessage) => this.onMessage(message));
    view.onDidDispose(() => (this.view = undefined));
    if (!this.parserCheck) void this.runParserCheck();
  }

  /** Sends the installation's status again, e.g. after a settings change or an index update. */
  refresh(): void {
    void this.post({ type: 'status', status: this.status() });
  }

  /** Sends what the scopes would read and whether the folder is trusted. */
  refreshContext(): void {
    void this.post({ type: 'context', context: panelContext(this.selection?.paths) });
  }

  /** The latest compression changed: remember an explorer selection, show the result. */
  showCompression(compression: FinishedCompression | undefined): void {
    if (compression?.scope.kind === 'selection') {
      this.selection = { folder: compression.folder, paths: compression.scope.paths };
      this.refreshContext();
    }
    void this.post({ type: 'result', result: compression && panelResult(compression) });
  }

  /** A compression started or ended anywhere (a command, the hand-off): the panel shows it runs. */
  showRunning(running: boolean): void {
    if (this.own) return;
    this.setRunState(running ? { state: 'running', own: false, message: 'Compressing (started outside the panel)…' } : { state: 'idle' });
  }

  private onMessage(message: PanelToHostMessage): void {
    switch (message.type) {
      case 'ready':
        this.refresh();
        this.refreshContext();
        this.showCompression(this.deps.last.get());
        void this.post({ type: 'run', run: this.runState });
        break;
      case 'openSettings':
        void vscode.commands.executeCommand('workbench.action.openSettings', '@ext:longcodezip.longcodezip');
        break;
      case 'recheckParser':
        void this.runParserCheck();
        break;
      case 'indexWorkspace':
        void vscode.commands.executeCommand('longcodezip.indexWorkspace');
        break;
      case 'compress':
        void this.compress(message.query, message.scope, message.budget, message.rebudget ?? false);
        break;
      case 'cancel':
        this.own?.abort();
        break;
      case 'reveal':
        void this.reveal(message.path, message.startLine, message.endLine);
        break;
      case 'copy':
        void vscode.commands.executeCommand('longcodezip.copyCompressed');
        break;
      case 'showPreview':
        void vscode.commands.executeCommand('longcodezip.showPreview');
        break;
      case 'send':
        void this.send();
        break;
      case 'manageTrust':
        void vscode.commands.executeCommand('workbench.trust.manage');
        break;
    }
  }

  private async compress(question: string, scope: PanelScope, budget: number, cachedOnly: boolean): Promise<void> {
    if (question.trim() === '') {
      this.setRunState({ state: 'failed', message: 'Type a question first.' });
      return;
    }
    const scopeInput = this.scopeInput(scope);
    if (typeof scopeInput === 'string') {
      this.setRunState({ state: 'failed', message: scopeInput });
      return;
    }
    // A newer run (the slider moved again) replaces an older one.
    this.own?.abort();
    const controller = new AbortController();
    this.own = controller;
    this.setRunState({ state: 'running', own: true, message: 'Starting…' });
    const outcome = await this.deps.runner.run(
      { query: { mode: 'question', text: question }, scope: scopeInput, budget, cachedOnly },
      {
        signal: controller.signal,
        onProgress: (message, fraction) => {
          if (this.own === controller) this.setRunState({ state: 'running', own: true, message, ...(fraction !== undefined && { fraction }) });
        },
      },
    );
    if (this.own !== controller) return;
    this.own = undefined;
    // The result itself arrives through LastCompression, like a command's.
    this.setRunState(outcome.kind === 'done' ? { state: 'idle' } : outcome.kind === 'cancelled' ? { state: 'cancelled' } : { state: 'failed', message: outcome.message });
  }

  /** The runner's scope for the panel's choice, or why there is none. */
  private scopeInput(scope: PanelScope): ScopeInput | string {
    switch (scope) {
      case 'workspace':
        return { kind: 'workspace' };
      case 'currentFile':
        return { kind: 'currentFile' };
      case 'openEditors':
        return { kind: 'openEditors' };
      case 'selection':
        if (!this.selection) return 'Select files or folders in the Explorer and run "Compress Selected Files for a Question…" once; the panel then compresses that selection.';
        return { kind: 'selection', uris: this.selection.paths.map((relative) => (relative === '' ? this.selection!.folder : vscode.Uri.joinPath(this.selection!.folder, relative))) };
    }
  }

  private async reveal(relative: string, startLine: number, endLine: number): Promise<void> {
    const compression = this.deps.last.get();
    if (!compression) return;
    const uri = vscode.Uri.joinPath(compression.folder, relative);
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const last = Math.min(endLine, document.lineCount) - 1;
      const range = new vscode.Range(startLine - 1, 0, last, document.lineAt(last).text.length);
      const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(range.start, range.start), preview: true });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void this.post({ type: 'notice', text: `Could not open ${relative}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private async send(): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes(SEND_COMMAND)) {
      void this.post({ type: 'notice', text: `Sending to a language model is not available in this version: the command ${SEND_COMMAND} is not registered.` });
      return;
    }
    await vscode.commands.executeCommand(SEND_COMMAND);
  }

  private setRunState(run: RunState): void {
    this.runState = run;
    void this.post({ type: 'run', run });
  }

  private async runParserCheck(): Promise<void> {
    this.parserCheck = undefined;
    this.refresh();
    const check = await this.deps.index.checkGrammar('python', PARSER_CHECK_SAMPLE).catch(
      (error: unknown): GrammarCheck => ({ languageId: 'python', ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    if (check.ok) this.deps.log.info(`Parser check: python grammar loaded and parsed a sample in a parse worker in ${check.millis.toFixed(0)} ms`);
    else this.deps.log.error(`Parser check failed: ${check.error}`);
    this.parserCheck = check;
    this.refresh();
  }

  private status(): PanelStatus {
    const settings = vscode.workspace.getConfiguration('longcodezip');
    return {
      version: VERSION,
      budgets: {
        question: settings.get<number>('budget.question', 4000),
        completion: settings.get<number>('budget.completion', 2000),
      },
      languages: LANGUAGES.map(({ id, name }) => ({ id, name })),
      parserCheck: this.parserCheck,
      index: this.deps.index.summary(),
    };
  }

  private post(message: HostToPanelMessage): Thenable<boolean> | undefined {
    return this.view?.webview.postMessage(message);
  }
}
