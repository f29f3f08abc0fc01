import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultDtype } from '../../core/scoring/onnx/devices/defaultDtype';
import { type DeviceChoice, type DeviceName, isDeviceChoice } from '../../core/scoring/onnx/devices/deviceName';
import { providerMissing } from '../../core/scoring/onnx/devices/providerSupport';
import { hasWeights, type ModelDtype, openModelFolder } from '../../core/scoring/onnx/modelFolder';
import { parseEndpoint, type RemoteEndpoint } from '../../core/scoring/remote/remoteEndpoint';
import { checkTokenizerFolder } from '../../core/scoring/remote/remoteScorer';

/**
 * The model dtypes the settings offer (package.json, longcodezip.model.dtype); `auto`: the device's
 * choice among the weights the folder holds (q8 on the CPU, fp16 on a GPU), made once the device is known.
 */
export type SettingsDtype = 'auto' | 'q8' | 'fp16' | 'fp32';

const SETTINGS_DTYPES: readonly SettingsDtype[] = ['auto', 'q8', 'fp16', 'fp32'];

/** The weights a compression loads: the setting, or for `auto` the device's choice among those present. */
export function weightsFor(dtype: SettingsDtype, device: DeviceName, folder: string): ModelDtype {
  return dtype === 'auto' ? defaultDtype(device, (d) => hasWeights(folder, d)) : dtype;
}

/** The scorer settings as the user wrote them. */
export interface ScorerSettings {
  readonly scorer: string;
  readonly modelPath: string;
  readonly dtype: string;
  readonly device: string;
  readonly memoryLimitMB: number;
  /** The remote scorer's server (`longcodezip.remote.*`). */
  readonly remote: { readonly endpoint: string; readonly model: string; readonly tokenizerPath: string };
}

/** Which scorer a compression uses, and why when it is not the one asked for. */
export type ScorerChoice =
  | { readonly kind: 'ngram'; readonly note?: string }
  | { readonly kind: 'onnx'; readonly folder: string; readonly dtype: SettingsDtype; readonly device: DeviceChoice; readonly memoryLimitBytes: number }
  /** Checked: the endpoint parses, the model is named, the tokenizer folder has its files. Consent and key come later. */
  | { readonly kind: 'remote'; readonly endpoint: RemoteEndpoint; readonly model: string; readonly tokenizerFolder: string };

/** A setting that stops a compression: one line that names the setting to change, and that setting's key. */
export class ScorerSettingError extends Error {
  override readonly name = 'ScorerSettingError';
  constructor(
    message: string,
    readonly setting = 'longcodezip.scorer',
  ) {
    super(message);
  }
}

/**
 * `auto`: the neural scorer when `longcodezip.model.path` is a model folder, else the n-gram scorer.
 * `onnx`: the neural scorer, or an error naming the fix. `remote`: the scorer on an inference server
 * (`longcodezip.remote.*`), or an error naming the setting to fix; `auto` never picks it. In an
 * untrusted workspace only the n-gram scorer runs, whatever the settings say.
 */
export function chooseScorer(settings: ScorerSettings, trusted: boolean): ScorerChoice {
  const wanted = settings.scorer === 'ngram' || settings.scorer === 'onnx' || settings.scorer === 'remote' ? settings.scorer : 'auto';
  if (wanted === 'ngram') return { kind: 'ngram' };
  if (!trusted) {
    const ignored = wanted === 'remote' ? "the remote scorer's settings are ignored" : 'the model settings are ignored';
    return { kind: 'ngram', note: `this folder is not trusted, so only the n-gram scorer runs (${ignored})` };
  }
  if (wanted === 'remote') return chooseRemote(settings.remote);
  const modelPath = settings.modelPath.trim();
  if (modelPath === '') {
    if (wanted === 'onnx') {
      throw new ScorerSettingError('longcodezip.scorer is "onnx" but longcodezip.model.path is empty: set it to a local model folder, or set longcodezip.scorer to "ngram".');
    }
    return { kind: 'ngram' };
  }
  const folder = expandHome(modelPath);
  const dtype = SETTINGS_DTYPES.find((d) => d === settings.dtype) ?? 'auto';
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

/** The remote scorer's settings, checked without any request: each problem names its setting. */
function chooseRemote(remote: ScorerSettings['remote']): ScorerChoice {
  const missing = (key: string, what: string) =>
    new ScorerSettingError(`longcodezip.scorer is "remote" but longcodezip.remote.${key} is empty: set it to ${what}, or choose another scorer.`, `longcodezip.remote.${key}`);
  const url = remote.endpoint.trim();
  if (url === '') throw missing('endpoint', "the server's OpenAI base URL, such as http://gpu-box:8000/v1");
  let endpoint: RemoteEndpoint;
  try {
    endpoint = parseEndpoint(url);
  } catch (error) {
    throw new ScorerSettingError(`longcodezip.remote.endpoint: ${messageOf(error)}`, 'longcodezip.remote.endpoint');
  }
  const model = remote.model.trim();
  if (model === '') throw missing('model', "the model's name on the server (GET /v1/models lists it)");
  const tokenizerPath = remote.tokenizerPath.trim();
  if (tokenizerPath === '') throw missing('tokenizerPath', "a folder with the served model's tokenizer.json");
  const tokenizerFolder = expandHome(tokenizerPath);
  const problem = tokenizerFolderProblem(tokenizerFolder);
  if (problem !== undefined) throw new ScorerSettingError(`longcodezip.remote.tokenizerPath: ${problem}`, 'longcodezip.remote.tokenizerPath');
  return { kind: 'remote', endpoint, model, tokenizerFolder };
}

/** Why `folder` cannot be the remote scorer's tokenizer folder (the served model's tokenizer.json and tokenizer_config.json), if it cannot. */
export function tokenizerFolderProblem(folder: string): string | undefined {
  if (!path.isAbsolute(folder)) return `${folder} is not an absolute path: give the tokenizer folder's full path.`;
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    return `there is no folder ${folder}: point it at a folder with the served model's tokenizer.json and tokenizer_config.json.`;
  }
  try {
    checkTokenizerFolder(folder);
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

/** The quick checks before a process is started: the files loading needs are there, config.json reads. */
function modelFolderProblem(folder: string, dtype: SettingsDtype): string | undefined {
  if (!path.isAbsolute(folder)) return `${folder} is not an absolute path: give the model folder's full path.`;
  try {
    // `auto` needs some weights: the CPU's choice names what is missing when there are none.
    openModelFolder(folder, dtype === 'auto' ? weightsFor('auto', 'cpu', folder) : dtype);
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function expandHome(value: string): string {
  return value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value;
}
