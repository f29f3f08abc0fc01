import * as vscode from 'vscode';
import type { FinishedCompression } from '../compress/lastCompression';

/**
 * No chat model in VS Code and no endpoint set up: say so, and offer what can be done with the
 * compressed context without one (copy it, save it, set up an endpoint).
 */
export async function offerWithoutModel(compression: FinishedCompression, log: vscode.LogOutputChannel): Promise<void> {
  log.info('Send to language model: no chat model in VS Code and no longcodezip.endpoint set up');
  const choice = await vscode.window.showWarningMessage(
    'LongCodeZip: there is no language model to send to: VS Code has no chat model (one comes with an extension such as GitHub Copilot) and no OpenAI-compatible endpoint is set up. The compressed context is ready to copy or save.',
    'Copy to Clipboard',
    'Save to File…',
    'Set Up Endpoint',
  );
  if (choice === 'Copy to Clipboard') {
    await vscode.env.clipboard.writeText(compression.result.text);
    log.info(`Copied the compressed context to the clipboard (${compression.result.text.length} characters)`);
    void vscode.window.showInformationMessage('LongCodeZip: copied the compressed context to the clipboard.');
  } else if (choice === 'Save to File…') {
    const extension = compression.preview.format === 'markdown' ? 'md' : 'txt';
    const target = await vscode.window.showSaveDialog({
      title: 'LongCodeZip: Save the Compressed Context',
      defaultUri: vscode.Uri.joinPath(compression.folder, `compressed-context.${extension}`),
      filters: extension === 'md' ? { Markdown: ['md'] } : { Text: ['txt'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(compression.result.text));
    log.info(`Saved the compressed context to ${target.toString(true)}`);
    void vscode.window.showInformationMessage(`LongCodeZip: saved the compressed context to ${vscode.workspace.asRelativePath(target)}.`);
  } else if (choice === 'Set Up Endpoint') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'longcodezip.endpoint');
  }
}
