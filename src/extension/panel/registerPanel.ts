import * as vscode from 'vscode';
import { PanelViewProvider } from './panelViewProvider';

/** The sidebar panel and the command that reveals it. */
export function registerPanel(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const provider = new PanelViewProvider(context.extensionUri, log);
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(PanelViewProvider.viewId, provider),
    vscode.commands.registerCommand('longcodezip.showPanel', () =>
      vscode.commands.executeCommand(`${PanelViewProvider.viewId}.focus`),
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('longcodezip')) provider.refresh();
    }),
  );
}
