import assert from 'node:assert/strict';
import * as net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ChatEndpointError } from '../../../src/core/llm/chatEndpointError';
import { handOffMessages } from '../../../src/core/llm/handOffPrompt';
import { chatCompletionsUrl, streamChat, type ChatEndpoint } from '../../../src/core/llm/openAiChat';
import { chunkEvent, failWith, FakeChatServer, streamPieces } from '../../helpers/fakeChatServer';

const MESSAGES = handOffMessages('def fee(days):\n    return days * 0.25\n', { mode: 'question', question: 'How is the fee computed?' });

describe('OpenAI-compatible chat client against a server on 127.0.0.1', () => {
  let server: FakeChatServer;
  let endpoint: ChatEndpoint;

  before(async () => {
    server = await new FakeChatServer().start();
    endpoint = { baseUrl: server.baseUrl, model: 'qwen2.5-coder:7b', apiKey: 'sk-test' };
  });
  after(() => server.close());

  it('streams the answer piece by piece and sends the model, the messages and the key', async () => {
    server.answerWith(streamPieces(['The fee ', 'is 25 cents ', 'per day.'], 20));
    const pieces: string[] = [];
    const answer = await streamChat(endpoint, MESSAGES, { onText: (text) => pieces.push(text) });
    assert.deepEqual(pieces, ['The fee ', 'is 25 cents ', 'per day.']);
    assert.equal(answer.text, 'The fee is 25 cents per day.');
    assert.equal(answer.finishReason, 'stop');
    assert.equal(answer.tries, 1);
    const [request] = server.requests;
    assert.equal(request!.path, '/v1/chat/completions');
    assert.equal(request!.authorization, 'Bearer sk-test');
    assert.equal(request!.body.model, 'qwen2.5-coder:7b');
    assert.equal(request!.body.stream, true);
    assert.deepEqual(request!.body.messages, MESSAGES);
  });

  it('sends no Authorization header without a key, and accepts a base URL with a trailing slash', async () => {
    server.answerWith(streamPieces(['ok']));
    const answer = await streamChat({ baseUrl: `${server.baseUrl}/`, model: 'm' }, MESSAGES);
    assert.equal(answer.text, 'ok');
    assert.equal(server.requests[0]!.authorization, undefined);
    assert.equal(server.requests[0]!.path, '/v1/chat/completions');
  });

  it('cancelling mid-stream rejects with the abort reason and closes the connection', async () => {
    let closed = false;
    let written = 0;
    server.answerWith(async (_request, response) => {
      response.on('close', () => (closed = true));
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      for (let i = 0; i < 100 && !closed; i++) {
        response.write(chunkEvent(`piece ${i} `));
        written++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      response.end('data: [DONE]\n\n');
    });
    const controller = new AbortController();
    const pieces: string[] = [];
    const reason = new Error('user cancelled');
    const sending = streamChat(endpoint, MESSAGES, {
      signal: controller.signal,
      onText: (text) => {
        pieces.push(text);
        if (pieces.length === 3) controller.abort(reason);
      },
    });
    await assert.rejects(sending, (error) => error === reason);
    assert.equal(pieces.length, 3);
    for (const deadline = Date.now() + 2000; !closed && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(closed, 'the server still has the connection open');
    assert.ok(written < 20, `the server kept writing: ${written} pieces`);
  });

  it('401: one request, and an error that says the API key is missing or wrong', async () => {
    server.answerWith(failWith(401, 'Incorrect API key provided'));
    await assert.rejects(streamChat(endpoint, MESSAGES, { backoffMs: 1 }), (error: unknown) => {
      assert.ok(error instanceof ChatEndpointError);
      assert.equal(error.problem, 'auth');
      assert.equal(error.message, `${server.baseUrl} refused the request (401 Unauthorized: Incorrect API key provided): the API key is missing or wrong.`);
      return true;
    });
    assert.equal(server.requests.length, 1);
  });

  it('404: an error that points at the base URL and the model name', async () => {
    server.answerWith(failWith(404, 'model "qwen2.5-coder:7b" not found, try pulling it first'));
    await assert.rejects(streamChat(endpoint, MESSAGES), (error: unknown) => {
      assert.ok(error instanceof ChatEndpointError);
      assert.equal(error.problem, 'not-found');
      assert.match(error.message, /404 Not Found: model "qwen2\.5-coder:7b" not found, try pulling it first: check that the base URL .* ends in \/v1\) and that the server has a model named "qwen2\.5-coder:7b"\./);
      return true;
    });
    assert.equal(server.requests.length, 1);
  });

  it('429 with Retry-After, then success: waits as asked and returns the answer', async () => {
    server.answerWith(failWith(429, 'Rate limit reached', { 'Retry-After': '1' }), streamPieces(['after the wait']));
    const waits: number[] = [];
    const started = Date.now();
    const answer = await streamChat(endpoint, MESSAGES, { backoffMs: 1, onRetry: (_attempt, waitMs, status) => waits.push(waitMs, status) });
    assert.equal(answer.text, 'after the wait');
    assert.equal(answer.tries, 2);
    assert.deepEqual(waits, [1000, 429]);
    assert.ok(Date.now() - started >= 950, `retried after ${Date.now() - started} ms`);
    assert.equal(server.requests.length, 2);
  });

  it('503 twice, then success: backs off (doubling) without a Retry-After', async () => {
    server.answerWith(failWith(503, 'loading model'), failWith(503, 'loading model'), streamPieces(['ready']));
    const waits: number[] = [];
    const answer = await streamChat(endpoint, MESSAGES, { backoffMs: 5, onRetry: (_attempt, waitMs) => waits.push(waitMs) });
    assert.equal(answer.text, 'ready');
    assert.deepEqual(waits, [5, 10]);
  });

  it('429 every time: gives up after the retries, saying so', async () => {
    server.answerWith(failWith(429, 'slow down'));
    await assert.rejects(streamChat(endpoint, MESSAGES, { retries: 2, backoffMs: 1 }), (error: unknown) => {
      assert.ok(error instanceof ChatEndpointError);
      assert.equal(error.problem, 'rate-limited');
      assert.match(error.message, /is still rate-limiting after 3 tries \(429 Too Many Requests: slow down\)/);
      return true;
    });
    assert.equal(server.requests.length, 3);
  });

  it('a Retry-After longer than the longest wait fails at once, saying how long the server asks to wait', async () => {
    server.answerWith(failWith(429, 'quota', { 'Retry-After': '3600' }), streamPieces(['never']));
    await assert.rejects(streamChat(endpoint, MESSAGES), /is busy \(429 Too Many Requests: quota\) and asks to wait 3600 s before trying again/);
    assert.equal(server.requests.length, 1);
  });

  it('a server that accepts the request and never answers times out', async () => {
    server.answerWith(() => undefined);
    const started = Date.now();
    await assert.rejects(streamChat(endpoint, MESSAGES, { timeoutMs: 300 }), (error: unknown) => {
      assert.ok(error instanceof ChatEndpointError);
      assert.equal(error.problem, 'timeout');
      assert.equal(error.message, 'The endpoint did not answer within 300 ms.');
      return true;
    });
    const took = Date.now() - started;
    assert.ok(took >= 290 && took < 3000, `timed out after ${took} ms`);
  });

  it('a stream that stalls after the first piece times out, after passing on that piece', async () => {
    server.answerWith((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(chunkEvent('half an'));
    });
    const pieces: string[] = [];
    await assert.rejects(streamChat(endpoint, MESSAGES, { timeoutMs: 300, onText: (text) => pieces.push(text) }), (error: unknown) => {
      assert.ok(error instanceof ChatEndpointError);
      assert.equal(error.problem, 'timeout');
      assert.equal(error.message, 'The endpoint stopped sending the answer: nothing came for 300 ms.');
      return true;
    });
    assert.deepEqual(pieces, ['half an']);
  });

  it('a chunk that is not JSON fails with the chunk shown, after the text before it', async () => {
    server.answerWith((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.end(`${chunkEvent('fine ')}data: {"choices": [{"delta": {"content": "bro\n\n`);
    });
    const pieces: string[] = [];
    await assert.rejects(streamChat(endpoint, MESSAGES, { onText: (text) => pieces.push(text) }), (error: unknown) => {
      assert.ok(error instanceof ChatEndpointError);
      assert.equal(error.problem, 'malformed');
      assert.equal(error.message, `${server.baseUrl} sent a chunk that is not valid JSON: {"choices": [{"delta": {"content": "bro`);
      return true;
    });
    assert.deepEqual(pieces, ['fine ']);
  });

  it('an error event in the stream (vLLM, Ollama) fails with the server\'s message', async () => {
    server.answerWith((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.end(`${chunkEvent('partial ')}data: {"error": {"message": "CUDA out of memory"}}\n\n`);
    });
    await assert.rejects(streamChat(endpoint, MESSAGES), /stopped with an error: CUDA out of memory/);
  });

  it('events split across network writes and CRLF line ends still parse', async () => {
    server.answerWith(async (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const events = (chunkEvent('split ') + chunkEvent('across writes')).replaceAll('\n', '\r\n') + 'data: [DONE]\r\n\r\n';
      for (let i = 0; i < events.length; i += 7) {
        response.write(events.slice(i, i + 7));
        await new Promise((resolve) => setImmediate(resolve));
      }
      response.end();
    });
    assert.equal((await streamChat(endpoint, MESSAGES)).text, 'split across writes');
  });

  it('a server that ignores stream: true and answers one JSON completion still works', async () => {
    server.answerWith((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: 'all at once' }, finish_reason: 'length' }] }));
    });
    const answer = await streamChat(endpoint, MESSAGES);
    assert.deepEqual([answer.text, answer.finishReason], ['all at once', 'length']);
  });

  it('nothing listening: says it could not reach the server', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    await assert.rejects(streamChat({ baseUrl: `http://127.0.0.1:${closedPort}/v1`, model: 'm' }, MESSAGES), (error: unknown) => {
      assert.ok(error instanceof ChatEndpointError);
      assert.equal(error.problem, 'unreachable');
      assert.equal(error.message, `Could not reach http://127.0.0.1:${closedPort}/v1 (ECONNREFUSED): is the server running?`);
      return true;
    });
  });

  it('a base URL that is not an http URL is refused before any request', () => {
    assert.throws(() => chatCompletionsUrl('localhost:11434'), /is not an http or https URL/);
    assert.throws(() => chatCompletionsUrl('not a url'), /"not a url" is not a URL/);
    assert.equal(chatCompletionsUrl('http://127.0.0.1:8080/v1/chat/completions'), 'http://127.0.0.1:8080/v1/chat/completions');
  });
});
