import * as vscode from 'vscode';

/**
 * The compressed context as a read-only document (`longcodezip-preview:`), one per window: each run
 * replaces its text, and an open editor shows the new text at once.
 */
export class CompressedPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'longcodezip-preview';
  static readonly uri = vscode.Uri.from({ scheme: CompressedPreview.scheme, path: '/Compressed context' });
  private text = '';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(): string {
    return this.text;
  }

  /** Shows `text` in the preview editor, in `languageId`. */
  async show(text: string, languageId: string): Promise<void> {
    this.text = text;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === CompressedPreview.uri.toString());
    if (open && open.getText() !== text) {
      // An open preview reloads its text asynchronously: wait for it, so what follows sees the new text.
      const reloaded = new Promise<void>((resolve) => {
        const listener = vscode.workspace.onDidChangeTextDocument((event) => {
          if (event.document === open && open.getText() === text) {
            listener.dispose();
            resolve();
          }
        });
        setTimeout(() => {
          listener.dispose();
          resolve();
        }, 2000);
      });
      this.changed.fire(CompressedPreview.uri);
      await reloaded;
    }
    let document = await vscode.workspace.openTextDocument(CompressedPreview.uri);
    if (document.languageId !== languageId) document = await vscode.languages.setTextDocumentLanguage(document, languageId);
    await vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
