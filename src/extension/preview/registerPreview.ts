import * as vscode from 'vscode';
import type { LastCompression } from '../compress/lastCompression';
import { CompressedPreview } from './compressedPreview';

/**
 * The read-only `longcodezip-preview:` document that shows the last compression: it follows every new
 * compression; "LongCodeZip: Show Preview" opens it.
 */
export function registerPreview(context: vscode.ExtensionContext, last: LastCompression): CompressedPreview {
  const preview = new CompressedPreview();
  context.subscriptions.push(
    preview,
    vscode.workspace.registerTextDocumentContentProvider(CompressedPreview.scheme, preview),
    // Show Preview and Copy appear in the palette once there is something to show.
    last.onDidChange((compression) => void vscode.commands.executeCommand('setContext', 'longcodezip.hasCompression', compression !== undefined)),
    vscode.commands.registerCommand('longcodezip.showPreview', async () => {
      if (!last.get()) {
        void vscode.window.showInformationMessage('LongCodeZip: nothing compressed yet in this window. Run "LongCodeZip: Compress for a Question…" first.');
        return;
      }
      await preview.reveal();
    }),
  );
  return preview;
}
