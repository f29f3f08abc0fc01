import * as vscode from 'vscode';
import { DiskStore } from '../core/cache/diskStore';
import { VERSION } from '../core/version';
import { registerChatParticipant } from './chat/registerChatParticipant';
import { registerContextTool } from './chat/registerContextTool';
import { LastCompression } from './compress/lastCompression';
import { NeuralScorerProcess } from './compress/neuralScorerProcess';
import { registerCompressCommand } from './compress/registerCompressCommand';
import { CompressionRunner } from './compress/runCompression';
import { registerEditorMarks } from './editor/registerEditorMarks';
import { registerIndexCommands } from './index/registerIndexCommands';
import { WorkspaceIndex } from './index/workspaceIndex';
import { registerModelOffer } from './models/offerModel';
import { registerHandOff } from './llm/registerHandOff';
import { registerPanel } from './panel/registerPanel';
import { PinStore } from './pins/pinStore';
import { registerPinCommands } from './pins/registerPinCommands';
import { registerPreview } from './preview/registerPreview';
import { RemoteScorerAccess } from './remote/remoteScorerAccess';
import { registerScorerCommand } from './settings/registerScorerCommand';
import { registerStatusBar } from './status/registerStatusBar';

// Activation only registers: no parser, model or index is loaded here (the index starts its parse
// workers the first time it is used, the neural scorer its process the first time a compression needs it).
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('LongCodeZip', { log: true });
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  // Chunks and scores of earlier runs (size-capped; written once per compression).
  const store = new DiskStore({ dir: context.globalStorageUri.fsPath });
  const index = new WorkspaceIndex(dist, log, store);
  const last = new LastCompression();
  const pins = new PinStore(context.workspaceState);
  const neural = new NeuralScorerProcess(vscode.Uri.joinPath(context.extensionUri, 'dist', 'onnxWorker.js').fsPath);
  const preview = registerPreview(context, last);
  // The remote scorer's key commands, consent and kept scorer (nothing is sent until a compression asks).
  const remote = new RemoteScorerAccess(context);
  // Every compression (commands, panel, hand-off) runs through this one runner.
  const runner = new CompressionRunner({ index, log, store, preview, last, pins, neural, remote });
  context.subscriptions.push(log, index, last, pins, neural, remote, runner);
  registerPanel(context, { log, index, last, runner });
  registerIndexCommands(context, {
    index,
    store,
    log,
    // Clear Caches: the kept scorers' memory goes too.
    stopNeural: () => {
      remote.forget();
      return neural.stop();
    },
  });
  registerCompressCommand(context, { runner, last, log, stopNeural: () => void neural.stop() });
  registerPinCommands(context, { pins, index });
  registerScorerCommand(context, log);
  registerModelOffer(context, { last, log });
  registerEditorMarks(context, { last, pins, index });
  registerStatusBar(context, { last, runner });
  registerHandOff(context, { runner, last, log });
  registerChatParticipant(context, { runner, log });
  registerContextTool(context, { runner, log });
  log.info(`LongCodeZip ${VERSION} activated`);
}

export function deactivate(): void {}
