import * as vscode from 'vscode';
import type { LineRange } from '../../core/compress/lineRange';
import type { FinishedCompression, LastCompression } from '../compress/lastCompression';
import { pathInFolder } from '../compress/scopeFiles';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PinStore } from '../pins/pinStore';
import { pinLabel, qualifiedName } from '../pins/pinTarget';
import { viewSettings } from '../settings/readCompressionSettings';
import { type FileMarks, marksForFile } from './compressionMarks';

/** A narrow bar for the gutter (an image: gutter icons cannot take theme colours). */
function gutterBar(color: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="16"><rect x="1" width="3" height="16" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
}

/**
 * Shows the last compression in the source editors: dropped lines faded, the kept blocks of trimmed
 * functions marked, gutter and overview-ruler marks, a hover with the scores on each definition's first
 * line, and a CodeLens above each function ("kept · fused score 0.83 · 212 tokens"); pins get a lens
 * of their own. A document edited after the compression loses its marks (the lines no longer match).
 */
export function registerEditorMarks(context: vscode.ExtensionContext, deps: { last: LastCompression; pins: PinStore; index: WorkspaceIndex }): void {
  const dropped = vscode.window.createTextEditorDecorationType({ opacity: '0.45', isWholeLine: true });
  const kept = vscode.window.createTextEditorDecorationType({
    gutterIconPath: gutterBar('#3fb950'),
    gutterIconSize: 'contain',
    overviewRulerColor: new vscode.ThemeColor('longcodezip.keptForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    isWholeLine: true,
  });
  const keptBlock = vscode.window.createTextEditorDecorationType({
    gutterIconPath: gutterBar('#d29922'),
    gutterIconSize: 'contain',
    backgroundColor: new vscode.ThemeColor('longcodezip.keptBlockBackground'),
    overviewRulerColor: new vscode.ThemeColor('longcodezip.keptBlockForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    isWholeLine: true,
  });
  const hover = vscode.window.createTextEditorDecorationType({});
  const types = [dropped, kept, keptBlock, hover];
  /** Documents edited since the last compression (by URI). */
  const edited = new Set<string>();
  const lensesChanged = new vscode.EventEmitter<void>();

  const marksOf = (document: vscode.TextDocument): FileMarks | undefined => {
    const compression = deps.last.get();
    if (!compression || edited.has(document.uri.toString())) return undefined;
    const path = pathIn(compression, document.uri);
    return path === undefined ? undefined : marksForFile(compression.result, path);
  };

  const paint = (editor: vscode.TextEditor) => {
    const marks = viewSettings().decorations ? marksOf(editor.document) : undefined;
    if (!marks) {
      for (const type of types) editor.setDecorations(type, []);
      return;
    }
    const lines = (ranges: readonly LineRange[]) => ranges.map((range) => lineRange(editor.document, range));
    editor.setDecorations(dropped, lines(marks.dropped));
    editor.setDecorations(kept, lines(marks.kept));
    editor.setDecorations(keptBlock, lines(marks.keptBlocks));
    editor.setDecorations(
      hover,
      marks.hovers.map((entry) => ({ range: lineRange(editor.document, { start: entry.line, end: entry.line }), hoverMessage: new vscode.MarkdownString(entry.markdown) })),
    );
  };
  const paintAll = () => {
    for (const editor of vscode.window.visibleTextEditors) paint(editor);
    lensesChanged.fire();
  };

  const lenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    provideCodeLenses: async (document) => {
      if (!viewSettings().codeLens) return [];
      const found: vscode.CodeLens[] = [];
      for (const lens of marksOf(document)?.lenses ?? []) {
        found.push(new vscode.CodeLens(lineRange(document, { start: lens.line, end: lens.line }), { title: lens.title, command: 'longcodezip.showPanel', tooltip: 'LongCodeZip: show the compression in the panel' }));
      }
      found.push(...(await pinLenses(document, deps)));
      return found;
    },
  };

  context.subscriptions.push(
    ...types,
    lensesChanged,
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, lenses),
    deps.last.onDidChange(() => {
      edited.clear();
      paintAll();
    }),
    deps.pins.onDidChange(() => lensesChanged.fire()),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(paint)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0 || !deps.last.get() || edited.has(event.document.uri.toString())) return;
      edited.add(event.document.uri.toString());
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === event.document) paint(editor);
      lensesChanged.fire();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('longcodezip.decorations') || event.affectsConfiguration('longcodezip.codeLens')) paintAll();
    }),
  );
}

/** "$(pin) pinned" above each pinned definition of the document, with Unpin. */
async function pinLenses(document: vscode.TextDocument, deps: { pins: PinStore; index: WorkspaceIndex }): Promise<vscode.CodeLens[]> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return [];
  const path = pathInFolder(folder.uri.fsPath, document.uri.fsPath);
  const pins = deps.pins.pinsOf(folder.uri).filter((pin) => pin.path === path);
  if (pins.length === 0) return [];
  const chunks = (await deps.index.chunkDocument(folder, document).catch(() => undefined))?.chunks ?? [];
  const found: vscode.CodeLens[] = [];
  for (const pin of pins) {
    const first = pin.name === undefined ? chunks[0] : chunks.find((chunk) => qualifiedName(chunk) === pin.name || chunk.name === pin.name);
    const line = first?.startLine ?? 1;
    found.push(
      new vscode.CodeLens(lineRange(document, { start: line, end: line }), {
        title: pin.name === undefined ? '$(pin) file pinned · Unpin' : '$(pin) pinned · Unpin',
        command: 'longcodezip.unpinFunction',
        arguments: [folder.uri, pin],
        tooltip: `LongCodeZip keeps ${pinLabel(pin)} whole in every compression of ${folder.name}. Click to unpin.`,
      }),
    );
  }
  return found;
}

/** The document's path relative to the compression's folder, if it is inside it. */
function pathIn(compression: FinishedCompression, uri: vscode.Uri): string | undefined {
  return uri.scheme === 'file' ? pathInFolder(compression.folder.fsPath, uri.fsPath) : undefined;
}

/** 1-based inclusive lines as a range of the document (clamped to it). */
function lineRange(document: vscode.TextDocument, range: LineRange): vscode.Range {
  const last = document.lineCount - 1;
  const start = Math.min(Math.max(range.start - 1, 0), last);
  const end = Math.min(Math.max(range.end - 1, 0), last);
  return new vscode.Range(start, 0, end, document.lineAt(end).range.end.character);
}
