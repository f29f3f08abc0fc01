import * as vscode from 'vscode';
import { modelsDir } from '../../core/models/modelStore';
import { pickDevice, pickModel, writeSetting } from '../models/modelPickers';
import { pickRemoteServer } from '../remote/pickRemoteServer';
import { readScorerSettings } from './readScorerSettings';

type Item<T> = vscode.QuickPickItem & { readonly value?: T };

/**
 * "LongCodeZip: Choose Scorer…" (automatic, n-gram, neural, remote; for the neural one its model and
 * device, for the remote one its server, model and tokenizer)
 * and "LongCodeZip: Choose Model and Device…". Choices are written to the settings where they are set
 * now (the workspace's if it sets them, else the user's). Models of the catalog are downloaded only
 * after the user agrees, into the extension's global storage.
 */
export function registerScorerCommand(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const modelsDirectory = modelsDir(context.globalStorageUri.fsPath);

  /** Model, then device; false when the user backed out. */
  const chooseModelAndDevice = async (): Promise<boolean> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('LongCodeZip: this folder is not trusted, so only the n-gram scorer runs here; trust the folder to use a model.');
      return false;
    }
    const current = readScorerSettings();
    const model = await pickModel(modelsDirectory, log);
    if (model === undefined) return false;
    if (model !== current.modelPath) await writeSetting('model.path', model);
    const device = await pickDevice(current.device);
    if (device === undefined) return false;
    if (device !== current.device) await writeSetting('device', device);
    log.info(`Model chosen: ${model} on ${device}`);
    return true;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('longcodezip.chooseModel', chooseModelAndDevice),
    vscode.commands.registerCommand('longcodezip.chooseScorer', async () => {
      const current = readScorerSettings();
      const trusted = vscode.workspace.isTrusted;
      const mark = (value: string) => (current.scorer === value ? '$(check) ' : '');
      const server = current.remote.endpoint.trim() && current.remote.model.trim() ? ` Now: ${current.remote.model} at ${current.remote.endpoint}` : ' Set its server next.';
      const scorer = await vscode.window.showQuickPick<Item<'auto' | 'ngram' | 'onnx' | 'remote'>>(
        [
          { label: `${mark('auto')}Automatic`, value: 'auto', detail: 'The neural scorer when a model is set, else the n-gram scorer.' },
          { label: `${mark('ngram')}N-gram`, value: 'ngram', detail: 'Statistical, trained on the workspace: no download, fast, ranks less well.' },
          {
            label: `${mark('onnx')}Neural (ONNX)`,
            value: 'onnx',
            detail: trusted ? `A causal code model run locally by ONNX Runtime.${current.modelPath ? ` Model: ${current.modelPath}` : ' Choose or download a model next.'}` : 'Not in an untrusted folder: only the n-gram scorer runs here.',
          },
          {
            label: `${mark('remote')}Remote (inference server)`,
            value: 'remote',
            detail: trusted ? `A code model on a vLLM (OpenAI-compatible) server: the code to rank is sent there.${server}` : 'Not in an untrusted folder: only the n-gram scorer runs here.',
          },
        ],
        { title: 'LongCodeZip: Choose Scorer', placeHolder: trusted ? 'What ranks the code against your question' : 'This folder is not trusted: only the n-gram scorer runs' },
      );
      if (!scorer?.value) return;
      if (scorer.value === 'onnx' && !(await chooseModelAndDevice())) return;
      if (scorer.value === 'remote') {
        if (!trusted) {
          void vscode.window.showWarningMessage('LongCodeZip: this folder is not trusted, so only the n-gram scorer runs here; trust the folder to use a remote scorer.');
          return;
        }
        if (!(await pickRemoteServer(current))) return;
      }
      await writeSetting('scorer', scorer.value);
      log.info(`Scorer chosen: ${scorer.value}`);
    }),
  );
}
