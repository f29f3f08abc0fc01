import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findForbiddenImports } from '../../helpers/findImports';
import { fixturesDir, repoRoot } from '../../helpers/repoPaths';

const srcDir = path.join(repoRoot, 'src');
/** src/core is the engine: it may not reach VS Code, nor the shells built on top of it. */
const outsideCore = (imported: string): boolean =>
  imported === 'vscode' ||
  imported.startsWith(path.join(srcDir, 'extension') + path.sep) ||
  imported.startsWith(path.join(srcDir, 'cli') + path.sep) ||
  imported.startsWith(path.join(srcDir, 'webview') + path.sep);

describe('layering: src/core', () => {
  it('never imports vscode, the extension, the CLI or the webview', async () => {
    const violations = await findForbiddenImports(path.join(srcDir, 'core'), outsideCore);
    assert.deepEqual(violations, []);
  });

  it('the check catches a core file that reaches vscode through another file', async () => {
    const dir = path.join(fixturesDir, 'layering', 'core-leaks-vscode');
    const violations = await findForbiddenImports(dir, outsideCore);
    assert.deepEqual(violations, [{ importer: path.join(dir, 'settings.ts'), imported: 'vscode' }]);
  });

  it('the check passes a core folder that keeps the rule', async () => {
    const violations = await findForbiddenImports(path.join(fixturesDir, 'layering', 'core-clean'), outsideCore);
    assert.deepEqual(violations, []);
  });
});
