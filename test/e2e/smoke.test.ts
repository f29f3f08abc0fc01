import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { e2eTools, runFromPalette, startCodeServer, waitFor, type CodeServerSession } from './codeServer';
import { assertPackaged, extensionPackage, vsix } from './packagedExtension';

const extensionId = `${extensionPackage.publisher}.${extensionPackage.name}`;

describe('real VS Code host: the packaged linux-x64 VSIX', { timeout: 300_000 }, () => {
  let session: CodeServerSession;
  let workspace: string;

  before(async () => {
    assertPackaged();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-ws-'));
    fs.writeFileSync(path.join(workspace, 'greet.py'), 'def greet(name):\n    return f"Hello, {name}"\n');
    fs.writeFileSync(path.join(workspace, 'shop.py'), 'class Cart:\n    def total(self):\n        return 0\n\n    def add(self, item):\n        pass\n');
    fs.writeFileSync(path.join(workspace, '.env'), 'TOKEN=do-not-send\n');
    session = await startCodeServer({ vsix, workspace, name: 'smoke' });
  });

  after(async () => {
    await session?.screenshot('final').catch(() => undefined);
    await session?.close();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('installs with onnxruntime loadable by the host’s Node', () => {
    const installed = fs.readdirSync(session.extensionsDir).find((name) => name.startsWith(`${extensionId}-${extensionPackage.version}`));
    assert.ok(installed, `no ${extensionId} in ${fs.readdirSync(session.extensionsDir).join(', ')}`);
    const ort = path.join(session.extensionsDir, installed, 'node_modules', 'onnxruntime-node');
    const node24 = path.join(e2eTools().node24Bin, 'node');
    const probe = spawnSync(node24, ['-e', `console.log(JSON.stringify(require(${JSON.stringify(ort)}).listSupportedBackends()))`], { encoding: 'utf8' });
    assert.equal(probe.status, 0, probe.stderr);
    const backends = JSON.parse(probe.stdout) as { name: string }[];
    assert.ok(backends.some((backend) => backend.name === 'cpu'), probe.stdout);
  });

  it('is not active before the user asks for it', async () => {
    await session.page.waitForTimeout(2000);
    assert.doesNotMatch(session.readLogs(/LongCodeZip\.log$/), /activated/);
  });

  it('shows its view container in the activity bar', async () => {
    await session.page.locator('.activitybar .action-item a[aria-label^="LongCodeZip"]').waitFor({ timeout: 30_000 });
  });

  it('"LongCodeZip: Show Panel" activates the extension and opens the panel with a passing parser check', async () => {
    await runFromPalette(session.page, 'LongCodeZip: Show Panel');
    await waitFor(
      () => session.readLogs(/LongCodeZip\.log$/),
      (log) => log.includes(`LongCodeZip ${extensionPackage.version} activated`),
      'the activation line in the LongCodeZip log',
      60_000,
    );
    const outer = session.page.frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"][src*="purpose=webviewView"]`);
    const panel = outer.frameLocator('#active-frame');
    await panel.getByRole('heading', { name: `LongCodeZip ${extensionPackage.version}` }).waitFor({ timeout: 60_000 });
    const check = panel.locator('.parser-check[data-state="ok"]');
    await check.waitFor({ timeout: 60_000 });
    assert.match(await check.innerText(), /Parser check passed: python grammar parsed a sample/);
    assert.match(await panel.locator('#app').innerText(), /Budget: 4,000 tokens for questions, 2,000 for completions/);
    await session.screenshot('panel');
    assert.match(session.readLogs(/LongCodeZip\.log$/), /Parser check: python grammar loaded and parsed a sample in a parse worker/);
  });

  it('"LongCodeZip: Rebuild Index" chunks the folder in workers and keeps the index current as files change', async () => {
    const panel = session.page
      .frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"][src*="purpose=webviewView"]`)
      .frameLocator('#active-frame');
    await runFromPalette(session.page, 'LongCodeZip: Rebuild Index');
    const summary = panel.locator('.index-summary');
    // greet.py: 1 function; shop.py: class header + 2 methods; .env is a secret: skipped, never read.
    await summary.filter({ hasText: 'Index: 2 files, 4 chunks, 1 skipped.' }).waitFor({ timeout: 60_000 });
    await session.page.locator('.notifications-toasts', { hasText: 'LongCodeZip indexed 2 files into 4 chunks; 1 skipped.' }).waitFor();
    await session.screenshot('indexed');

    fs.appendFileSync(path.join(workspace, 'greet.py'), '\n\ndef farewell(name):\n    return f"Bye, {name}"\n');
    await summary.filter({ hasText: 'Index: 2 files, 5 chunks, 1 skipped.' }).waitFor({ timeout: 30_000 });
    fs.rmSync(path.join(workspace, 'shop.py'));
    await summary.filter({ hasText: 'Index: 1 file, 2 chunks, 1 skipped.' }).waitFor({ timeout: 30_000 });
  });
});
