import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomically } from '../cache/writeAtomically';
import type { Verification } from './download/downloadFile';

/** Where downloaded models live under a cache or storage folder: `<dir>/models/<owner>/<name>/`. */
export function modelsDir(cacheOrStorageDir: string): string {
  return path.join(cacheOrStorageDir, 'models');
}

/** The folder a hub model is downloaded into: the hub's own layout, so the scorer loads it as any folder. */
export function hubModelFolder(modelsDirectory: string, id: string): string {
  return path.join(modelsDirectory, ...id.split('/'));
}

/** Beside the model's files: what was downloaded, from which commit, and how each file was checked. */
export const MANIFEST_FILE = '.longcodezip-model.json';

export interface ManifestEntry {
  readonly bytes: number;
  readonly verifiedBy: Verification;
  readonly etag?: string;
}

export interface ModelManifest {
  readonly id: string;
  readonly revision: string;
  readonly commit?: string;
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

export function readManifest(folder: string): ModelManifest | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST_FILE), 'utf8')) as ModelManifest;
    return typeof raw.id === 'string' && typeof raw.files === 'object' && raw.files !== null ? raw : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(folder: string, manifest: ModelManifest): Promise<void> {
  await writeAtomically(path.join(folder, MANIFEST_FILE), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
}
