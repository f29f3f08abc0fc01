import * as vscode from 'vscode';
import type { CompressionAsk } from '../compress/runCompression';
import type { FinishedCompression } from '../compress/lastCompression';
import type { HandOffTask } from '../../core/llm/handOffPrompt';

/** The same compression asked again (at another budget): same query, same files. */
export function askAgain(compression: FinishedCompression, budget: number): CompressionAsk {
  const { folder, query, scope } = compression;
  const inFolder = (path: string) => (path === '' ? folder : vscode.Uri.joinPath(folder, ...path.split('/')));
  return {
    query:
      query.mode === 'question'
        ? { mode: 'question', text: query.text }
        : { mode: 'completion', document: inFolder(query.cursor.path), position: new vscode.Position(query.cursor.line - 1, (query.cursor.column ?? 1) - 1) },
    scope:
      scope.kind === 'workspace'
        ? { kind: 'workspace', folder: vscode.workspace.getWorkspaceFolder(folder) }
        : scope.kind === 'currentFile'
          ? { kind: 'currentFile', uri: inFolder(scope.path) }
          : { kind: 'selection', uris: scope.paths.map(inFolder) },
    budget,
  };
}

/** What the model is asked to do with a compression. */
export function handOffTask(compression: FinishedCompression): HandOffTask {
  const { query } = compression;
  if (query.mode === 'question') return { mode: 'question', question: query.text };
  const file = compression.result.files.find((candidate) => candidate.path === query.cursor.path);
  return { mode: 'completion', path: query.cursor.path, ...(file?.language ? { language: file.language } : {}) };
}
