import * as vscode from 'vscode';
import type { CompressionQuery } from '../../core/compress/compressionRequest';
import type { CompressionResult } from '../../core/compress/compressionResult';
import type { PreviewFormat } from '../preview/previewFormat';

/** Which part of the workspace a compression read. */
export type CompressionScope =
  | { readonly kind: 'workspace' }
  | { readonly kind: 'currentFile'; readonly path: string }
  | { readonly kind: 'openEditors'; readonly paths: readonly string[] }
  | { readonly kind: 'selection'; readonly paths: readonly string[] };

/** One finished compression: what the panel, the preview, decorations, CodeLens and the hand-off show. */
export interface FinishedCompression {
  readonly result: CompressionResult;
  readonly query: CompressionQuery;
  readonly scope: CompressionScope;
  /** The workspace folder it ran in (result paths are relative to it). */
  readonly folder: vscode.Uri;
  readonly budget: number;
  readonly preview: PreviewFormat;
  readonly finishedAt: number;
}

/** The latest compression of this window; every view listens to it instead of to each other. */
export class LastCompression implements vscode.Disposable {
  private current: FinishedCompression | undefined;
  private readonly changed = new vscode.EventEmitter<FinishedCompression | undefined>();
  readonly onDidChange = this.changed.event;

  get(): FinishedCompression | undefined {
    return this.current;
  }

  set(compression: FinishedCompression | undefined): void {
    this.current = compression;
    this.changed.fire(compression);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
