// The extension the real-host tests install: the linux-x64 VSIX built from this checkout.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repoPaths';

export const extensionPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  publisher: string;
  name: string;
  contributes: { commands: { command: string }[] };
};
/** What `node scripts/package.mjs --target linux-x64` builds. */
export const vsix = path.join(repoRoot, 'vsix', `longcodezip-linux-x64-${extensionPackage.version}.vsix`);

/** Stops a suite at once, saying what to run, when the VSIX has not been built. */
export function assertPackaged(): void {
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package`);
}
