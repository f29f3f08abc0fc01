import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { LANGUAGES } from '../../core/languages/languageTable';
import { VERSION } from '../../core/version';
import type { GrammarCheck } from '../../core/chunking/checkGrammar';
import type { HostToPanelMessage, PanelToHostMessage } from '../../webview/protocol';
import { panelHtml } from './panelHtml';

const PARSER_CHECK_SAMPLE = 'class Greeter:\n    def greet(self, name):\n        return f"Hello, {name}"\n';

/** The sidebar panel: for now the installation's status (version, budgets, languages, parser check, index). */
export class PanelViewProvider implements vscode.WebviewViewProvider {
  static readonly viewId = 'longcodezip.panel';
  private view: vscode.WebviewView | undefined;
  private parserCheck: GrammarCheck | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly index: WorkspaceIndex,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    view.webview.html = panelHtml(view.webview, this.extensionUri);
    view.webview.onDidReceiveMessage((message: PanelToHostMessage) => this.onMessage(message));
    view.onDidDispose(() => (this.view = undefined));
    if (!this.parserCheck) void this.runParserCheck();
  }

  /** Sends the current status again, e.g. after a settings change. */
  refresh(): void {
    void this.post({ type: 'status', status: this.status() });
  }

  private onMessage(message: PanelToHostMessage): void {
    switch (message.type) {
      case 'ready':
        this.refresh();
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
    }
  }

  private async runParserCheck(): Promise<void> {
    this.parserCheck = undefined;
    this.refresh();
    const check = await this.index.checkGrammar('python', PARSER_CHECK_SAMPLE).catch(
      (error: unknown): GrammarCheck => ({ languageId: 'python', ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    if (check.ok) this.log.info(`Parser check: python grammar loaded and parsed a sample in a parse worker in ${check.millis.toFixed(0)} ms`);
    else this.log.error(`Parser check failed: ${check.error}`);
    this.parserCheck = check;
    this.refresh();
  }

  private status() {
    const settings = vscode.workspace.getConfiguration('longcodezip');
    return {
      version: VERSION,
      budgets: {
        question: settings.get<number>('budget.question', 4000),
        completion: settings.get<number>('budget.completion', 2000),
      },
      languages: LANGUAGES.map(({ id, name }) => ({ id, name })),
      parserCheck: this.parserCheck,
      index: this.index.summary(),
    };
  }

  private post(message: HostToPanelMessage): Thenable<boolean> | undefined {
    return this.view?.webview.postMessage(message);
  }
}
