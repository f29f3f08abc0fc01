import * as vscode from 'vscode';
import { DiskStore } from '../core/cache/diskStore';
import { VERSION } from '../core/version';
import { LastCompression } from './compress/lastCompression';
import { registerCompressCommand } from './compress/registerCompressCommand';
import { registerIndexCommands } from './index/registerIndexCommands';
import { WorkspaceIndex } from './index/workspaceIndex';
import { registerPanel } from './panel/registerPanel';
import { registerPreview } from './preview/registerPreview';

// Activation only registers: no parser, model or index is loaded here (the index starts its parse
// workers the first time it is used, the neural scorer its process the first time a compression needs it).
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('LongCodeZip', { log: true });
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  // Chunks and scores of earlier runs (size-capped; written once per compression).
  const store = new DiskStore({ dir: context.globalStorageUri.fsPath });
  const index = new WorkspaceIndex(dist, log, store);
  const last = new LastCompression();
  context.subscriptions.push(log, index, last);
  registerPanel(context, log, index);
  registerIndexCommands(context, index);
  const preview = registerPreview(context);
  registerCompressCommand(context, { index, log, store, preview, last, onnxWorkerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'onnxWorker.js').fsPath });
  log.info(`LongCodeZip ${VERSION} activated`);
}

export function deactivate(): void {}
