import * as os from 'node:os';
import * as path from 'node:path';
import { type DeviceChoice, isDeviceChoice } from '../../core/models/devices/deviceName';
import { providerMissing } from '../../core/models/devices/providerSupport';
import { openModelFolder } from '../../core/scoring/onnx/modelFolder';

/** The model dtypes the settings offer (package.json, longcodezip.model.dtype). */
export type SettingsDtype = 'q8' | 'fp32';

/** The scorer settings as the user wrote them. */
export interface ScorerSettings {
  readonly scorer: string;
  readonly modelPath: string;
  readonly dtype: string;
  readonly device: string;
  readonly memoryLimitMB: number;
}

/** Which scorer a compression uses, and why when it is not the one asked for. */
export type ScorerChoice =
  | { readonly kind: 'ngram'; readonly note?: string }
  | { readonly kind: 'onnx'; readonly folder: string; readonly dtype: SettingsDtype; readonly device: DeviceChoice; readonly memoryLimitBytes: number };

/** A setting that stops a compression: one line that names the setting to change. */
export class ScorerSettingError extends Error {
  override readonly name = 'ScorerSettingError';
}

/**
 * `auto`: the neural scorer when `longcodezip.model.path` is a model folder, else the n-gram scorer.
 * `onnx`: the neural scorer, or an error naming the fix. In an untrusted workspace only the n-gram
 * scorer runs, whatever the settings say.
 */
export function chooseScorer(settings: ScorerSettings, trusted: boolean): ScorerChoice {
  const wanted = settings.scorer === 'ngram' || settings.scorer === 'onnx' ? settings.scorer : 'auto';
  if (wanted === 'ngram') return { kind: 'ngram' };
  if (!trusted) {
    return { kind: 'ngram', note: 'this folder is not trusted, so only the n-gram scorer runs (the model settings are ignored)' };
  }
  const modelPath = settings.modelPath.trim();
  if (modelPath === '') {
    if (wanted === 'onnx') {
      throw new ScorerSettingError('longcodezip.scorer is "onnx" but longcodezip.model.path is empty: set it to a local model folder, or set longcodezip.scorer to "ngram".');
    }
    return { kind: 'ngram' };
  }
  const folder = expandHome(modelPath);
  const dtype: SettingsDtype = settings.dtype === 'fp32' ? 'fp32' : 'q8';
  const problem = modelFolderProblem(folder, dtype);
  if (problem !== undefined) {
    if (wanted === 'onnx') throw new ScorerSettingError(`longcodezip.model.path: ${problem}`);
    return { kind: 'ngram', note: `longcodezip.model.path: ${problem} (the n-gram scorer ran instead)` };
  }
  const device = isDeviceChoice(settings.device) ? settings.device : 'auto';
  const unavailable = device === 'auto' ? undefined : providerMissing(device, process.platform, process.arch);
  if (unavailable !== undefined) throw new ScorerSettingError(`longcodezip.device is "${device}", but ${unavailable}: set it to "auto".`);
  const megabytes = Number.isFinite(settings.memoryLimitMB) && settings.memoryLimitMB > 0 ? settings.memoryLimitMB : 4096;
  return { kind: 'onnx', folder, dtype, device, memoryLimitBytes: Math.round(megabytes * 1024 * 1024) };
}

/** The quick checks before a process is started: the files loading needs are there, config.json reads. */
function modelFolderProblem(folder: string, dtype: SettingsDtype): string | undefined {
  if (!path.isAbsolute(folder)) return `${folder} is not an absolute path: give the model folder's full path.`;
  try {
    openModelFolder(folder, dtype);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function expandHome(value: string): string {
  return value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value;
}
