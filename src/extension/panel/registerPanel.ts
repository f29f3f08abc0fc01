import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { PanelViewProvider } from './panelViewProvider';

/** The sidebar panel and the command that reveals it. */
export function registerPanel(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, index: WorkspaceIndex): void {
  const provider = new PanelViewProvider(context.extensionUri, log, index);
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(PanelViewProvider.viewId, provider),
    vscode.commands.registerCommand('longcodezip.showPanel', () =>
      vscode.commands.executeCommand(`${PanelViewProvider.viewId}.focus`),
    ),
    index.onDidChange(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('longcodezip')) provider.refresh();
    }),
  );
}
