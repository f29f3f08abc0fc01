import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveCacheDir } from '../../core/cache/cacheDir';
import { DEFAULT_MODEL_ID } from '../../core/models/catalog/modelCatalog';
import { ModelNotInstalledError, requireDownloaded } from '../../core/models/locateModel';
import { parseModelReference } from '../../core/models/modelReference';
import { hubModelFolder, MANIFEST_FILE, modelsDir, readManifest } from '../../core/models/modelStore';
import type { ModelDtype } from '../../core/scoring/onnx/modelFolder';
import type { CliContext } from '../cliIO';

/** The command that downloads a model, as the fix in messages names it. */
export function pullCommand(id: string, dtype?: ModelDtype): string {
  return `longcodezip models pull ${id}${dtype ? ` --dtype ${dtype}` : ''}`;
}

/** The CLI's models folder: `<cache dir>/models`. */
export function cliModelsDir(cacheDirFlag: string | undefined, context: CliContext): string {
  return modelsDir(resolveCacheDir({ flag: cacheDirFlag, env: context.env, cwd: context.cwd }));
}

/**
 * --model: a folder, or a hub id (`owner/name`) resolved to the folder `models pull` downloaded it into;
 * absent, the default model. Never downloads: a hub model that is not there is one line naming the pull.
 */
export function modelFolderFromFlag(value: string | undefined, cacheDirFlag: string | undefined, context: CliContext): string {
  const reference = parseModelReference(value ?? DEFAULT_MODEL_ID, context.cwd);
  if (reference.kind === 'folder') return reference.folder;
  const folder = hubModelFolder(cliModelsDir(cacheDirFlag, context), reference.id);
  if (!fs.existsSync(path.join(folder, 'config.json'))) throw new Error(`Model ${reference.id} is not downloaded: run \`${pullCommand(reference.id)}\``);
  return folder;
}

/** For a folder `models pull` wrote: every file of `dtype` there, at the size it was downloaded with; else the fix. */
export function requireCompleteDownload(folder: string, dtype: ModelDtype): void {
  if (!fs.existsSync(path.join(folder, MANIFEST_FILE))) return; // a folder of the user's own: the scorer checks it as it loads
  const id = readManifest(folder)?.id ?? path.basename(folder);
  try {
    requireDownloaded(folder, id, dtype);
  } catch (error) {
    if (error instanceof ModelNotInstalledError) throw new Error(`${error.message}: run \`${pullCommand(id, dtype)}\``);
    throw error;
  }
}
