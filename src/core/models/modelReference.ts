import * as fs from 'node:fs';
import * as path from 'node:path';

/** What `--model` (or the model setting) names: a repository on the model hub, or a folder on disk. */
export type ModelReference = { readonly kind: 'hub'; readonly id: string } | { readonly kind: 'folder'; readonly folder: string };

/** `owner/name`, as the hub spells repository ids. */
export function isHubModelId(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text) && !text.includes('..') && !text.endsWith('.git');
}

/** An existing folder wins over a hub id of the same spelling; anything else that is not `owner/name` is a folder. */
export function parseModelReference(text: string, cwd: string): ModelReference {
  const folder = path.resolve(cwd, text);
  if (isHubModelId(text) && !isDirectory(folder)) return { kind: 'hub', id: text };
  return { kind: 'folder', folder };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
