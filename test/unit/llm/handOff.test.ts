import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import { compress } from '../../../src/core/compress/compress';
import { DEFAULT_PARAMETERS } from '../../../src/core/compress/parameters';
import { fitToReceiver, ReceiverBudgetError, receiverBudget } from '../../../src/core/llm/fitToReceiver';
import { handOffMessages, promptOverhead } from '../../../src/core/llm/handOffPrompt';
import { isLoopbackUrl } from '../../../src/core/llm/loopbackHost';
import { streamChat } from '../../../src/core/llm/openAiChat';
import { ngramForContext } from '../../../src/core/scoring/ngram/ngramForContext';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { testChunker } from '../../helpers/chunking';
import { FakeChatServer, streamPieces } from '../../helpers/fakeChatServer';
import { fixturesDir } from '../../helpers/repoPaths';

const QUESTION = 'How does the rate limiter decide when a bucket is refilled?';

describe('the hand-off prompt', () => {
  it('a question: instructions, then the compressed context verbatim, then the question', () => {
    const context = '# File: a.py\ndef refill(bucket):\n    # 12 lines omitted\n';
    const messages = handOffMessages(context, { mode: 'question', question: `  ${QUESTION}\n` });
    assert.deepEqual(messages.map((message) => message.role), ['system', 'user']);
    assert.match(messages[0]!.content, /compressed .* by LongCodeZip/);
    assert.equal(messages[1]!.content, `Context:\n\n${context}\n\nQuestion: ${QUESTION}`);
  });

  it('a completion: asks for the code that continues the context, in the file named', () => {
    const messages = handOffMessages('def total(items):\n    return ', { mode: 'completion', path: 'shop/cart.py', language: 'python' });
    assert.match(messages[0]!.content, /Reply with only the code that continues it/);
    assert.match(messages[1]!.content, /^Context:\n\ndef total\(items\):\n {4}return \n\nContinue the code of shop\/cart\.py \(python\) where the context above ends\.$/);
  });

  it('the overhead is the prompt without the context, so a budget can leave room for it', () => {
    const task = { mode: 'question', question: QUESTION } as const;
    const overhead = promptOverhead(task);
    assert.ok(overhead.includes(QUESTION));
    const withContext = handOffMessages('x'.repeat(500), task).map((message) => message.content).join('\n');
    assert.equal(withContext.length - overhead.length, 500);
  });
});

describe('fitting a compression to the receiving model\'s own token count', () => {
  it('the first compression is sent when the model counts it within the budget', async () => {
    const runs: number[] = [];
    const fitted = await fitToReceiver(100, async (budget) => (runs.push(budget), { text: 'x'.repeat(budget) }), async (text) => text.length);
    assert.deepEqual(runs, [100]);
    assert.deepEqual([fitted.rounds, fitted.receiverTokens, fitted.budgetUsed], [1, 100, 100]);
  });

  it('a model that counts more tokens gets a compression re-run at a smaller budget until it fits', async () => {
    const runs: number[] = [];
    // The receiver counts 30% more tokens than the budget tokenizer.
    const fitted = await fitToReceiver(1000, async (budget) => (runs.push(budget), { text: 'x'.repeat(budget) }), async (text) => Math.ceil(text.length * 1.3));
    assert.ok(fitted.receiverTokens <= 1000, `${fitted.receiverTokens}`);
    assert.equal(runs[0], 1000);
    assert.ok(runs.length >= 2 && runs.every((budget, i) => i === 0 || budget < runs[i - 1]!), `${runs}`);
    assert.ok(fitted.budgetUsed > 700, `shrank too far: ${fitted.budgetUsed}`);
  });

  it('a compression already made is counted before anything re-runs', async () => {
    let runs = 0;
    const fitted = await fitToReceiver(50, async () => (runs++, { text: 'again' }), async (text) => text.length, { first: { text: 'kept' } });
    assert.equal(runs, 0);
    assert.equal(fitted.compression.text, 'kept');
  });

  it('a model that never gets under the budget: one clear error, not a loop', async () => {
    await assert.rejects(fitToReceiver(100, async () => ({ text: 'fixed' }), async () => 500, { maxRounds: 3 }), (error: unknown) => {
      assert.ok(error instanceof ReceiverBudgetError);
      assert.match(error.message, /still 500 tokens for the model after 3 tries/);
      return true;
    });
  });
});

describe('a real compression handed to an OpenAI-compatible endpoint', () => {
  let server: FakeChatServer;
  let file: FileChunks;

  before(async () => {
    server = await new FakeChatServer().start();
    const name = fs.readdirSync(path.join(fixturesDir, 'samples', 'python'))[0]!;
    file = await testChunker().chunkFile({ path: `python/${name}`, text: fs.readFileSync(path.join(fixturesDir, 'samples', 'python', name), 'utf8') });
  });
  after(() => server.close());

  it('the request carries the compressed text exactly, within the budget as the receiver counts it', async () => {
    const budget = 400;
    const originalTokens = countTokens(file.chunks.map((chunk) => chunk.text).join(''));
    assert.ok(originalTokens > 2 * budget, `the sample is too small to compress: ${originalTokens} tokens`);
    const scorer = await ngramForContext([file]).open();
    const compressAt = (at: number) =>
      compress(
        { files: [file], query: { mode: 'question', text: QUESTION }, parameters: { ...DEFAULT_PARAMETERS, budget: at } },
        { scorer: () => scorer, countTokens },
      );
    // A receiver whose tokenizer counts 20% more than o200k: the first compression does not fit it.
    const receiverCount = async (text: string) => Math.ceil(countTokens(text) * 1.2);
    const fitted = await fitToReceiver(budget, compressAt, receiverCount);
    assert.ok(fitted.rounds >= 2, 'the first compression already fit: the receiver test proves nothing');
    assert.ok(fitted.receiverTokens <= budget);

    server.answerWith(streamPieces(['It refills ', 'on each call.']));
    const messages = handOffMessages(fitted.compression.text, { mode: 'question', question: QUESTION });
    const answer = await streamChat({ baseUrl: server.baseUrl, model: 'coder' }, messages);
    assert.equal(answer.text, 'It refills on each call.');
    const sent = server.requests[0]!.body.messages.at(-1)!.content;
    const context = sent.slice('Context:\n\n'.length, sent.lastIndexOf('\n\nQuestion: '));
    assert.equal(context, fitted.compression.text);
    assert.match(context, /omitted/, 'the context shows no compression');
    assert.ok((await receiverCount(context)) <= budget);
    assert.ok(countTokens(context) < originalTokens / 2);
  });
});

describe('which endpoints are this machine (no consent needed)', () => {
  const cases: [string, boolean][] = [
    ['http://localhost:11434/v1', true],
    ['http://LOCALHOST:1234/v1', true],
    ['http://api.localhost/v1', true],
    ['http://127.0.0.1:8080/v1', true],
    ['http://127.45.6.7/v1', true],
    ['http://[::1]:8000/v1', true],
    ['http://[::ffff:127.0.0.1]:8000/v1', true],
    ['http://[::ffff:10.0.0.1]:8000/v1', false],
    ['http://128.0.0.1/v1', false],
    ['http://192.168.1.20:11434/v1', false],
    ['https://api.openai.com/v1', false],
    ['http://localhost.example.com/v1', false],
    ['http://127.0.0.1.nip.io/v1', false],
    ['not a url', false],
  ];
  for (const [url, loopback] of cases) {
    it(`${url}: ${loopback ? 'loopback' : 'leaves the machine'}`, () => assert.equal(isLoopbackUrl(url), loopback));
  }
});

describe('the budget for a model with an input limit', () => {
  it('is the asked budget when the model takes more, else what its limit leaves after the prompt', () => {
    assert.equal(receiverBudget(4000, undefined, 300), 4000);
    assert.equal(receiverBudget(4000, 128_000, 300), 4000);
    assert.equal(receiverBudget(4000, 3000, 300), 2700);
  });

  it('a limit the prompt alone fills is one clear error', () => {
    assert.throws(() => receiverBudget(4000, 200, 300), /takes at most 200 tokens, and the question alone needs 300/);
  });
});
