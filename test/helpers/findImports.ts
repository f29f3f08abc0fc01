import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One import that breaks a layering rule: which file, what it imports. */
export interface ImportViolation {
  readonly importer: string;
  readonly imported: string;
}

/**
 * Follows every import of every TypeScript file under `dir`, the way the bundler resolves them, and
 * returns those whose target `isForbidden` says no to. Comments and strings cannot fool it.
 */
export async function findForbiddenImports(
  dir: string,
  isForbidden: (imported: string) => boolean,
): Promise<ImportViolation[]> {
  const entryPoints = listTypeScript(dir);
  const result = await esbuild.build({
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    outdir: 'unused',
    packages: 'external',
    external: ['vscode'],
    logLevel: 'silent',
  });
  const root = process.cwd();
  const violations: ImportViolation[] = [];
  for (const [importer, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) {
      const target = imported.external ? imported.path : path.resolve(root, imported.path);
      if (isForbidden(target)) violations.push({ importer: path.resolve(root, importer), imported: target });
    }
  }
  return violations;
}

function listTypeScript(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
