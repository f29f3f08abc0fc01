import * as path from 'node:path';
import type { FinishedCompression } from '../compress/lastCompression';
import { resultForView } from '../../webview/viewModel/resultForView';
import type { PanelResult } from '../../webview/protocol';

/** The latest compression as the panel receives it (its text stays in the host: Copy and Send read it there). */
export function panelResult(compression: FinishedCompression): PanelResult {
  const { result, query, scope } = compression;
  const folderName = path.basename(compression.folder.fsPath);
  const scopeLabel =
    scope.kind === 'workspace'
      ? `workspace folder ${folderName}`
      : scope.kind === 'currentFile'
        ? scope.path
        : scope.kind === 'openEditors'
          ? `${scope.paths.length} open ${scope.paths.length === 1 ? 'editor' : 'editors'}`
          : scope.paths.length === 1
            ? scope.paths[0] || `workspace folder ${folderName}`
            : `${scope.paths.length} selected items`;
  return {
    result: resultForView(result),
    query: query.mode === 'question' ? query.text : `completion at ${query.cursor.path}:${query.cursor.line}`,
    mode: query.mode,
    scope: scope.kind,
    scopeLabel,
    budget: compression.budget,
    finishedAt: compression.finishedAt,
  };
}
