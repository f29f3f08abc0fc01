import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { OnnxScorer } from '../../../../src/core/scoring/onnx/onnxScorer';
import { parseEndpoint } from '../../../../src/core/scoring/remote/remoteEndpoint';
import { RemoteScorer, type RemoteScorerOptions } from '../../../../src/core/scoring/remote/remoteScorer';
import { RemoteScorerError } from '../../../../src/core/scoring/remote/remoteScorerError';
import { openTinyScorer, QUERY, OTHER_QUERY, SAMPLES, tinyModelDir } from '../onnx/tinyModel';
import { assertClose } from '../../../helpers/assertClose';
import { FakeVllmServer, send } from '../../../helpers/fakeVllmServer';

/** Longer than the tiny model's 256-token window: the cut and the overlapping windows are exercised. */
const LONG_TEXT = Array.from({ length: 12 }, (_, i) => SAMPLES[i % 3]!.replaceAll('window', `window_${i}`)).join('\n');

describe('RemoteScorer against a local vLLM-shaped server on the tiny model', () => {
  let server: FakeVllmServer;
  let local: OnnxScorer;
  const open = (options: Partial<RemoteScorerOptions> = {}) =>
    RemoteScorer.open({ endpoint: parseEndpoint(server.url), model: 'tiny-qwen2', tokenizerFolder: tinyModelDir, backoffMs: 10, ...options });

  before(async () => {
    server = await FakeVllmServer.start();
    local = await openTinyScorer({ cacheBytes: 0 });
  });
  after(async () => {
    await server.stop();
    await local.dispose();
  });
  beforeEach(() => server.reset());

  it('gives the local onnx scorer’s query log-probs and line values within 1e-4, long inputs included, with the same notes', async () => {
    const remote = await open();
    assert.equal(remote.window, local.window, 'the window: max_model_len - 1 and config.json agree');
    const contexts = [...SAMPLES, '', LONG_TEXT, SAMPLES[0]!];
    const notes = { remote: [] as string[], local: [] as string[] };
    for (const query of [QUERY, OTHER_QUERY]) {
      const expected = await local.queryLogProbs(contexts, query, { onNote: (note) => notes.local.push(note) });
      const actual = await remote.queryLogProbs(contexts, query, { onNote: (note) => notes.remote.push(note) });
      assert.equal(actual.length, contexts.length);
      actual.forEach((values, i) => assertClose(values, expected[i]!, `query ${query.slice(0, 10)}, context ${i}`));
    }
    for (const [i, text] of [...SAMPLES, LONG_TEXT, ''].entries()) {
      assertClose(await remote.lineLogProbs(text, { onNote: (note) => notes.remote.push(note) }), await local.lineLogProbs(text, { onNote: (note) => notes.local.push(note) }), `lines of text ${i}`);
    }
    assert.ok(notes.local.some((note) => /overlapping windows/.test(note)) && notes.local.some((note) => /contexts are longer/.test(note)));
    assert.deepEqual(notes.remote, notes.local);
    assert.deepEqual(remote.info(), { name: 'remote', model: 'tiny-qwen2', device: new URL(server.url).host, dtype: 'as served', threads: 4 });
  });

  it('a long query keeps its last tokens, as the local scorer does', async () => {
    const remote = await open();
    const longQuery = LONG_TEXT.slice(0, 2000);
    const notes: string[] = [];
    const [actual] = await remote.queryLogProbs([SAMPLES[1]!], longQuery, { onNote: (note) => notes.push(note) });
    const [expected] = await local.queryLogProbs([SAMPLES[1]!], longQuery);
    assertClose(actual!, expected!, 'long query');
    assert.match(notes[0]!, /only its last \d+ tokens were scored/);
  });

  it('sends many prompts per request, a few requests at a time, the query’s prompt tokens once per distinct context', async () => {
    const remote = await open({ batchPrompts: 3, concurrency: 2 });
    const contexts = Array.from({ length: 20 }, (_, i) => `def f${i}(x):\n    return x * ${i}\n`);
    const progress: number[] = [];
    await remote.queryLogProbs([...contexts, contexts[0]!], QUERY, { onProgress: (done, total) => progress.push(done / total) });
    assert.equal(server.completions.length, 7, 'ceil(20 / 3) requests');
    assert.ok(server.completions.every((request) => (request.body!.prompt as unknown[]).length <= 3));
    assert.ok(server.maxInFlight <= 2, `at most 2 requests in flight (${server.maxInFlight})`);
    assert.equal(progress.at(-1), 1);
    assert.equal(remote.stats.prompts, 20);
    assert.equal(remote.stats.tokensSent, server.tokensScored);
    const body = server.completions[0]!.body!;
    assert.equal(body.echo, true);
    assert.equal(body.max_tokens, 0);
    assert.ok(Array.isArray((body.prompt as unknown[])[0]), 'prompts go as token ids');
    // The contexts' line values come from the query's passes: no request.
    const before = server.completions.length;
    await remote.lineLogProbs(contexts[5]!);
    assert.equal(server.completions.length, before);
  });

  it('retries a 429 after its Retry-After and a 503 with backoff, then answers', async () => {
    const remote = await open();
    server.intercept = (request, response, count) => {
      if (request.path !== '/v1/completions') return false;
      if (count <= 2) send(response, 429, { error: { message: 'Too many requests' } }, { 'retry-after': '0' });
      else if (count === 3) send(response, 503, 'Service Unavailable');
      else return false;
      return true;
    };
    const [values] = await remote.queryLogProbs([SAMPLES[0]!], QUERY);
    const [expected] = await local.queryLogProbs([SAMPLES[0]!], QUERY);
    assertClose(values!, expected!, 'after retries');
    assert.equal(server.completions.length, 3);
  });

  it('gives up after the retries with one line naming the status', async () => {
    const remote = await open({ retries: 2 });
    server.intercept = (request, response) => {
      if (request.path !== '/v1/completions') return false;
      send(response, 502, '<html>Bad Gateway</html>');
      return true;
    };
    await assert.rejects(remote.lineLogProbs(SAMPLES[2]!), (error: Error) => {
      assert.ok(error instanceof RemoteScorerError);
      assert.match(error.message, /busy or failing \(502: <html>Bad Gateway<\/html>\) after 3 attempts/);
      return true;
    });
    assert.equal(server.completions.length, 3);
  });

  it('a refused API key is one clear error at once, naming what to do; the right key works', async () => {
    const keyed = await FakeVllmServer.start({ apiKey: 'team-secret' });
    try {
      const endpoint = parseEndpoint(keyed.url);
      const options = { endpoint, model: 'tiny-qwen2', tokenizerFolder: tinyModelDir, apiKeyHint: 'set LONGCODEZIP_API_KEY' };
      await assert.rejects(RemoteScorer.open({ ...options, apiKey: 'wrong' }), /refused the request \(401: Unauthorized\): set LONGCODEZIP_API_KEY\.$/);
      assert.equal(keyed.received.length, 1, 'no retry on 401');
      const remote = await RemoteScorer.open({ ...options, apiKey: 'team-secret' });
      assert.equal((await remote.lineLogProbs('x = 1\n')).length, 2);
      assert.equal(keyed.received.at(-1)!.headers.authorization, 'Bearer team-secret');
    } finally {
      await keyed.stop();
    }
  });

  it('a model the server does not serve, or a path it does not have, is one line naming the fix', async () => {
    await assert.rejects(open({ model: 'Qwen/Qwen2.5-Coder-7B' }), /does not serve model 'Qwen\/Qwen2\.5-Coder-7B' \(it serves: tiny-qwen2\)/);
    await assert.rejects(
      RemoteScorer.open({ endpoint: parseEndpoint(server.url.replace('/v1', '/api')), model: 'tiny-qwen2', tokenizerFolder: tinyModelDir }),
      /has no http:\/\/127\.0\.0\.1:\d+\/api\/models.*404: Not Found\): check the endpoint/,
    );
  });

  it('a server that hangs: the request times out with one line, not retried', async () => {
    const remote = await open({ timeoutMs: 300 });
    server.intercept = (request) => request.path === '/v1/completions';
    const started = performance.now();
    await assert.rejects(remote.queryLogProbs([SAMPLES[0]!], QUERY), /did not answer POST \/completions within 300 ms/);
    assert.ok(performance.now() - started < 2000);
    assert.equal(server.completions.length, 1);
  });

  it('a server that returns no prompt log-probabilities (llama.cpp, TGI) is told so', async () => {
    const remote = await open();
    server.intercept = (request, response) => {
      if (request.path !== '/v1/completions') return false;
      const prompts = request.body!.prompt as number[][];
      send(response, 200, { choices: prompts.map((_, index) => ({ index, text: ' x', logprobs: null, finish_reason: 'length' })) });
      return true;
    };
    await assert.rejects(remote.lineLogProbs(SAMPLES[0]!), /returned no log-probabilities for the prompt's tokens/);
  });

  it('an answer that is not JSON, or not the completions shape, is one line', async () => {
    const remote = await open();
    server.intercept = (request, response) => {
      if (request.path !== '/v1/completions') return false;
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Login</title>');
      return true;
    };
    await assert.rejects(remote.lineLogProbs(SAMPLES[0]!), /answered POST \/completions with something that is not JSON \("<!doctype html><title>Login<\/title>"\)/);
    server.intercept = (request, response) => {
      if (request.path !== '/v1/completions') return false;
      const [ids] = request.body!.prompt as number[][];
      send(response, 200, { choices: [{ index: 0, logprobs: { token_logprobs: ids!.map((_, t) => (t === 0 ? null : 'a')) } }] });
      return true;
    };
    await assert.rejects(remote.lineLogProbs('x = 1\n'), /cannot read \(the log-probability of prompt token 1 is "a"\)/);
  });

  it('cancellation mid-batch stops at once: waiting requests are not sent, the one in flight is dropped', async () => {
    const slow = await FakeVllmServer.start({ delayMs: 150 });
    try {
      const remote = await RemoteScorer.open({ endpoint: parseEndpoint(slow.url), model: 'tiny-qwen2', tokenizerFolder: tinyModelDir, batchPrompts: 1, concurrency: 1 });
      const controller = new AbortController();
      // The user cancels while the third request is on the server.
      slow.intercept = () => {
        if (slow.completions.length === 3) controller.abort();
        return false;
      };
      const contexts = Array.from({ length: 10 }, (_, i) => `value_${i} = ${i}\n`);
      await assert.rejects(remote.queryLogProbs(contexts, QUERY, { signal: controller.signal }), { name: 'AbortError' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(slow.completions.length, 3, 'the 7 requests still waiting were never sent');
      assert.equal(slow.abandoned, 1, 'the request in flight was dropped');
      assert.equal(remote.stats.prompts, 2);
    } finally {
      await slow.stop();
    }
  });

  it('never sends code to a host that is not this machine unless allowed, and checks before any request', async () => {
    const calls: string[] = [];
    const fetch = (async (url: string) => {
      calls.push(url);
      throw new Error('no network in this test');
    }) as unknown as typeof globalThis.fetch;
    const endpoint = parseEndpoint('http://gpu-box.example.com:8000');
    assert.equal(endpoint.baseUrl, 'http://gpu-box.example.com:8000/v1');
    await assert.rejects(RemoteScorer.open({ endpoint, model: 'm', tokenizerFolder: tinyModelDir, fetch }), /gpu-box\.example\.com:8000 was not allowed/);
    assert.deepEqual(calls, []);
    await assert.rejects(RemoteScorer.open({ endpoint, model: 'm', tokenizerFolder: tinyModelDir, fetch, hostAllowed: true, retries: 0 }), /Cannot reach the scoring server/);
    assert.deepEqual(calls, ['http://gpu-box.example.com:8000/v1/models']);
  });

  it('a tokenizer folder without the tokenizer is one line before anything is sent', async () => {
    await assert.rejects(open({ tokenizerFolder: '/no/such/folder' }), /tokenizer folder \/no\/such\/folder has no tokenizer\.json/);
    assert.equal(server.received.length, 0);
  });
});

describe('remote endpoints', () => {
  it('reads base URLs as OpenAI clients do, and tells loopback hosts from the rest', () => {
    const cases: [string, string, boolean][] = [
      ['http://localhost:8000', 'http://localhost:8000/v1', true],
      ['http://127.0.0.1:8000/v1/', 'http://127.0.0.1:8000/v1', true],
      ['http://127.8.9.10:1234/v1', 'http://127.8.9.10:1234/v1', true],
      ['http://[::1]:8000/v1', 'http://[::1]:8000/v1', true],
      ['http://[::ffff:127.0.0.1]/v1', 'http://[::ffff:7f00:1]/v1', true],
      ['http://app.localhost:8000/v1', 'http://app.localhost:8000/v1', true],
      ['https://gpu.team.example/vllm/v1', 'https://gpu.team.example/vllm/v1', false],
      ['http://10.0.0.5:8000', 'http://10.0.0.5:8000/v1', false],
      ['http://128.0.0.1:8000', 'http://128.0.0.1:8000/v1', false],
      ['http://localhost.example.com', 'http://localhost.example.com/v1', false],
      ['http://[::2]:8000', 'http://[::2]:8000/v1', false],
    ];
    for (const [text, baseUrl, loopback] of cases) {
      const endpoint = parseEndpoint(text);
      assert.equal(endpoint.baseUrl, baseUrl, text);
      assert.equal(endpoint.loopback, loopback, text);
    }
    assert.throws(() => parseEndpoint('gpu-box:8000'), /is not an http or https URL/);
    assert.throws(() => parseEndpoint('not a url'), /is not a URL/);
    assert.throws(() => parseEndpoint('http://user:pw@gpu-box/v1'), /carries a user name or password/);
  });
});
