import * as vscode from 'vscode';
import { formatTokens } from '../../webview/viewModel/format';
import { affectsScorer, readScorerSettings } from '../settings/readScorerSettings';
import type { LastCompression } from './lastCompression';
import type { CompressionRunner } from './runCompression';

const LAST_QUESTION = 'longcodezip.lastQuestion';

export interface CompressCommandDeps {
  readonly runner: CompressionRunner;
  readonly last: LastCompression;
  readonly log: vscode.LogOutputChannel;
  /** Stops the neural scorer's process when its settings change. */
  readonly stopNeural: () => void;
}

/**
 * The compression commands: for a question (input box), at the cursor (completion), for the explorer's
 * selection, and copying the last result.
 */
export function registerCompressCommand(context: vscode.ExtensionContext, deps: CompressCommandDeps): void {
  const { runner, last } = deps;

  /** The question from an input box, remembered for the next one; undefined when the user cancels. */
  const askQuestion = async (title: string): Promise<string | undefined> => {
    const question = await vscode.window.showInputBox({
      title,
      prompt: 'The question the compressed context should answer',
      placeHolder: 'e.g. How is the late fee calculated?',
      value: context.workspaceState.get<string>(LAST_QUESTION),
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? 'Type a question.' : undefined),
    });
    if (question !== undefined) await context.workspaceState.update(LAST_QUESTION, question);
    return question;
  };

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsScorer(event)) return;
      deps.stopNeural();
      const settings = readScorerSettings();
      const using =
        settings.scorer === 'remote'
          ? `longcodezip.remote.endpoint is "${settings.remote.endpoint}", model "${settings.remote.model}"`
          : `longcodezip.model.path is "${settings.modelPath}" (${settings.dtype})`;
      deps.log.info(`Scorer settings changed: longcodezip.scorer is "${settings.scorer}", ${using}`);
    }),

    vscode.commands.registerCommand('longcodezip.compressQuestion', async () => {
      const question = await askQuestion('LongCodeZip: Compress for a Question');
      if (question === undefined) return;
      await runner.runWithNotification({ query: { mode: 'question', text: question }, scope: { kind: 'workspace' } }, { revealPreview: true, announce: true });
    }),

    vscode.commands.registerCommand('longcodezip.compressAtCursor', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(editor.document.uri)) {
        void vscode.window.showWarningMessage('LongCodeZip: put the cursor in a file of the workspace to compress the context for a completion there.');
        return;
      }
      await runner.runWithNotification(
        { query: { mode: 'completion', document: editor.document.uri, position: editor.selection.active }, scope: { kind: 'workspace' } },
        { revealPreview: true, announce: true },
      );
    }),

    // The explorer passes the clicked item and, with several selected, all of them.
    vscode.commands.registerCommand('longcodezip.compressSelection', async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
      const uris = selected && selected.length > 0 ? selected : clicked ? [clicked] : [];
      if (uris.length === 0) {
        void vscode.window.showWarningMessage('LongCodeZip: select files or folders in the explorer, then choose "Compress Selected Files for a Question…".');
        return;
      }
      const question = await askQuestion(`LongCodeZip: Compress ${uris.length === 1 ? vscode.workspace.asRelativePath(uris[0]!) : `${uris.length} Selected Items`} for a Question`);
      if (question === undefined) return;
      await runner.runWithNotification({ query: { mode: 'question', text: question }, scope: { kind: 'selection', uris } }, { revealPreview: true, announce: true });
    }),

    vscode.commands.registerCommand('longcodezip.copyCompressed', async () => {
      const compression = last.get();
      if (!compression) {
        void vscode.window.showInformationMessage('LongCodeZip: nothing compressed yet in this window.');
        return;
      }
      await vscode.env.clipboard.writeText(compression.result.text);
      const format = compression.preview.format === 'markdown' ? 'markdown, one fenced block per file' : 'plain text';
      void vscode.window.showInformationMessage(`LongCodeZip: copied the compressed context (${formatTokens(compression.result.totals.compressedTokens)}, ${format}).`);
    }),
  );
}
