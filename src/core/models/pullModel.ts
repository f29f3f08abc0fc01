import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { MODEL_FILES, type ModelDtype } from '../scoring/onnx/modelFolder';
import { readOnnxOutline } from '../scoring/onnx/onnxOutline';
import { DownloadError } from './download/downloadError';
import { downloadFile, type Verification } from './download/downloadFile';
import { hubEndpoint, hubFileUrl } from './download/hubEndpoint';
import { installedState, readConfig } from './installedModel';
import { isHubModelId } from './modelReference';
import { SHARED_MODEL_FILES, filesForDtype } from './modelFiles';
import { hubModelFolder, readManifest, writeManifest, type ModelManifest } from './modelStore';

export interface PullOptions {
  /** `owner/name` on the hub. */
  readonly id: string;
  readonly dtype: ModelDtype;
  /** The models folder of the CLI cache (`modelsDir(resolveCacheDir())`) or of the extension's global storage. */
  readonly modelsDirectory: string;
  /** Default: $HF_ENDPOINT or https://huggingface.co. */
  readonly endpoint?: string;
  readonly revision?: string;
  readonly signal?: AbortSignal;
  /** Local files only: report what is missing instead of fetching it. */
  readonly offline?: boolean;
  readonly idleTimeoutMs?: number;
  readonly onProgress?: (progress: PullProgress) => void;
}

/** One file of a pull: `present` (already downloaded and checked), then `downloading` with bytes, then `done`. */
export interface PullProgress {
  readonly file: string;
  /** 1-based position in the pull, and how many files it has so far (known once config.json is in). */
  readonly index: number;
  readonly count: number;
  readonly state: 'present' | 'downloading' | 'done';
  readonly receivedBytes: number;
  readonly totalBytes?: number;
  readonly resumedFromBytes: number;
}

export interface PulledFile {
  readonly file: string;
  readonly bytes: number;
  /** Undefined for a file that was already there. */
  readonly verifiedBy?: Verification;
}

export interface PulledModel {
  readonly folder: string;
  readonly files: readonly PulledFile[];
}

/** Model graphs above this are self-contained (protobuf's 2 GB limit drives big weights into external data). */
const OUTLINE_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Downloads what one weight variant of a hub model needs into `<modelsDirectory>/<owner>/<name>/`:
 * config and tokenizer, the dtype's model file, its external-data files. Files already downloaded and
 * checked are kept; an interrupted file resumes. The explicit user action behind every download.
 * Throws DownloadError (offline: failure 'offline', nothing fetched).
 */
export async function pullModel(options: PullOptions): Promise<PulledModel> {
  if (!isHubModelId(options.id)) throw new Error(`'${options.id}' is not a model id of the form owner/name`);
  const folder = hubModelFolder(options.modelsDirectory, options.id);
  if (options.offline) {
    const state = installedState(folder, options.dtype);
    if (state.complete) return { folder, files: [] };
    const absent = [...state.missing, ...state.partial, ...state.damaged];
    throw new DownloadError('offline', `offline: ${options.id} (${options.dtype}) needs ${absent.join(', ')}, which would have to be downloaded`);
  }
  const endpoint = options.endpoint ?? hubEndpoint();
  const revision = options.revision ?? 'main';
  await fs.mkdir(folder, { recursive: true });
  let manifest: ModelManifest = readManifest(folder) ?? { id: options.id, revision, files: {} };
  const pulled: PulledFile[] = [];
  const queue: string[] = [...SHARED_MODEL_FILES];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    const destination = path.join(folder, file);
    const present = await sizeOf(destination);
    let result: PulledFile & { resumedFromBytes: number };
    if (present !== undefined && manifest.files[file]?.bytes === present) {
      result = { file, bytes: present, resumedFromBytes: 0 };
    } else {
      const at = { file, index: i + 1, count: queue.length };
      const downloaded = await downloadFile({
        url: hubFileUrl(endpoint, options.id, revision, file),
        destination,
        label: `${options.id} ${file}`,
        ...(options.signal && { signal: options.signal }),
        ...(options.idleTimeoutMs !== undefined && { idleTimeoutMs: options.idleTimeoutMs }),
        onProgress: (bytes) => options.onProgress?.({ ...at, state: 'downloading', ...bytes }),
      });
      manifest = {
        ...manifest,
        ...(downloaded.commit !== undefined && { commit: downloaded.commit }),
        files: { ...manifest.files, [file]: { bytes: downloaded.bytes, verifiedBy: downloaded.verifiedBy, ...(downloaded.etag !== undefined && { etag: downloaded.etag }) } },
      };
      await writeManifest(folder, manifest);
      result = { file, bytes: downloaded.bytes, verifiedBy: downloaded.verifiedBy, resumedFromBytes: downloaded.resumedFromBytes };
    }
    if (file === 'config.json') {
      for (const next of filesForDtype(readConfig(folder), options.dtype)) if (!queue.includes(next)) queue.push(next);
    }
    if (file === MODEL_FILES[options.dtype]) {
      for (const next of await externalDataNamedIn(folder, file)) if (!queue.includes(next)) queue.push(next);
    }
    const { resumedFromBytes, ...pulledFile } = result;
    pulled.push(pulledFile);
    options.onProgress?.({
      file,
      index: i + 1,
      count: queue.length,
      state: result.verifiedBy === undefined ? 'present' : 'done',
      receivedBytes: result.bytes,
      totalBytes: result.bytes,
      resumedFromBytes,
    });
  }
  return { folder, files: pulled };
}

/** External-data files the model graph itself names (a check on config.json's hint), as paths in the model folder. */
async function externalDataNamedIn(folder: string, modelFile: string): Promise<string[]> {
  const modelPath = path.join(folder, modelFile);
  const size = await sizeOf(modelPath);
  if (size === undefined || size > OUTLINE_LIMIT_BYTES) return [];
  let locations: string[];
  try {
    locations = [...readOnnxOutline(await fs.readFile(modelPath)).externalData.keys()];
  } catch {
    return []; // not readable as ONNX: the scorer says so, naming the file, when it loads
  }
  return locations
    .map((location) => path.posix.normalize(path.posix.join(path.posix.dirname(modelFile), location.split('\\').join('/'))))
    .filter((file) => !file.startsWith('../') && !path.posix.isAbsolute(file));
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
