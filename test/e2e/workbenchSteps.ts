// Steps in the VS Code workbench that several real-host suites take.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runFromPalette, startCodeServer, type CodeServerSession } from './codeServer';
import { assertPackaged, vsix } from './packagedExtension';

/**
 * code-server with the packaged extension on `workspace`, once the extension's contributions are in (the
 * palette lists only commands known when it opens) and, with `trust: 'ask'`, the folder is in Restricted Mode.
 */
export async function openWorkbench(workspace: string, options: Omit<Parameters<typeof startCodeServer>[0], 'vsix' | 'workspace'>): Promise<CodeServerSession> {
  assertPackaged();
  const session = await startCodeServer({ vsix, workspace, ...options });
  try {
    // A fresh profile opens an untrusted folder in Restricted Mode (a status bar item, no modal question).
    if (options.trust === 'ask') await session.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: 60_000 });
    await session.page.locator('.activitybar .action-item a[aria-label^="LongCodeZip"]').waitFor({ timeout: 60_000 });
    return session;
  } catch (error) {
    // The suite never gets the session: what was on screen, and code-server stopped, here.
    await session.screenshot('not-ready').catch(() => undefined);
    await session.close();
    throw error;
  }
}

/**
 * Answers the "Compress for a Question" input box, however it was opened: types `question` (or, without one,
 * keeps what the box offers; `offered`, when given, is checked first) and presses Enter.
 */
export async function answerQuestionBox(page: Page, question: string | undefined, offered?: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'LongCodeZip: Compress for a Question' }).waitFor({ timeout: 60_000 });
  if (offered !== undefined) assert.equal(await input.inputValue(), offered);
  if (question !== undefined) await input.fill(question);
  await page.keyboard.press('Enter');
}

/** "LongCodeZip: Compress for a Question…" from the palette, answered as answerQuestionBox does. */
export async function compressForQuestion(page: Page, question: string | undefined, offered?: string): Promise<void> {
  await runFromPalette(page, 'LongCodeZip: Compress for a Question…');
  await answerQuestionBox(page, question, offered);
}

const ACTIVE_EDITOR_LINES = '.editor-group-container.active .monaco-editor .view-lines';

/** The text the active editor shows (its visible lines, top to bottom). */
export async function editorText(page: Page): Promise<string> {
  const lines = page.locator(ACTIVE_EDITOR_LINES);
  const text = await lines.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('.view-line')]
      .map((line) => ({ top: parseFloat(line.style.top), text: line.innerText }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join('\n'),
  );
  return text.replaceAll('\u00a0', ' ');
}

/** The text the preview editor shows, once its "Compressed context" tab is active and a file header is drawn. */
export async function previewText(page: Page): Promise<string> {
  await page.locator('.tabs-container .tab.active', { hasText: 'Compressed context' }).waitFor({ timeout: 30_000 });
  await page.locator(ACTIVE_EDITOR_LINES).locator('.view-line', { hasText: 'File:' }).first().waitFor({ timeout: 30_000 });
  return editorText(page);
}
