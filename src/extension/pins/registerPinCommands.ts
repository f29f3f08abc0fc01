import * as vscode from 'vscode';
import type { PinSpec } from '../../core/compress/resolvePins';
import { pathInFolder } from '../compress/scopeFiles';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { pinAtLine, pinLabel } from './pinTarget';
import type { PinStore } from './pinStore';

/** Context key: the cursor is in a pinned definition (the editor menu offers Unpin instead of Pin). */
const CURSOR_ON_PIN = 'longcodezip.cursorOnPin';

/**
 * "Pin Function at Cursor" and "Unpin Function at Cursor": a pinned definition is kept whole in every
 * compression of its workspace folder, whatever the budget says about the rest.
 */
export function registerPinCommands(context: vscode.ExtensionContext, deps: { pins: PinStore; index: WorkspaceIndex }): void {
  const { pins, index } = deps;

  /** The folder, and the pin of the definition at the cursor (undefined between definitions). */
  const atCursor = async (editor: vscode.TextEditor | undefined) => {
    const folder = editor && editor.document.uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(editor.document.uri) : undefined;
    if (!editor || !folder) return undefined;
    const file = await index.chunkDocument(folder, editor.document);
    const path = pathInFolder(folder.uri.fsPath, editor.document.uri.fsPath);
    return { folder, path, file, pin: file && pinAtLine(file.chunks, editor.selection.active.line + 1) };
  };

  let pending: NodeJS.Timeout | undefined;
  const updateContext = () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const editor = vscode.window.activeTextEditor;
      const folder = editor && vscode.workspace.getWorkspaceFolder(editor.document.uri);
      const path = folder && pathInFolder(folder.uri.fsPath, editor!.document.uri.fsPath);
      const anyInFile = folder !== undefined && pins.pinsOf(folder.uri).some((pin) => pin.path === path);
      // Chunking the document only when this file has pins at all.
      const here = anyInFile ? await atCursor(editor).catch(() => undefined) : undefined;
      const onPin = here?.pin !== undefined && pins.has(here.folder.uri, here.pin);
      void vscode.commands.executeCommand('setContext', CURSOR_ON_PIN, onPin);
    }, 200);
  };

  context.subscriptions.push(
    { dispose: () => clearTimeout(pending) },
    vscode.window.onDidChangeTextEditorSelection(updateContext),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    pins.onDidChange(updateContext),

    vscode.commands.registerCommand('longcodezip.pinFunction', async () => {
      const here = await atCursor(vscode.window.activeTextEditor);
      if (!here || here.path === undefined) {
        void vscode.window.showWarningMessage('LongCodeZip: put the cursor in a function of a workspace file to pin it.');
        return;
      }
      if (!here.file) {
        void vscode.window.showWarningMessage(`LongCodeZip: ${here.path} is left out of compression (longcodezip.exclude, files.exclude, .gitignore or a secret), so it cannot be pinned.`);
        return;
      }
      let pin = here.pin;
      if (!pin) {
        const choice = await vscode.window.showInformationMessage(`LongCodeZip: the cursor is not in a function. Pin the whole file ${here.path}?`, 'Pin File');
        if (choice !== 'Pin File') return;
        pin = { path: here.path };
      }
      await pins.add(here.folder.uri, pin);
      void vscode.window.showInformationMessage(`LongCodeZip: pinned ${pinLabel(pin)}: it is kept whole in every compression of ${here.folder.name}.`);
    }),

    // From a pin's CodeLens: (folder, pin). From the palette or the editor menu: the pin at the cursor, else a list.
    vscode.commands.registerCommand('longcodezip.unpinFunction', async (folderUri?: vscode.Uri, given?: PinSpec) => {
      if (folderUri && given) {
        await pins.remove(folderUri, given);
        return;
      }
      const here = await atCursor(vscode.window.activeTextEditor).catch(() => undefined);
      if (here?.pin && pins.has(here.folder.uri, here.pin)) {
        await pins.remove(here.folder.uri, here.pin);
        void vscode.window.showInformationMessage(`LongCodeZip: unpinned ${pinLabel(here.pin)}.`);
        return;
      }
      const entries = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => pins.pinsOf(folder.uri).map((pin) => ({ folder, pin })));
      if (entries.length === 0) {
        void vscode.window.showInformationMessage('LongCodeZip: nothing is pinned in this workspace.');
        return;
      }
      const picked = await vscode.window.showQuickPick(
        entries.map((entry) => ({ label: pinLabel(entry.pin), description: entry.folder.name, entry })),
        { title: 'LongCodeZip: Unpin', placeHolder: 'Pinned definitions and files (kept whole in every compression)', canPickMany: true },
      );
      for (const item of picked ?? []) await pins.remove(item.entry.folder.uri, item.entry.pin);
    }),
  );
}
