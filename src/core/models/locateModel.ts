import type { ModelDtype } from '../scoring/onnx/modelFolder';
import { installedState } from './installedModel';
import type { ModelReference } from './modelReference';
import { hubModelFolder } from './modelStore';

/**
 * A hub model that is not (fully) downloaded for the dtype asked for. The message says what is wrong;
 * the caller adds the fix in its own words (a CLI command, an extension button), from `id` and `dtype`.
 */
export class ModelNotInstalledError extends Error {
  override readonly name = 'ModelNotInstalledError';
  constructor(
    message: string,
    readonly id: string,
    readonly dtype: ModelDtype,
  ) {
    super(message);
  }
}

/**
 * The folder to load a model from. Local files only: a hub id resolves to its downloaded folder under
 * `modelsDirectory`, which must hold every file the dtype needs; a folder is returned as it is (the
 * scorer checks it when it loads). Throws ModelNotInstalledError.
 */
export function locateModel(reference: ModelReference, dtype: ModelDtype, modelsDirectory: string): string {
  if (reference.kind === 'folder') return reference.folder;
  const folder = hubModelFolder(modelsDirectory, reference.id);
  requireDownloaded(folder, reference.id, dtype);
  return folder;
}

/** Throws ModelNotInstalledError unless the downloaded folder holds every file `dtype` needs, at its downloaded size. */
export function requireDownloaded(folder: string, id: string, dtype: ModelDtype): void {
  const state = installedState(folder, dtype);
  if (state.complete) return;
  const name = `Model ${id} (${dtype})`;
  let problem: string;
  if (state.partial.length > 0) problem = `${name} is partly downloaded (${state.partial.join(', ')} unfinished)`;
  else if (state.damaged.length > 0) problem = `${name} has damaged files in ${folder} (${state.damaged.join(', ')}: not the size that was downloaded)`;
  else if (!state.missing.includes('config.json')) problem = `${name} is missing ${state.missing.join(', ')} in ${folder}`;
  else problem = `${name} is not downloaded`;
  throw new ModelNotInstalledError(problem, id, dtype);
}
