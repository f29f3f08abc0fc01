import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelDtype } from '../scoring/onnx/modelFolder';
import { MODEL_CATALOG, type CatalogModel } from './catalog/modelCatalog';
import { installedState, presentDtypes } from './installedModel';
import { hubModelFolder, MANIFEST_FILE, readManifest } from './modelStore';

/** One weight variant of a downloaded model. */
export interface DownloadedDtype {
  readonly dtype: ModelDtype;
  /** Every file it needs is there with the size it was downloaded with. */
  readonly complete: boolean;
  /** Its model file and external data. */
  readonly bytes: number;
}

export interface ModelListing {
  readonly id: string;
  /** Absent for a model downloaded by id that the catalog does not know. */
  readonly catalog?: CatalogModel;
  readonly folder: string;
  readonly downloaded: readonly DownloadedDtype[];
}

/** The catalog's models, then every other model downloaded into `modelsDirectory`, each with what is on disk. */
export function listModels(modelsDirectory: string): ModelListing[] {
  const known = MODEL_CATALOG.map((catalog) => listing(modelsDirectory, catalog.id, catalog));
  const knownIds = new Set(MODEL_CATALOG.map((model) => model.id.toLowerCase()));
  const others = downloadedIds(modelsDirectory)
    .filter((id) => !knownIds.has(id.toLowerCase()))
    .map((id) => listing(modelsDirectory, id, undefined));
  return [...known, ...others];
}

function listing(modelsDirectory: string, id: string, catalog: CatalogModel | undefined): ModelListing {
  const folder = hubModelFolder(modelsDirectory, id);
  const downloaded = presentDtypes(folder).map((dtype) => {
    const state = installedState(folder, dtype);
    return { dtype, complete: state.complete, bytes: state.weightBytes };
  });
  return { id, ...(catalog && { catalog }), folder, downloaded };
}

/** `owner/name` of each folder two levels down that a pull wrote its manifest into. */
function downloadedIds(modelsDirectory: string): string[] {
  const ids: string[] = [];
  for (const owner of subfolders(modelsDirectory)) {
    for (const name of subfolders(path.join(modelsDirectory, owner))) {
      const folder = path.join(modelsDirectory, owner, name);
      if (fs.existsSync(path.join(folder, MANIFEST_FILE))) ids.push(readManifest(folder)?.id ?? `${owner}/${name}`);
    }
  }
  return ids.sort();
}

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
