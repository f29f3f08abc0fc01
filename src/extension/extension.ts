import * as vscode from 'vscode';
import { VERSION } from '../core/version';
import { registerPanel } from './panel/registerPanel';

// Activation only registers: no parser, model or index is loaded here.
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('LongCodeZip', { log: true });
  context.subscriptions.push(log);
  registerPanel(context, log);
  log.info(`LongCodeZip ${VERSION} activated`);
}

export function deactivate(): void {}
