import * as vscode from 'vscode';
import { CompressedPreview } from './compressedPreview';

/** The read-only `longcodezip-preview:` document that shows the last compression. */
export function registerPreview(context: vscode.ExtensionContext): CompressedPreview {
  const preview = new CompressedPreview();
  context.subscriptions.push(preview, vscode.workspace.registerTextDocumentContentProvider(CompressedPreview.scheme, preview));
  return preview;
}
