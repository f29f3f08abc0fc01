import * as vscode from 'vscode';
import type { PanelContext } from '../../webview/protocol';

/** What the panel shows of the window: trust, the question budget, what each scope would read. */
export function panelContext(selection: readonly string[] | undefined): PanelContext {
  const active = vscode.window.activeTextEditor?.document.uri;
  const inWorkspace = (uri: vscode.Uri | undefined): uri is vscode.Uri => uri?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  const openFiles = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
      if (inWorkspace(uri)) openFiles.add(uri.toString());
    }
  }
  return {
    trusted: vscode.workspace.isTrusted,
    questionBudget: vscode.workspace.getConfiguration('longcodezip', active).get<number>('budget.question', 4000),
    currentFile: inWorkspace(active) ? vscode.workspace.asRelativePath(active, false) : undefined,
    openEditors: openFiles.size,
    selection,
  };
}
