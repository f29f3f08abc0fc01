import * as vscode from 'vscode';
import type { WorkspaceIndex } from './workspaceIndex';

/** "LongCodeZip: Index Workspace": chunk every workspace folder, with progress and cancellation. */
export function registerIndexCommands(context: vscode.ExtensionContext, index: WorkspaceIndex): void {
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
              progress.report({ message: `${done} of ${total} files`, increment: ((done - reported) / total) * 100 });
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
            void vscode.window.showErrorMessage(`LongCodeZip could not index the workspace: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      ),
    ),
  );
}
