import * as vscode from 'vscode';

/**
 * The compressed context as a read-only document (`longcodezip-preview:`), one per window: each run
 * replaces its text, and an open editor shows the new text at once.
 */
export class CompressedPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'longcodezip-preview';
  static readonly uri = vscode.Uri.from({ scheme: CompressedPreview.scheme, path: '/Compressed context' });
  private text = '';
  private languageId = 'markdown';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(): string {
    return this.text;
  }

  /** Replaces the text; an open preview shows it (and is set to `languageId`) before this resolves. */
  async update(text: string, languageId: string): Promise<void> {
    this.text = text;
    this.languageId = languageId;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === CompressedPreview.uri.toString());
    if (!open) return;
    if (open.getText() !== text) {
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
    if (open.languageId !== languageId) await vscode.languages.setTextDocumentLanguage(open, languageId);
  }

  /** Opens the preview in an editor (or brings it to the front). */
  async reveal(): Promise<void> {
    let document = await vscode.workspace.openTextDocument(CompressedPreview.uri);
    if (document.languageId !== this.languageId) document = await vscode.languages.setTextDocumentLanguage(document, this.languageId);
    await vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
