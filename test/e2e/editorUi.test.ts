import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { fixturesDir, repoRoot } from '../helpers/repoPaths';
import { runFromPalette, waitFor, type CodeServerSession } from './codeServer';
import { endSession, QUESTION, sampleLibrary, writeFolderSettings } from './sampleLibrary';
import { compressForQuestion, openWorkbench, previewText } from './workbenchSteps';

/** The lenses the tests read. */
const CODE_LENS = { 'editor.codeLens': true };
/** Set by scripts/screenshots.mjs: the folder to write the README's picture of the preview into. */
const DOCS_DIR = process.env.LONGCODEZIP_DOCS_SCREENSHOTS;

describe('real VS Code host: commands, preview, decorations, CodeLens, status bar', { timeout: 480_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;
  const log = () => session.readLogs(/LongCodeZip\.log$/);
  const summaries = () => log().split('\n').filter((line) => /Compressed library (for "|at )/.test(line));

  before(async () => {
    const library = sampleLibrary('lcz-editor-', CODE_LENS);
    scratch = library.scratch;
    session = await openWorkbench(library.workspace, { name: 'editor' });
    await session.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  after(() => endSession(session, scratch, 'editor-final'));

  it('compresses from the palette; the preview shows the markdown that would be sent', async () => {
    const { page } = session;
    await openFile(page, 'fees.py');
    await compressForQuestion(page, QUESTION);

    const [summary] = await waitFor(summaries, (lines) => lines.length === 1, 'the summary in the log', 120_000);
    assert.match(summary!, /[\d,]+ → [\d,]+ tokens \([\d.]+×, budget 1,500\)/);
    const preview = await previewText(page);
    assert.match(preview, /^File: `shelfwise\/\S+\.py`\n```python\n/);
    assert.match(preview, /lines omitted/);
    await session.screenshot('editor-preview');
  });

  it('fades dropped code in the source editor, keeps kept code opaque, and puts lenses above functions', async () => {
    const { page } = session;
    await openFile(page, 'fees.py');
    // compute_late_fee answers the question: kept (whole or trimmed), drawn at full opacity.
    await goToLine(page, 90);
    const lenses = page.locator('.editor-group-container.active .codelens-decoration');
    await lenses.first().waitFor({ timeout: 30_000 });
    const titles = await lenses.allInnerTexts();
    assert.ok(titles.some((title) => /^(kept|trimmed) · fused score \d\.\d\d · [\d,]+( of [\d,]+)? tokens$/.test(title.trim())), titles.join('\n'));
    assert.ok((await opacities(page)).some((opacity) => opacity === 1));
    // Further down, functions about other fees are dropped: faded, with a lens that says so.
    await goToLine(page, 175);
    await until(async () => (await lensTexts(page)).some((title) => title.startsWith('dropped · fused score')), 'a "dropped" lens');
    const faded = (await opacities(page)).filter((opacity) => opacity < 1);
    assert.ok(faded.length > 0, 'no faded text in view');
    assert.ok(faded.every((opacity) => Math.abs(opacity - 0.45) < 0.01), `opacities: ${faded.join(', ')}`);
    await session.screenshot('editor-decorations');
  });

  it('the status bar shows the scorer and the last ratio', async () => {
    const item = session.page.locator('.statusbar-item', { hasText: /n-gram · [\d.]+×/ });
    await item.waitFor({ timeout: 10_000 });
  });

  it('copies the compressed context as markdown', async () => {
    const copied = await copyCompressed(session.page);
    assert.match(copied, /^File: `shelfwise\/\S+\.py`\n```python\n/);
    // The question's function is in it: the n-gram scorer ranks it first.
    assert.match(copied, /def compute_late_fee\(/);
  });

  it('pins the function at the cursor; the next compression keeps it whole', async () => {
    const { page } = session;
    await openFile(page, 'fees.py');
    await goToLine(page, 140);
    await runFromPalette(page, 'LongCodeZip: Pin Function at Cursor');
    await page.locator('.notifications-toasts', { hasText: 'pinned shelfwise/fees.py: compute_lost_item_charge' }).waitFor({ timeout: 30_000 });
    await until(async () => (await lensTexts(page)).some((title) => title.includes('pinned · Unpin')), 'the pin lens');

    await compressForQuestion(page, undefined);
    await waitFor(summaries, (lines) => lines.length === 2, 'the second summary', 120_000);
    const copied = await copyCompressed(page);
    // Kept whole: the function exactly as in the file.
    const source = fs.readFileSync(path.join(repoRoot, 'examples', 'sample-project', 'shelfwise', 'fees.py'), 'utf8');
    const start = source.indexOf('def compute_lost_item_charge(');
    const whole = source.slice(start, source.indexOf('\n\n', start));
    assert.ok(copied.includes(whole), copied);
  });

  it('ctrl+alt+z compresses the context for a completion at the cursor', async () => {
    const { page } = session;
    await openFile(page, 'holds.py');
    await goToLine(page, 60);
    await page.keyboard.press('Control+Alt+KeyZ');
    const lines = await waitFor(summaries, (found) => found.length === 3, 'the completion summary', 120_000);
    assert.match(lines[2]!, /Compressed library at shelfwise\/holds\.py:60:\d+: [\d,]+ → [\d,]+ tokens \([\d.]+×, budget 2,000\)/);
    // The code before the cursor comes last: read the whole text through Copy.
    const copied = await copyCompressed(page);
    assert.match(copied, /File: `shelfwise\/holds\.py` \(up to the cursor\)\n```python\n/);
  });

  // Only for scripts/screenshots.mjs (docs/preview.png); CI does not define this test.
  if (DOCS_DIR) it('makes the picture of the preview beside the decorated source', async () => {
    const { page } = session;
    await compressForQuestion(page, QUESTION);
    await waitFor(summaries, (found) => found.length === 4, 'the fourth summary', 120_000);
    await previewText(page);
    await runFromPalette(page, 'View: Move Editor into Right Group');
    await runFromPalette(page, 'View: Focus First Editor Group');
    await openFile(page, 'fees.py');
    // Room for the two editors: no secondary side bar, no notifications; kept and dropped functions in view.
    await page.keyboard.press('Control+Alt+KeyB');
    await runFromPalette(page, 'Notifications: Clear All Notifications');
    await goToLine(page, 150);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(DOCS_DIR!, 'preview.png') });
  });
});

describe('real VS Code host: an untrusted folder', { timeout: 300_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;

  before(async () => {
    const library = sampleLibrary('lcz-editor-untrusted-');
    scratch = library.scratch;
    // A model and the neural scorer asked for: an untrusted folder must not load it.
    const model = path.join(scratch, 'tiny-qwen2');
    fs.cpSync(path.join(fixturesDir, 'models', 'tiny-qwen2'), model, { recursive: true });
    writeFolderSettings(library.workspace, { ...CODE_LENS, 'longcodezip.scorer': 'onnx', 'longcodezip.model.path': model });
    session = await openWorkbench(library.workspace, { name: 'editor-untrusted', trust: 'ask' });
  });

  after(() => endSession(session, scratch, 'editor-untrusted-final'));

  it('compresses with the n-gram scorer only, and says so in the notification and the status bar', async () => {
    const { page } = session;
    await compressForQuestion(page, QUESTION);
    const toast = page.locator('.notifications-toasts', { hasText: 'this folder is not trusted, so only the n-gram scorer runs' });
    await toast.waitFor({ timeout: 120_000 });
    assert.match(await toast.innerText(), /ngram scorer \(kn3-cache, cpu\)/);
    await page.locator('.statusbar-item', { hasText: /n-gram only · [\d.]+×/ }).waitFor({ timeout: 10_000 });
    assert.doesNotMatch(session.readLogs(/LongCodeZip\.log$/), /onnx scorer/);
    await session.screenshot('editor-untrusted');
  });
});

/** Runs "Copy Compressed Context" and returns the clipboard once the copy has landed there. */
async function copyCompressed(page: Page): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await runFromPalette(page, 'LongCodeZip: Copy Compressed Context');
  await until(async () => (await page.evaluate(() => navigator.clipboard.readText())) !== '', 'the copied text');
  await page.locator('.notifications-toasts', { hasText: 'copied the compressed context' }).first().waitFor({ timeout: 10_000 });
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Polls an async check until it holds. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Quick Open: the file by name. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
}

/** Go to Line, with the line near the top of the view. */
async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

/** Computed opacity of every piece of text drawn in the active editor. */
async function opacities(page: Page): Promise<number[]> {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('.view-line span span')].filter((span) => span.innerText.trim() !== '').map((span) => Number(getComputedStyle(span).opacity)),
  );
}

async function lensTexts(page: Page): Promise<string[]> {
  return (await page.locator('.editor-group-container.active .codelens-decoration').allInnerTexts()).map((text) => text.trim());
}
