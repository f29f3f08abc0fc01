import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixturesDir } from '../helpers/repoPaths';
import { waitFor, type CodeServerSession } from './codeServer';
import { endSession, QUESTION, sampleLibrary, writeFolderSettings } from './sampleLibrary';
import { compressForQuestion, openWorkbench, previewText } from './workbenchSteps';

/** File headers are Python comments and the preview is shown as Python. */
const PLAIN_TEXT = { 'longcodezip.format': 'text' };

describe('real VS Code host: "LongCodeZip: Compress for a Question…"', { timeout: 420_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;
  let workspace: string;
  let model: string;
  let ngramPreview: string;
  const log = () => session.readLogs(/LongCodeZip\.log$/);
  const summaries = () => log().split('\n').filter((line) => line.includes(' for "') && line.includes(' tokens ('));

  before(async () => {
    ({ scratch, workspace } = sampleLibrary('lcz-compress-', PLAIN_TEXT));
    model = path.join(scratch, 'models', 'tiny-qwen2');
    fs.cpSync(path.join(fixturesDir, 'models', 'tiny-qwen2'), model, { recursive: true });
    session = await openWorkbench(workspace, { name: 'compress' });
  });

  after(() => endSession(session, scratch, 'final'));

  it('with the n-gram scorer: asks for the question, shows the compressed code in a preview and the summary in the log', async () => {
    await compressForQuestion(session.page, QUESTION);

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
    // The last question is offered again.
    await compressForQuestion(session.page, undefined, QUESTION);

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
    await compressForQuestion(session.page, undefined, QUESTION);
    const toast = session.page.locator('.notifications-toasts', { hasText: 'model.onnx_data is missing' });
    await toast.waitFor({ timeout: 60_000 });
    assert.match(await toast.innerText(), /could not compress with the neural scorer: Model file onnx\/model\.onnx_data is missing in .*tiny-qwen2: the model was not fully downloaded; download it again\./);
    await session.screenshot('missing-model');

    setWorkspaceSettings(workspace, { 'longcodezip.scorer': 'ngram' });
    await waitFor(log, (text) => text.includes('longcodezip.scorer is "ngram"'), 'the switch back to ngram in the log');
    await compressForQuestion(session.page, undefined, QUESTION);
    const summary = await waitFor(summaries, (lines) => lines.length === 3, 'a third summary', 120_000);
    assert.match(summary[2]!, /ngram scorer/);
  });
});

function setWorkspaceSettings(workspace: string, settings: Record<string, unknown>): void {
  writeFolderSettings(workspace, { ...PLAIN_TEXT, ...settings });
}

function toNumber(text: string): number {
  return Number(text.replaceAll(',', ''));
}
