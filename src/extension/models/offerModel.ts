import * as vscode from 'vscode';
import { catalogEntry, DEFAULT_MODEL_ID } from '../../core/models/catalog/modelCatalog';
import { modelsDir } from '../../core/models/modelStore';
import { describeSize } from '../../core/workspace/describeSize';
import type { LastCompression } from '../compress/lastCompression';
import { readScorerSettings } from '../settings/readScorerSettings';
import { downloadDtype, downloadWithConsent, writeSetting } from './modelPickers';

const DO_NOT_ASK = 'longcodezip.modelOffer.declined';

/**
 * After the first compression that ran on the n-gram scorer only because no model is set (scorer
 * `auto`, trusted folder), offers the default model once per session (never again after "Don't Ask
 * Again"). The compression itself already ran: the offer never holds it up.
 */
export function registerModelOffer(context: vscode.ExtensionContext, deps: { last: LastCompression; log: vscode.LogOutputChannel }): void {
  let offered = false;
  context.subscriptions.push(
    deps.last.onDidChange(async (compression) => {
      if (offered || !compression || compression.result.scorer.name !== 'ngram' || !vscode.workspace.isTrusted) return;
      const settings = readScorerSettings(compression.folder);
      if (settings.scorer !== 'auto' || settings.modelPath.trim() !== '' || context.globalState.get<boolean>(DO_NOT_ASK)) return;
      offered = true;
      const model = catalogEntry(DEFAULT_MODEL_ID);
      const dtype = await downloadDtype(settings);
      const size = model?.approximateBytes[dtype];
      const choice = await vscode.window.showInformationMessage(
        `LongCodeZip ranked with the n-gram scorer. A local code model ranks better: download ${model?.title ?? DEFAULT_MODEL_ID}${size !== undefined ? ` (about ${describeSize(size)})` : ''}?`,
        'Download…',
        'Not Now',
        "Don't Ask Again",
      );
      if (choice === "Don't Ask Again") await context.globalState.update(DO_NOT_ASK, true);
      if (choice !== 'Download…') return;
      const folder = await downloadWithConsent(DEFAULT_MODEL_ID, dtype, modelsDir(context.globalStorageUri.fsPath), deps.log);
      if (folder) await writeSetting('model.path', folder);
    }),
  );
}
