import * as vscode from 'vscode';
import { type PanelDeps, PanelViewProvider } from './panelViewProvider';

/** The sidebar panel and the command that reveals it. */
export function registerPanel(context: vscode.ExtensionContext, deps: Omit<PanelDeps, 'extensionUri'>): void {
  const provider = new PanelViewProvider({ ...deps, extensionUri: context.extensionUri });
  const refreshContext = () => provider.refreshContext();
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(PanelViewProvider.viewId, provider),
    vscode.commands.registerCommand('longcodezip.showPanel', () =>
      vscode.commands.executeCommand(`${PanelViewProvider.viewId}.focus`),
    ),
    deps.index.onDidChange(() => provider.refresh()),
    deps.last.onDidChange((compression) => provider.showCompression(compression)),
    deps.runner.onDidChangeRunning((running) => provider.showRunning(running)),
    vscode.window.onDidChangeActiveTextEditor(refreshContext),
    vscode.window.tabGroups.onDidChangeTabs(refreshContext),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshContext),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('longcodezip')) return;
      provider.refresh();
      provider.refreshContext();
    }),
  );
}
