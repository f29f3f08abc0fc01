import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LastCompression } from '../compress/lastCompression';
import type { CompressionRunner } from '../compress/runCompression';
import { affectsScorer, readScorerSettings } from '../settings/readScorerSettings';
import { chooseScorer } from '../settings/scorerChoice';
import { type ScorerState, statusLabel } from './statusLabel';

/** The status-bar item: scorer and device, the last ratio, a spinner while compressing; opens the panel. */
export function registerStatusBar(context: vscode.ExtensionContext, deps: { last: LastCompression; runner: CompressionRunner }): void {
  const item = vscode.window.createStatusBarItem('longcodezip.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'LongCodeZip';
  item.command = 'longcodezip.showPanel';

  // The scorer that last ran is shown until the scorer settings change.
  let settingsChanged = false;
  const scorerState = (): ScorerState => {
    const untrusted = !vscode.workspace.isTrusted;
    const last = deps.last.get();
    if (last && !settingsChanged) return { kind: 'ran', scorer: last.result.scorer, untrusted };
    try {
      const choice = chooseScorer(readScorerSettings(), vscode.workspace.isTrusted);
      if (choice.kind === 'remote') return { kind: 'remote', model: choice.model, host: choice.endpoint.host };
      return choice.kind === 'ngram' ? { kind: 'ngram', untrusted } : { kind: 'onnx', model: path.basename(choice.folder), device: choice.device };
    } catch (error) {
      return { kind: 'broken', problem: error instanceof Error ? error.message : String(error) };
    }
  };

  const update = () => {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      item.hide();
      return;
    }
    const last = deps.last.get();
    const label = statusLabel({
      scorer: scorerState(),
      running: deps.runner.isRunning(),
      ...(last && {
        last: { ratio: last.result.totals.ratio, originalTokens: last.result.totals.originalTokens, compressedTokens: last.result.totals.compressedTokens, budget: last.budget },
      }),
    });
    item.text = label.text;
    item.tooltip = new vscode.MarkdownString(label.tooltip, true);
    item.backgroundColor = label.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  context.subscriptions.push(
    item,
    deps.last.onDidChange(() => {
      settingsChanged = false;
      update();
    }),
    deps.runner.onDidChangeRunning(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsScorer(event)) settingsChanged = true;
      if (event.affectsConfiguration('longcodezip')) update();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
  );
  update();
}
