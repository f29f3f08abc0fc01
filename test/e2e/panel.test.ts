import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { runFromPalette, type CodeServerSession } from './codeServer';
import { extensionPackage } from './packagedExtension';
import { endSession, QUESTION, sampleLibrary } from './sampleLibrary';
import { openWorkbench } from './workbenchSteps';

/** Set by scripts/screenshots.mjs: the folder to write the README's picture of the panel into. */
const DOCS_DIR = process.env.LONGCODEZIP_DOCS_SCREENSHOTS;

describe('real VS Code host: the sidebar panel', { timeout: 420_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;
  let panel: FrameLocator;

  before(async () => {
    const library = sampleLibrary('lcz-panel-');
    scratch = library.scratch;
    session = await openWorkbench(library.workspace, { name: 'panel' });
    panel = panelFrame(session.page);
    await runFromPalette(session.page, 'LongCodeZip: Show Panel');
  });

  after(() => endSession(session, scratch, 'panel-final'));

  it('compresses for a question typed in the panel and lists the kept function with its evidence', async () => {
    const query = panel.locator('#query');
    await query.waitFor({ timeout: 60_000 });
    // The slider starts at the folder's budget setting.
    await panel.locator('#budget-figure', { hasText: '1,500 tokens' }).waitFor({ timeout: 30_000 });
    await query.fill(QUESTION);
    await query.press('Enter');

    const figures = panel.locator('#figures');
    await figures.waitFor({ timeout: 120_000 });
    const [original, compressed] = numbers(await figures.innerText());
    assert.ok(compressed! <= 1500 && compressed! < original! / 2, await figures.innerText());
    assert.match(await panel.locator('.result-header').innerText(), /ngram scorer · kn3/);
    assert.match(await panel.locator('.stages').innerText(), /Rank\s+\S+ m?s/);

    const fee = chunkRow(panel, 'compute_late_fee');
    await fee.waitFor();
    assert.match(await fee.getAttribute('data-status') ?? '', /^(kept|partial)$/);
    assert.match(await fee.innerText(), /AMI #\d+/);
    assert.match(await fee.innerText(), /BM25 #\d+/);
    assert.match(await fee.innerText(), /ranked #\d+ of \d+/);
    await session.screenshot('panel-result');
  });

  it('the budget slider re-selects from cached scores: new figures, nothing scored again', async () => {
    const before = numbers(await panel.locator('#figures').innerText());
    const slider = panel.locator('#budget');
    await slider.focus();
    // Three steps down (100 tokens each at this size); the figure follows at once, the run on release.
    for (let i = 0; i < 3; i++) await slider.press('ArrowLeft');
    await panel.locator('#budget-figure', { hasText: '1,200 tokens' }).waitFor({ timeout: 5_000 });
    await panel.locator('#result-budget', { hasText: 'Budget 1,200' }).waitFor({ timeout: 60_000 });
    const after = numbers(await panel.locator('#figures').innerText());
    assert.equal(after[0], before[0], 'the same files went in');
    assert.ok(after[1]! <= 1200 && after[1] !== before[1], `${before} -> ${after}`);
    // Re-selected from cached scores only: nothing computed at either stage; what was never scored is said.
    assert.match(await panel.locator('#scoring').innerText(), /^Ranking: [\d,]+ scores from the cache, none computed(; [\d,]+ never scored \(re-selected from the cache\))?$/);
    await session.screenshot('panel-rebudget');
  });

  it('is usable from the keyboard: Enter on a chunk opens its code at its first line', async () => {
    const fee = chunkRow(panel, 'compute_late_fee');
    const firstLine = Number(/lines (\d+)/.exec((await fee.getAttribute('title')) ?? '')?.[1]);
    assert.ok(firstLine > 0);
    await fee.focus();
    await fee.press('Enter');
    await session.page.locator('.tabs-container .tab.active', { hasText: 'fees.py' }).waitFor({ timeout: 30_000 });
    await session.page.locator('.statusbar-item', { hasText: `Ln ${firstLine},` }).waitFor({ timeout: 10_000 });
    await session.screenshot('panel-reveal');
  });

  it('filters and sorts the tree', async () => {
    await panel.locator('#filter').fill('late_fee');
    const names = await until(() => panel.locator('.chunk-name').allInnerTexts(), (shown) => shown.length > 0 && shown.every((name) => name.toLowerCase().includes('late_fee')), 'only chunks named *late_fee*, in any case');
    assert.ok(names.includes('compute_late_fee'), names.join(', '));
    await panel.locator('#filter').fill('');
    await panel.locator('#show-dropped').click();
    assert.equal(await panel.locator('.chunk-row[data-status="dropped"]').count(), 0);
    assert.equal(await panel.locator('#show-dropped').getAttribute('aria-pressed'), 'false');
    await panel.locator('#sort').selectOption('score');
    const scores = await panel.locator('.tree > li:first-child .chunk-score').allInnerTexts();
    const values = scores.filter((text) => /\d/.test(text)).map((text) => Number(/[\d.e-]+$/.exec(text)![0]));
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
    await panel.locator('#show-dropped').click();
    await panel.locator('.chunk-row[data-status="dropped"]').first().waitFor();
    await session.screenshot('panel-sorted');
    if (DOCS_DIR) await docsPicture(session.page, panel, path.join(DOCS_DIR, 'panel.png'));
  });

  it('Send hands the compression to the hand-off command, or says plainly that there is none', async () => {
    await panel.locator('#send').click();
    if (extensionPackage.contributes.commands.some((command) => command.command === 'longcodezip.sendToLanguageModel')) {
      const page = session.page;
      // The hand-off ran (this host has no chat model: it says so and offers to set up an endpoint).
      await until(async () => session.readLogs(/LongCodeZip\.log$/), (log) => /\bSend to\b/i.test(log), 'the hand-off in the LongCodeZip log', 30_000);
      assert.equal(await panel.locator('#notice').innerText(), '');
      await session.screenshot('panel-send');
      await page.keyboard.press('Escape');
    } else {
      await panel.locator('#notice', { hasText: 'longcodezip.sendToLanguageModel is not registered' }).waitFor({ timeout: 10_000 });
    }
  });
});

describe('real VS Code host: the panel in an untrusted folder', { timeout: 300_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;

  before(async () => {
    const library = sampleLibrary('lcz-panel-untrusted-');
    scratch = library.scratch;
    session = await openWorkbench(library.workspace, { name: 'panel-untrusted', trust: 'ask' });
  });

  after(() => endSession(session, scratch, 'panel-untrusted-final'));

  it('says that only the n-gram scorer runs, and compresses with it', async () => {
    await runFromPalette(session.page, 'LongCodeZip: Show Panel');
    const panel = panelFrame(session.page);
    const banner = panel.locator('.trust-banner');
    await banner.waitFor({ timeout: 60_000 });
    assert.match(await banner.innerText(), /not trusted, so only the n-gram scorer runs here/);
    await panel.locator('#query').fill(QUESTION);
    await panel.locator('#run').click();
    await panel.locator('#figures').waitFor({ timeout: 120_000 });
    assert.match(await panel.locator('.result-header').innerText(), /ngram scorer/);
    await session.screenshot('panel-untrusted');
  });
});

function panelFrame(page: Page): FrameLocator {
  return page
    .frameLocator(`iframe.webview.ready[src*="extensionId=${extensionPackage.publisher}.${extensionPackage.name}"][src*="purpose=webviewView"]`)
    .frameLocator('#active-frame');
}

function chunkRow(panel: FrameLocator, name: string) {
  return panel.locator('.chunk-row', { has: panel.locator('.chunk-name', { hasText: new RegExp(`^${name}$`) }) }).first();
}

/** Polls `read` until `match` accepts what it returns (the webview redraws asynchronously). */
async function until<T>(read: () => Promise<T>, match: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (match(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** "6,210 → 1,480 tokens 4.2×" -> [6210, 1480, 4.2]. */
function numbers(text: string): number[] {
  return [...text.matchAll(/[\d,]+(?:\.\d+)?/g)].map((match) => Number(match[0].replaceAll(',', '')));
}

/** The panel, widened, beside the code it kept, for the README. */
async function docsPicture(page: Page, panel: FrameLocator, file: string): Promise<void> {
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await panel.locator('body').evaluate(() => window.scrollTo(0, 0));
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    // The sash on the sidebar's right edge.
    const x = sidebar.x + sidebar.width + 2;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 160, y, { steps: 8 });
    await page.mouse.up();
    // Rest the pointer on the empty part of the editor's tab bar: no tooltip, no hover.
    await page.mouse.move(x + 460, sidebar.y + 15);
  }
  await page.waitForTimeout(500);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1100, height: 900 } });
}
