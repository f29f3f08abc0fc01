import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';

/** What to put at a relative path: text (UTF-8), bytes, or a symbolic link to a target. */
export type Entry = string | Uint8Array | { readonly symlink: string };

/**
 * A fresh folder under the system temp dir holding `entries`, removed after the suite (or file) it is
 * made in: call it in a describe body or at the top level, not in a hook or test.
 */
export function scratchTree(entries: Record<string, Entry>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-workspace-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  writeEntries(root, entries);
  return root;
}

export function writeEntries(root: string, entries: Record<string, Entry>): void {
  for (const [relative, entry] of Object.entries(entries)) {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof entry === 'object' && 'symlink' in entry) fs.symlinkSync(entry.symlink, file);
    else fs.writeFileSync(file, entry);
  }
}

/** Tests run as root in CI containers, where permission bits do not stop a read. */
export const runningAsRoot = process.getuid?.() === 0;
