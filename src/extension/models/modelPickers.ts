import * as vscode from 'vscode';
import { availableDevices } from '../../core/scoring/onnx/devices/availableDevices';
import { chooseDevice } from '../../core/scoring/onnx/devices/chooseDevice';
import { defaultDtype } from '../../core/scoring/onnx/devices/defaultDtype';
import { DEVICE_TITLES, isDeviceChoice } from '../../core/scoring/onnx/devices/deviceName';
import { systemDeviceProbes } from '../../core/scoring/onnx/devices/systemDeviceProbes';
import { DownloadError } from '../../core/models/download/downloadError';
import { catalogEntry } from '../../core/models/catalog/modelCatalog';
import { listModels } from '../../core/models/listModels';
import { pullModel } from '../../core/models/pullModel';
import type { ModelDtype } from '../../core/scoring/onnx/modelFolder';
import { describeSize } from '../../core/workspace/describeSize';
import { readScorerSettings } from '../settings/readScorerSettings';
import type { ScorerSettings } from '../settings/scorerChoice';
import { modelChoices } from './modelChoices';

type Item<T> = vscode.QuickPickItem & { readonly value?: T };

/**
 * The model for the neural scorer: a catalog model (downloaded, or downloaded now with consent and
 * progress), or a folder on disk. Resolves to the model folder, or undefined when the user backs out.
 */
export async function pickModel(modelsDirectory: string, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const current = readScorerSettings();
  const dtype = await downloadDtype(current);
  const choices = modelChoices(listModels(modelsDirectory), dtype, current.modelPath);
  const items: Item<{ kind: 'catalog'; id: string; folder: string; ready: boolean } | { kind: 'browse' } | { kind: 'keep' }>[] = [
    ...choices.map((choice) => ({ label: choice.label, description: choice.description, detail: choice.detail, value: { kind: 'catalog' as const, id: choice.id, folder: choice.folder, ready: choice.state === 'in use' || choice.state === 'downloaded' } })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...(current.modelPath && !choices.some((choice) => choice.state === 'in use') ? [{ label: '$(check) Keep the model folder', description: current.modelPath, value: { kind: 'keep' as const } }] : []),
    { label: '$(folder-opened) Use a Model Folder…', detail: 'A folder in the transformers.js layout: config.json, tokenizer.json, onnx/model_quantized.onnx…', value: { kind: 'browse' } },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'LongCodeZip: Model for the Neural Scorer', placeHolder: `Weights: ${dtype} (longcodezip.model.dtype)`, matchOnDetail: true });
  const value = picked?.value;
  if (!value) return undefined;
  if (value.kind === 'keep') return current.modelPath;
  if (value.kind === 'browse') {
    const folders = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use This Model' });
    return folders?.[0]?.fsPath;
  }
  if (value.ready) return value.folder;
  return downloadWithConsent(value.id, dtype, modelsDirectory, log);
}

/** Asks first (what, how large, from where, to where); then downloads with byte progress and Cancel. */
export async function downloadWithConsent(id: string, dtype: ModelDtype, modelsDirectory: string, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const catalog = catalogEntry(id);
  const approximate = catalog?.approximateBytes[dtype];
  const answer = await vscode.window.showInformationMessage(
    `Download ${catalog?.title ?? id} (${dtype}${approximate !== undefined ? `, about ${describeSize(approximate)}` : ''})?`,
    {
      modal: true,
      detail: `LongCodeZip fetches the model's files from huggingface.co (model ${id}) into ${modelsDirectory}. Nothing from your workspace is sent. An interrupted download resumes next time.`,
    },
    'Download',
  );
  if (answer !== 'Download') return undefined;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `LongCodeZip: downloading ${catalog?.title ?? id}`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let lastPercent = 0;
      try {
        const pulled = await pullModel({
          id,
          dtype,
          modelsDirectory,
          signal: controller.signal,
          onProgress: (file) => {
            const total = file.totalBytes;
            const percent = total ? Math.floor((file.receivedBytes / total) * 100) : undefined;
            const bytes = total ? `${describeSize(file.receivedBytes)} of ${describeSize(total)}` : describeSize(file.receivedBytes);
            // The bar follows the file being fetched; it starts again with each file.
            const increment = percent === undefined ? undefined : percent < lastPercent ? undefined : percent - lastPercent;
            if (percent !== undefined) lastPercent = file.state === 'done' ? 0 : percent;
            progress.report({ message: `file ${file.index} of ${file.count}: ${file.file}, ${bytes}`, ...(increment !== undefined && { increment }) });
          },
        });
        log.info(`Downloaded ${id} (${dtype}) into ${pulled.folder}`);
        void vscode.window.showInformationMessage(`LongCodeZip: ${catalog?.title ?? id} is ready; the neural scorer uses it from the next compression.`);
        return pulled.folder;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (controller.signal.aborted || (error instanceof DownloadError && error.failure === 'cancelled')) {
          void vscode.window.showInformationMessage('LongCodeZip: download cancelled; what was fetched is kept and the download resumes next time.');
          return undefined;
        }
        log.error(`Download of ${id} failed: ${message}`);
        const choice = await vscode.window.showErrorMessage(`LongCodeZip could not download ${id}: ${message}`, 'Try Again', 'Show Log');
        if (choice === 'Show Log') log.show(true);
        if (choice === 'Try Again') return downloadWithConsent(id, dtype, modelsDirectory, log);
        return undefined;
      }
    },
  );
}

/** The device, each with whether it works on this machine (checked without loading a model). */
export async function pickDevice(current: string): Promise<string | undefined> {
  const reports = await availableDevices().catch(() => []);
  const items: Item<string>[] = [
    { label: `${current === 'auto' ? '$(check) ' : ''}Automatic`, value: 'auto', detail: 'CUDA when it is usable, else WebGPU on a hardware GPU, else the CPU.' },
    ...reports.map((report) => ({
      label: `${current === report.device ? '$(check) ' : ''}${DEVICE_TITLES[report.device]}`,
      value: report.device,
      description: report.usable ? 'available' : 'not available',
      detail: report.detail,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'LongCodeZip: Device for the Neural Scorer' });
  return picked?.value;
}

/** Writes where the value is set now: the workspace's settings if it sets it, else the user's. */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('longcodezip');
  const inspected = configuration.inspect(key);
  const target = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await configuration.update(key, value, target);
}

/** The weights to download: the dtype setting, or for `auto` what the device the settings pick would load. */
export async function downloadDtype(settings: Pick<ScorerSettings, 'dtype' | 'device'>): Promise<ModelDtype> {
  if (settings.dtype === 'q8' || settings.dtype === 'fp16' || settings.dtype === 'fp32') return settings.dtype;
  const device = isDeviceChoice(settings.device) ? settings.device : 'auto';
  try {
    return defaultDtype((await chooseDevice(device, systemDeviceProbes())).device);
  } catch {
    return defaultDtype('cpu'); // a device this machine cannot use: the compression will say so
  }
}
