import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_FILES, type ModelDtype } from '../scoring/onnx/modelFolder';
import { filesForDtype } from './modelFiles';
import { readManifest } from './modelStore';

/** How much of one weight variant of a downloaded model is on disk. */
export interface InstalledState {
  readonly complete: boolean;
  /** Files not there at all. */
  readonly missing: readonly string[];
  /** Files whose download was interrupted (a `.part` is there). */
  readonly partial: readonly string[];
  /** Files whose size is not what was downloaded and checked. */
  readonly damaged: readonly string[];
  /** The bytes of the dtype's own files (model and external data) that are present. */
  readonly weightBytes: number;
}

/** Checks a downloaded model's files for one dtype by name and size (cheap: no hashing). */
export function installedState(folder: string, dtype: ModelDtype): InstalledState {
  const config = readConfig(folder);
  const manifest = readManifest(folder);
  const files = filesForDtype(config, dtype);
  const missing: string[] = [];
  const partial: string[] = [];
  const damaged: string[] = [];
  let weightBytes = 0;
  for (const file of files) {
    const size = fileSize(path.join(folder, file));
    if (size === undefined) {
      (fileSize(path.join(folder, `${file}.part`)) !== undefined ? partial : missing).push(file);
      continue;
    }
    const recorded = manifest?.files[file];
    if (recorded !== undefined && recorded.bytes !== size) damaged.push(file);
    if (file.startsWith(MODEL_FILES[dtype])) weightBytes += size;
  }
  return { complete: missing.length + partial.length + damaged.length === 0, missing, partial, damaged, weightBytes };
}

/** The dtypes whose model file is in the folder, complete or not. */
export function presentDtypes(folder: string): ModelDtype[] {
  return (Object.keys(MODEL_FILES) as ModelDtype[]).filter(
    (dtype) => fileSize(path.join(folder, MODEL_FILES[dtype])) !== undefined || fileSize(path.join(folder, `${MODEL_FILES[dtype]}.part`)) !== undefined,
  );
}

export function readConfig(folder: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, 'config.json'), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function fileSize(file: string): number | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
