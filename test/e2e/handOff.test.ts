import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FakeChatServer, streamPieces } from '../helpers/fakeChatServer';
import { fixturesDir, repoRoot } from '../helpers/repoPaths';
import { runFromPalette, waitFor, type CodeServerSession } from './codeServer';
import { endSession, QUESTION, SAMPLE_BUDGET, sampleLibrary, writeFolderSettings } from './sampleLibrary';
import { answerQuestionBox, editorText, openWorkbench } from './workbenchSteps';

interface FakeModelEntry {
  readonly kind: 'registered' | 'refused' | 'request' | 'count';
  readonly message?: string;
  readonly messages?: string[];
  readonly characters?: number;
  readonly count?: number;
}

describe('real VS Code host: sending the compressed context to a language model', { timeout: 420_000 }, () => {
  let session: CodeServerSession;
  let scratch: string;
  let workspace: string;
  let fakeLog: string;
  const log = () => session.readLogs(/LongCodeZip\.log$/);
  const fakeEntries = (): FakeModelEntry[] =>
    fs.existsSync(fakeLog) ? fs.readFileSync(fakeLog, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FakeModelEntry) : [];

  before(async () => {
    ({ scratch, workspace } = sampleLibrary('lcz-handoff-'));
    fakeLog = path.join(scratch, 'fake-model.jsonl');
    session = await openWorkbench(workspace, { extraVsix: [packageFakeModel(scratch)], name: 'handoff', env: { LCZ_FAKE_MODEL_LOG: fakeLog } });
    await session.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  after(() => endSession(session, scratch, 'final'));

  it('no chat model and no endpoint: compresses for a question first, says there is no model, and copies the context', async () => {
    await runFromPalette(session.page, 'LongCodeZip: Send to Language Model');
    await answerQuestionBox(session.page, QUESTION);

    const toast = session.page.locator('.notification-toast', { hasText: 'there is no language model to send to' });
    await toast.waitFor({ timeout: 120_000 });
    await session.screenshot('no-model');
    await toast.locator('.monaco-button', { hasText: 'Copy to Clipboard' }).click();
    const copied = await waitFor(log, (text) => /Copied the compressed context to the clipboard \(\d+ characters\)/.test(text), 'the copy in the log');
    const characters = Number(/Copied the compressed context to the clipboard \((\d+) characters\)/.exec(copied)![1]);
    const clipboard = await session.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard.length, characters);
    assert.match(clipboard, /^File: `shelfwise\/\S+\.py`$/m);
    assert.match(clipboard, /omitted/);
  });

  it('a chat model from another extension: counts with its tokenizer, re-fits, streams the answer into a markdown document', async () => {
    const registration = fakeEntries().find((entry) => entry.kind === 'registered' || entry.kind === 'refused');
    assert.deepEqual(registration, { kind: 'registered' }, 'the host refused the fake chat model provider');
    writeFolderSettings(workspace, { 'lczFake.enabled': true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await runFromPalette(session.page, 'LongCodeZip: Send to Language Model');

    // LongCodeZip's consent, once per model vendor (VS Code 1.139.1 asks nothing more for another extension's model).
    await clickDialogButton(session.page, 'Send', 'Send the compressed code and your question to Fake Echo (lcz-fake)?');
    await session.page.locator('.tabs-container .tab', { hasText: 'LongCodeZip Answer 1.md' }).waitFor({ timeout: 60_000 });
    let answer = await editorText(session.page);
    for (const deadline = Date.now() + 30_000; !answer.includes('The question was:') && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await editorText(session.page);
    }
    await session.screenshot('answer');
    // The editor wraps long lines: compare the words.
    answer = answer.replace(/\s+/g, ' ');
    assert.match(answer, /^# LongCodeZip answer/);
    assert.match(answer, /\*\*Model:\*\* Fake Echo \(lcz-fake\)/);
    assert.match(answer, /FAKE ANSWER\. I received \d+ characters in 1 messages\. The question was: How is the late-return fee calculated/);

    const sent = /Sending to Fake Echo \(lcz-fake\): (\d+) tokens as the model counts them \(budget (\d+), (\d+) compressions?\)/.exec(log());
    assert.ok(sent, `no send line in the log:\n${log().slice(-2000)}`);
    const [, receiverTokens, budget, rounds] = sent.map(Number);
    assert.equal(budget, SAMPLE_BUDGET);
    assert.ok(receiverTokens! <= SAMPLE_BUDGET, `${receiverTokens} tokens over the budget`);
    // The fake model counts a token per 3 characters, more than o200k: the first compression did not fit it.
    assert.ok(rounds! >= 2, `only ${rounds} compression`);

    const request = fakeEntries().find((entry) => entry.kind === 'request')!;
    const [message] = request.messages!;
    const context = message!.slice(message!.indexOf('Context:\n\n') + 'Context:\n\n'.length, message!.lastIndexOf('\n\nQuestion: '));
    assert.match(context, /^File: `shelfwise\//m);
    assert.equal(Math.ceil(context.length / 3), receiverTokens, 'the context sent is not the one counted');
  });

  it('an OpenAI-compatible endpoint on 127.0.0.1: no consent asked, the answer streams in', async () => {
    const server = await new FakeChatServer().start();
    try {
      server.answerWith(streamPieces(['The fee is ', 'charged per day ', 'after the grace period.'], 50));
      writeFolderSettings(workspace, { 'lczFake.enabled': false, 'longcodezip.endpoint.baseUrl': server.baseUrl, 'longcodezip.endpoint.model': 'coder-7b' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await runFromPalette(session.page, 'LongCodeZip: Send to Language Model');
      await session.page.locator('.tabs-container .tab', { hasText: 'LongCodeZip Answer 2.md' }).waitFor({ timeout: 60_000 });
      let answer = '';
      for (const deadline = Date.now() + 30_000; !answer.includes('grace period') && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        answer = (await editorText(session.page)).replace(/\s+/g, ' ');
      }
      await session.screenshot('endpoint-answer');
      // The editor wraps long lines, even inside the URL: compare without spaces.
      assert.ok(answer.replace(/\s+/g, '').includes(`**Model:**coder-7bat${server.baseUrl}`), answer);
      // The last compression was shrunk for the fake model: this model gets the budget that was asked for again.
      const sent = /Sending to coder-7b at \S+: (\d+) tokens as the model counts them \(budget (\d+), 1 compression\)/.exec(log());
      assert.ok(sent, `no send line in the log:\n${log().slice(-2000)}`);
      assert.equal(Number(sent[2]), SAMPLE_BUDGET);
      assert.ok(Number(sent[1]) <= SAMPLE_BUDGET && Number(sent[1]) > 1200, sent[0]);
      assert.match(answer, /The fee is charged per day after the grace period\./);
      assert.equal(server.requests.length, 1);
      const { body } = server.requests[0]!;
      assert.equal(body.model, 'coder-7b');
      assert.deepEqual(body.messages.map((message) => message.role), ['system', 'user']);
      assert.match(body.messages[1]!.content, /^Context:\n\nFile: `shelfwise\//);
      assert.ok(body.messages[1]!.content.endsWith(`Question: ${QUESTION}`));
      assert.equal(await session.page.locator('.monaco-dialog-box').count(), 0, 'a consent dialog for a loopback endpoint');
    } finally {
      await server.close();
    }
  });
});

/** The fake chat model extension (test/fixtures/fake-chat-model), packaged with vsce into `dir`. */
function packageFakeModel(dir: string): string {
  const source = path.join(dir, 'fake-chat-model');
  fs.cpSync(path.join(fixturesDir, 'fake-chat-model'), source, { recursive: true });
  const out = path.join(dir, 'fake-chat-model.vsix');
  execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: source, stdio: 'ignore' });
  return out;
}

async function clickDialogButton(page: Page, button: string, message: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: message });
  await dialog.waitFor({ timeout: 60_000 });
  await dialog.locator('.monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
}
