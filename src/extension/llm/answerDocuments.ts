import * as vscode from 'vscode';

/** One answer being written: text arrives in pieces, the open editor follows. */
export interface AnswerWriter {
  readonly uri: vscode.Uri;
  append(text: string): void;
  /** Writes the last piece and shows everything at once. */
  finish(text: string): void;
}

const REFRESH_MS = 100;

/**
 * Read-only markdown documents (`longcodezip-answer:`) that show models' answers as they stream in,
 * one per send, numbered in this window.
 */
export class AnswerDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'longcodezip-answer';
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens a new answer document that starts with `heading`, beside the active editor. */
  async open(heading: string): Promise<AnswerWriter> {
    this.count++;
    const uri = vscode.Uri.from({ scheme: AnswerDocuments.scheme, path: `/LongCodeZip Answer ${this.count}.md` });
    const key = uri.toString();
    this.texts.set(key, heading);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });

    let timer: NodeJS.Timeout | undefined;
    const refresh = () => {
      timer = undefined;
      this.changed.fire(uri);
    };
    return {
      uri,
      append: (text) => {
        this.texts.set(key, (this.texts.get(key) ?? '') + text);
        timer ??= setTimeout(refresh, REFRESH_MS);
      },
      finish: (text) => {
        this.texts.set(key, (this.texts.get(key) ?? '') + text);
        clearTimeout(timer);
        refresh();
      },
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
