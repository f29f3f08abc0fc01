import * as vscode from 'vscode';
import type { DiskStore } from '../../core/cache/diskStore';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { CompressedPreview } from '../preview/compressedPreview';
import { affectsScorer, readScorerSettings } from '../settings/readScorerSettings';
import { chooseScorer, type ScorerChoice, ScorerSettingError } from '../settings/scorerChoice';
import { compressionSummary } from './compressionSummary';
import { compressQuestion } from './compressQuestion';
import type { LastCompression } from './lastCompression';
import { watchHostStalls } from './hostStalls';
import { NeuralScorerProcess } from './neuralScorerProcess';

const LAST_QUESTION = 'longcodezip.lastQuestion';

export interface CompressCommandDeps {
  readonly index: WorkspaceIndex;
  readonly log: vscode.LogOutputChannel;
  readonly store: DiskStore;
  readonly preview: CompressedPreview;
  readonly last: LastCompression;
  /** dist/onnxWorker.js of the installed extension. */
  readonly onnxWorkerScript: string;
}

/**
 * "LongCodeZip: Compress for a Question…": asks for the question, compresses the workspace index with
 * progress and Cancel, shows the result in the preview and a one-line summary.
 */
export function registerCompressCommand(context: vscode.ExtensionContext, deps: CompressCommandDeps): void {
  const neural = new NeuralScorerProcess(deps.onnxWorkerScript);
  context.subscriptions.push(
    neural,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsScorer(event)) return;
      void neural.stop();
      const settings = readScorerSettings();
      deps.log.info(`Scorer settings changed: longcodezip.scorer is "${settings.scorer}", longcodezip.model.path is "${settings.modelPath}" (${settings.dtype})`);
    }),
    vscode.commands.registerCommand('longcodezip.compressQuestion', async () => {
      const folder = activeFolder();
      if (!folder) {
        void vscode.window.showErrorMessage('LongCodeZip: open a folder to compress its code.');
        return;
      }
      const question = await vscode.window.showInputBox({
        title: 'LongCodeZip: Compress for a Question',
        prompt: `The question the compressed context of ${folder.name} should answer`,
        placeHolder: 'e.g. How is the late fee calculated?',
        value: context.workspaceState.get<string>(LAST_QUESTION),
        ignoreFocusOut: true,
        validateInput: (text) => (text.trim() === '' ? 'Type a question.' : undefined),
      });
      if (question === undefined) return;
      await context.workspaceState.update(LAST_QUESTION, question);
      let scorer: ScorerChoice;
      try {
        scorer = chooseScorer(readScorerSettings(folder.uri), vscode.workspace.isTrusted);
      } catch (error) {
        if (!(error instanceof ScorerSettingError)) throw error;
        deps.log.error(error.message);
        void offerSettings(`LongCodeZip: ${error.message}`);
        return;
      }
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'LongCodeZip', cancellable: true },
        (progress, token) => runCompression({ question, folder, scorer, neural, progress, token }, deps),
      );
    }),
  );
}

interface CompressionRun {
  readonly question: string;
  readonly folder: vscode.WorkspaceFolder;
  readonly scorer: ScorerChoice;
  readonly neural: NeuralScorerProcess;
  readonly progress: vscode.Progress<{ message?: string }>;
  readonly token: vscode.CancellationToken;
}

async function runCompression(run: CompressionRun, deps: CompressCommandDeps): Promise<void> {
  const controller = new AbortController();
  const cancelled = run.token.onCancellationRequested(() => controller.abort());
  const { log } = deps;
  try {
    if (!deps.index.isBuilt()) {
      run.progress.report({ message: 'indexing the workspace' });
      await deps.index.build(controller.signal, (done, total) => run.progress.report({ message: `indexing the workspace: ${done} of ${total} files` }));
    }
    const snapshot = deps.index.snapshot(run.folder);
    if (!snapshot || snapshot.files.length === 0) {
      void vscode.window.showErrorMessage(`LongCodeZip: no files to compress in ${run.folder.name} (${snapshot?.skipped.length ?? 0} skipped).`);
      return;
    }
    if (run.scorer.kind === 'ngram' && run.scorer.note) log.warn(run.scorer.note);
    const stalls = watchHostStalls();
    const budget = vscode.workspace.getConfiguration('longcodezip', run.folder.uri).get<number>('budget.question', 4000);
    const outcome = await compressQuestion(
      { question: run.question, workspace: run.folder.uri.fsPath, snapshot, budget, scorer: run.scorer },
      { store: deps.store, neural: run.neural, signal: controller.signal, onStage: (message) => run.progress.report({ message }) },
    );
    const longestStall = stalls.stop();
    deps.last.set({
      result: outcome.result,
      query: { mode: 'question', text: run.question },
      scope: { kind: 'workspace' },
      folder: run.folder.uri,
      budget,
      preview: outcome.preview,
      finishedAt: Date.now(),
    });
    await deps.preview.show(outcome.result.text, outcome.preview.languageId);

    const summary = compressionSummary(outcome.result);
    log.info(`Compressed ${run.folder.name} for "${oneLine(run.question)}": ${summary}`);
    const training = outcome.ngramTrainMillis === undefined ? 'no n-gram training (cached scores)' : `n-gram training ${outcome.ngramTrainMillis} ms`;
    log.info(`Extension host: longest stall ${longestStall} ms; ${training}; stages ${JSON.stringify(outcome.result.timings)}`);
    const notes = [...(run.scorer.kind === 'ngram' && run.scorer.note ? [run.scorer.note] : []), ...outcome.result.notes];
    for (const note of outcome.result.notes) log.info(`Note: ${note}`);
    void vscode.window.showInformationMessage(`LongCodeZip: ${summary}${notes.map((note) => `. Note: ${note}`).join('')}`);
  } catch (error) {
    if (controller.signal.aborted) {
      log.info('Compression cancelled');
      void vscode.window.showInformationMessage('LongCodeZip: compression cancelled.');
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Compression failed: ${message}`);
    if (run.scorer.kind === 'onnx') void offerSettings(`LongCodeZip could not compress with the neural scorer: ${message}`);
    else void vscode.window.showErrorMessage(`LongCodeZip could not compress: ${message}`);
  } finally {
    cancelled.dispose();
  }
}

/** The folder of the active editor, else the first workspace folder on disk. */
function activeFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active && vscode.workspace.getWorkspaceFolder(active);
  if (folder?.uri.scheme === 'file') return folder;
  return vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === 'file');
}

async function offerSettings(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings');
  if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:longcodezip.longcodezip');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
