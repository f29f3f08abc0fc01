import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FakeVllmServer } from '../helpers/fakeVllmServer';
import { fixturesDir, repoRoot } from '../helpers/repoPaths';
import { runFromPalette, startCodeServer, waitFor, type CodeServerSession } from './codeServer';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const vsix = path.join(repoRoot, 'vsix', `longcodezip-linux-x64-${pkg.version}.vsix`);
const QUESTION = 'How is the late-return fee calculated when a member returns a book after the due date?';
const SAMPLE_FILES = ['shelfwise/__init__.py', 'shelfwise/fees.py', 'shelfwise/circulation.py', 'shelfwise/models.py', 'shelfwise/holds.py', 'shelfwise/utils/__init__.py', 'shelfwise/utils/dates.py'];
const TOKENIZER = path.join(fixturesDir, 'models', 'tiny-qwen2');

describe('real VS Code host: the remote scorer on a vLLM-shaped server', { timeout: 420_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;
  let workspace: string;
  let server: FakeVllmServer;
  let keyed: FakeVllmServer | undefined;
  const log = () => session.readLogs(/LongCodeZip\.log$/);
  const summaries = () => log().split('\n').filter((line) => /Compressed library for "/.test(line));

  before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package`);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-remote-'));
    workspace = path.join(scratch, 'library');
    for (const file of SAMPLE_FILES) {
      fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, 'examples', 'sample-project', file), path.join(workspace, file));
    }
    server = await FakeVllmServer.start();
    setWorkspaceSettings(workspace, server.url);
    session = await startCodeServer({ vsix, workspace, name: 'remote' });
    await session.page.locator('.activitybar .action-item a[aria-label^="LongCodeZip"]').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await session?.screenshot('final').catch(() => undefined);
    await session?.close();
    await server?.stop();
    await keyed?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('a server on 127.0.0.1: no consent asked; the summary, the status bar and the log name the remote scorer', async () => {
    const { page } = session;
    await askQuestion(page, QUESTION);
    const [summary] = await waitFor(summaries, (lines) => lines.length === 1, 'the summary in the log', 180_000);
    const host = new URL(server.url).host;
    assert.ok(summary!.includes(`remote scorer (tiny-qwen2, ${host})`), summary);
    await page.locator('.notification-toast', { hasText: `remote scorer (tiny-qwen2, ${host})` }).waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: new RegExp(`tiny-qwen2 · ${host.replaceAll('.', '\\.')} · [\\d.]+×`) }).waitFor({ timeout: 10_000 });
    await session.screenshot('remote-done');

    // The scores came from the server: token-id prompts for the served model, with echo and log-probs.
    const completions = server.completions;
    assert.ok(completions.length > 0, 'no request reached the server');
    for (const request of completions) {
      assert.equal(request.body!.model, 'tiny-qwen2');
      assert.equal(request.body!.echo, true);
      assert.ok(Array.isArray(request.body!.prompt) && (request.body!.prompt as unknown[]).every((ids) => Array.isArray(ids)));
    }
    assert.ok(server.tokensScored > 0);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'a consent dialog for a loopback server');
    const preview = await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
    assert.match(preview.replaceAll('\u00a0', ' '), /File: `shelfwise\//);
  });

  it('a server that wants a key: the 401 offers "Set API Key…"; the key is kept and the next compression succeeds', async () => {
    const { page } = session;
    keyed = await FakeVllmServer.start({ apiKey: 'team-key' });
    setWorkspaceSettings(workspace, keyed.url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await askQuestion(page, QUESTION);
    const refused = page.locator('.notification-toast', { hasText: 'refused the request (401' });
    await refused.waitFor({ timeout: 120_000 });
    await session.screenshot('remote-401');
    assert.ok(keyed.received.every((request) => request.headers.authorization === undefined), 'a key was sent before one was set');
    await refused.locator('.monaco-button', { hasText: 'Set API Key…' }).click();

    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'LongCodeZip: Set Remote Scorer API Key' }).waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-widget .quick-input-box input').fill('team-key');
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast', { hasText: `the API key for ${keyed.url} is saved` }).waitFor({ timeout: 30_000 });

    await askQuestion(page, QUESTION);
    const lines = await waitFor(summaries, (found) => found.length === 2, 'the second summary', 180_000);
    assert.ok(lines[1]!.includes(`remote scorer (tiny-qwen2, ${new URL(keyed.url).host})`), lines[1]);
    const withKey = keyed.completions;
    assert.ok(withKey.length > 0);
    assert.ok(withKey.every((request) => request.headers.authorization === 'Bearer team-key'));
  });

  it('a server that is not this machine: asked once in a modal; a no sends nothing, a yes is remembered', async () => {
    const { page } = session;
    // 0.0.0.0 reaches this machine on Linux, but it is not a loopback name: the extension treats it as
    // a server elsewhere, so the consent path runs against the local fake server.
    const elsewhere = `http://0.0.0.0:${new URL(server.url).port}/v1`;
    const host = new URL(elsewhere).host;
    server.reset();
    setWorkspaceSettings(workspace, elsewhere);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const question = `Send code from this workspace to the scoring server at ${host}?`;

    await askQuestion(page, QUESTION);
    await clickDialogButton(page, 'Cancel', question);
    const declined = page.locator('.notification-toast', { hasText: `the code was not sent to the scoring server at ${host}: you did not allow it` });
    await declined.waitFor({ timeout: 30_000 });
    assert.equal(await declined.locator('.monaco-button', { hasText: 'Choose Scorer…' }).count(), 1);
    assert.equal(server.received.length, 0, 'a request went out without consent');

    await askQuestion(page, QUESTION);
    await page.locator('.monaco-dialog-box', { hasText: question }).waitFor({ timeout: 60_000 });
    await session.screenshot('remote-consent');
    await clickDialogButton(page, 'Send', question);
    const lines = await waitFor(summaries, (found) => found.length === 3, 'the summary after consent', 180_000);
    assert.ok(lines[2]!.includes(`remote scorer (tiny-qwen2, ${host})`), lines[2]);
    assert.ok(server.completions.length > 0, 'nothing was scored on the server');

    // Remembered for that server: the next compression is not asked about.
    await askQuestion(page, QUESTION);
    await waitFor(summaries, (found) => found.length === 4, 'the summary without a question', 180_000);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0);
  });

  it('a tokenizer folder that is not there: one sentence naming the setting, with "Open Settings"', async () => {
    const { page } = session;
    setWorkspaceSettings(workspace, server.url, path.join(scratch, 'no-tokenizer-here'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await runFromPalette(page, 'LongCodeZip: Compress for a Question…');
    const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'LongCodeZip: Compress for a Question' });
    await title.waitFor({ timeout: 60_000 });
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-toast', { hasText: 'longcodezip.remote.tokenizerPath: there is no folder' });
    await toast.waitFor({ timeout: 60_000 });
    await session.screenshot('remote-no-tokenizer');
    assert.equal(await toast.locator('.monaco-button', { hasText: 'Open Settings' }).count(), 1);
    assert.equal(await toast.locator('.monaco-button', { hasText: 'Choose Scorer…' }).count(), 1);
  });
});

function setWorkspaceSettings(workspace: string, endpoint: string, tokenizerPath = TOKENIZER): void {
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const settings = {
    'longcodezip.budget.question': 1500,
    'longcodezip.exclude': ['**/.vscode/**'],
    'longcodezip.scorer': 'remote',
    'longcodezip.remote.endpoint': endpoint,
    'longcodezip.remote.model': 'tiny-qwen2',
    'longcodezip.remote.tokenizerPath': tokenizerPath,
  };
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

async function clickDialogButton(page: Page, button: string, message: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: message });
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.locator('.monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
}

async function askQuestion(page: Page, question: string): Promise<void> {
  await runFromPalette(page, 'LongCodeZip: Compress for a Question…');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'LongCodeZip: Compress for a Question' }).waitFor({ timeout: 60_000 });
  await page.locator('.quick-input-widget .quick-input-box input').fill(question);
  await page.keyboard.press('Enter');
}
