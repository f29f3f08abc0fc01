import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DiskStore } from '../../core/cache/diskStore';
import { describeSize } from '../../core/workspace/describeSize';
import type { WorkspaceIndex } from './workspaceIndex';

export interface IndexCommandDeps {
  readonly index: WorkspaceIndex;
  readonly store: DiskStore;
  readonly log: vscode.LogOutputChannel;
  /** Stops the neural scorer's process, and with it the key/values it keeps in memory. */
  readonly stopNeural: () => Promise<void>;
}

/**
 * "LongCodeZip: Rebuild Index" (every workspace folder collected and chunked again, with progress and
 * Cancel) and "LongCodeZip: Clear Caches" (the cached chunks, line values and scores on disk).
 */
export function registerIndexCommands(context: vscode.ExtensionContext, deps: IndexCommandDeps): void {
  const { index } = deps;
  context.subscriptions.push(
    vscode.commands.registerCommand('longcodezip.indexWorkspace', () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'LongCodeZip: indexing the workspace', cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          let reported = 0;
          try {
            const summary = await index.build(controller.signal, (done, total) => {
              progress.report({ message: `${done} of ${total} files`, increment: total > 0 ? ((done - reported) / total) * 100 : undefined });
              reported = done;
            });
            void vscode.window.showInformationMessage(
              `LongCodeZip indexed ${summary.files} files into ${summary.chunks} chunks; ${summary.skipped} skipped.`,
            );
          } catch (error) {
            if (controller.signal.aborted) {
              void vscode.window.showInformationMessage('LongCodeZip: indexing cancelled.');
              return;
            }
            const message = error instanceof Error ? error.message : String(error);
            deps.log.error(`Indexing failed: ${message}`);
            const choice = await vscode.window.showErrorMessage(`LongCodeZip could not index the workspace: ${message}`, 'Show Log');
            if (choice) deps.log.show(true);
          }
        },
      ),
    ),

    vscode.commands.registerCommand('longcodezip.clearCaches', async () => {
      // What is waiting to be written goes first, so that nothing lands after the folder is gone.
      await deps.store.flush();
      const bytes = await folderBytes(deps.store.root);
      await fs.rm(deps.store.root, { recursive: true, force: true });
      await deps.stopNeural();
      deps.log.info(`Cleared the caches in ${deps.store.root} (${describeSize(bytes)})`);
      void vscode.window.showInformationMessage(`LongCodeZip: cleared ${describeSize(bytes)} of cached chunks, line values and scores. The next compression scores again.`);
    }),
  );
}

async function folderBytes(folder: string): Promise<number> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  let bytes = 0;
  for (const entry of entries) {
    if (entry.isFile()) bytes += (await fs.stat(path.join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
  }
  return bytes;
}
