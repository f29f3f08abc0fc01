import * as vscode from 'vscode';
import { VERSION } from '../core/version';
import { registerIndexCommands } from './index/registerIndexCommands';
import { WorkspaceIndex } from './index/workspaceIndex';
import { registerPanel } from './panel/registerPanel';

// Activation only registers: no parser, model or index is loaded here (the index starts its parse
// workers the first time it is used).
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('LongCodeZip', { log: true });
  const index = new WorkspaceIndex(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath, log);
  context.subscriptions.push(log, index);
  registerPanel(context, log, index);
  registerIndexCommands(context, index);
  log.info(`LongCodeZip ${VERSION} activated`);
}

export function deactivate(): void {}
