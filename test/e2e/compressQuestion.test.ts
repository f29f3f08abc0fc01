import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { fixturesDir, repoRoot } from '../helpers/repoPaths';
import { runFromPalette, startCodeServer, waitFor, type CodeServerSession } from './codeServer';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const vsix = path.join(repoRoot, 'vsix', `longcodezip-linux-x64-${pkg.version}.vsix`);
const QUESTION = 'How is the late-return fee calculated when a member returns a book after the due date?';
const SAMPLE_FILES = ['shelfwise/__init__.py', 'shelfwise/fees.py', 'shelfwise/circulation.py', 'shelfwise/models.py', 'shelfwise/holds.py', 'shelfwise/utils/__init__.py', 'shelfwise/utils/dates.py'];

describe('real VS Code host: "LongCodeZip: Compress for a Question…"', { timeout: 420_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;
  let workspace: string;
  let model: string;
  let ngramPreview: string;
  const log = () => session.readLogs(/LongCodeZip\.log$/);
  const summaries = () => log().split('\n').filter((line) => line.includes(' for "') && line.includes(' tokens ('));

  before(async () => {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run npm run package`);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-compress-'));
    workspace = path.join(scratch, 'library');
    for (const file of SAMPLE_FILES) {
      fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, 'examples', 'sample-project', file), path.join(workspace, file));
    }
    model = path.join(scratch, 'models', 'tiny-qwen2');
    fs.cpSync(path.join(fixturesDir, 'models', 'tiny-qwen2'), model, { recursive: true });
    setWorkspaceSettings(workspace, {});
    session = await startCodeServer({ vsix, workspace, name: 'compress' });
    // The palette lists only commands known when it opens: wait until the extension's contributions are in.
    await session.page.locator('.activitybar .action-item a[aria-label^="LongCodeZip"]').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await session?.screenshot('final').catch(() => undefined);
    await session?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('with the n-gram scorer: asks for the question, shows the compressed code in a preview and the summary in the log', async () => {
    await runFromPalette(session.page, 'LongCodeZip: Compress for a Question…');
    await answerQuestionBox(session.page, QUESTION);

    const summary = await waitFor(summaries, (lines) => lines.length === 1, 'the summary in the LongCodeZip log', 120_000);
    assert.match(summary[0]!, /for "How is the late-return fee calculated.*": [\d,]+ → [\d,]+ tokens \([\d.]+×, budget 1,500\) · \d+ of \d+ chunks kept · ngram scorer \(kn3-cache, cpu\)/);
    const [, originalTokens, compressedTokens] = /([\d,]+) → ([\d,]+) tokens/.exec(summary[0]!)!;
    assert.ok(toNumber(compressedTokens!) <= 1500 && toNumber(compressedTokens!) < toNumber(originalTokens!) / 3, summary[0]);

    const preview = await previewText(session.page);
    ngramPreview = preview;
    assert.match(preview, /^# File: shelfwise\/\S+\.py$/m);
    assert.match(preview, /lines omitted/);
    assert.match(preview, /def \w+\(/);
    await session.page.locator('.notifications-toasts', { hasText: 'ngram scorer (kn3-cache, cpu)' }).waitFor({ timeout: 10_000 });
    assert.match(log(), /Extension host: longest stall \d+ ms; n-gram training \d+ ms/);
    await session.screenshot('ngram-preview');
  });

  it('with longcodezip.scorer "onnx" and a model folder: scores with that model in the real host', async () => {
    setWorkspaceSettings(workspace, { 'longcodezip.scorer': 'onnx', 'longcodezip.model.path': model });
    await waitFor(log, (text) => text.includes(`longcodezip.model.path is "${model}"`), 'the settings change in the log');
    await runFromPalette(session.page, 'LongCodeZip: Compress for a Question…');
    // The last question is offered again.
    await answerQuestionBox(session.page, undefined, QUESTION);

    const summary = await waitFor(summaries, (lines) => lines.length === 2, 'the second summary in the LongCodeZip log', 180_000);
    assert.match(summary[1]!, /· \d+ of \d+ chunks kept · onnx scorer \(tiny-qwen2, cpu, q8\)/);
    await session.page.locator('.notifications-toasts', { hasText: 'onnx scorer (tiny-qwen2, cpu, q8)' }).waitFor({ timeout: 10_000 });
    // The tiny model ranks differently from the n-gram scorer: the open preview shows the new result.
    let preview = await previewText(session.page);
    for (const deadline = Date.now() + 10_000; preview === ngramPreview && Date.now() < deadline; ) preview = await previewText(session.page);
    assert.notEqual(preview, ngramPreview, 'the preview still shows the n-gram result');
    assert.match(preview, /^# File: shelfwise\/\S+\.py$/m);
    await session.screenshot('onnx-preview');
  });

  it('a model folder with a missing weights file gives one message that names the fix, and the host carries on', async () => {
    fs.rmSync(path.join(model, 'onnx', 'model.onnx_data'));
    setWorkspaceSettings(workspace, { 'longcodezip.scorer': 'onnx', 'longcodezip.model.path': model, 'longcodezip.model.dtype': 'fp32' });
    await waitFor(log, (text) => text.includes('(fp32)'), 'the dtype change in the log');
    await runFromPalette(session.page, 'LongCodeZip: Compress for a Question…');
    await answerQuestionBox(session.page, undefined, QUESTION);
    const toast = session.page.locator('.notifications-toasts', { hasText: 'model.onnx_data is missing' });
    await toast.waitFor({ timeout: 60_000 });
    assert.match(await toast.innerText(), /could not compress with the neural scorer: Model file onnx\/model\.onnx_data is missing in .*tiny-qwen2: the model was not fully downloaded; download it again\./);
    await session.screenshot('missing-model');

    setWorkspaceSettings(workspace, { 'longcodezip.scorer': 'ngram' });
    await waitFor(log, (text) => text.includes('longcodezip.scorer is "ngram"'), 'the switch back to ngram in the log');
    await runFromPalette(session.page, 'LongCodeZip: Compress for a Question…');
    await answerQuestionBox(session.page, undefined, QUESTION);
    const summary = await waitFor(summaries, (lines) => lines.length === 3, 'a third summary', 120_000);
    assert.match(summary[2]!, /ngram scorer/);
  });
});

/**
 * The folder's .vscode/settings.json (VS Code follows it as it changes): a budget well below the ~6k
 * tokens of the files, so the preview shows real compression; .vscode itself is not compressed; plain text.
 */
function setWorkspaceSettings(workspace: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  // Plain text: file headers are Python comments and the preview is shown as Python.
  const all = { 'longcodezip.budget.question': 1500, 'longcodezip.exclude': ['**/.vscode/**'], 'longcodezip.format': 'text', ...settings };
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(all, null, 2));
}

/** Types `question` into the command's input box (or checks it offers `offered`), and presses Enter. */
async function answerQuestionBox(page: Page, question: string | undefined, offered?: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'LongCodeZip: Compress for a Question' }).waitFor({ timeout: 60_000 });
  if (offered !== undefined) assert.equal(await input.inputValue(), offered);
  if (question !== undefined) await input.fill(question);
  await page.keyboard.press('Enter');
}

/** The text the preview editor shows (its visible lines). */
async function previewText(page: Page): Promise<string> {
  await page.locator('.tabs-container .tab.active', { hasText: 'Compressed context' }).waitFor({ timeout: 30_000 });
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  await lines.locator('.view-line', { hasText: 'File:' }).first().waitFor({ timeout: 30_000 });
  const text = await lines.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('.view-line')]
      .map((line) => ({ top: parseFloat(line.style.top), text: line.innerText }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join('\n'),
  );
  return text.replaceAll('\u00a0', ' ');
}

function toNumber(text: string): number {
  return Number(text.replaceAll(',', ''));
}
