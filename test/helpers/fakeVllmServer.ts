// A server on 127.0.0.1 that speaks the part of vLLM's OpenAI-compatible API the remote scorer uses
// (GET /v1/models, POST /v1/completions with token-id prompts, echo and logprobs), in vLLM's response
// shape, computing the log-probabilities with the project's own onnx model runner (the tiny model
// fixture unless told another model folder).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { CausalLm } from '../../src/core/scoring/onnx/causalLm';
import { type ModelDtype, openModelFolder } from '../../src/core/scoring/onnx/modelFolder';
import { readModelWithLogProbHead } from '../../src/core/scoring/onnx/modelGraph';
import { planBatches } from '../../src/core/scoring/onnx/planBatches';
import { limitConcurrency } from '../../src/core/workers/concurrencyLimit';
import { fixturesDir } from './repoPaths';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Record<string, unknown> | undefined;
}

/** Answers a request itself (a fault) and returns true, or returns false for the normal answer. */
export type Intercept = (request: ReceivedRequest, response: http.ServerResponse, count: number) => boolean | Promise<boolean>;

export interface FakeServerOptions {
  /** The model folder whose model answers (default the tiny-qwen2 fixture), and its weights (default fp32). */
  readonly folder?: string;
  readonly dtype?: ModelDtype;
  /** The served model's name (default tiny-qwen2). */
  readonly model?: string;
  /** What GET /v1/models reports (default 257: a 256-token prompt and the one token vLLM generates). */
  readonly maxModelLen?: number;
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (vLLM --api-key). */
  readonly apiKey?: string;
  /** Milliseconds each completion waits before it answers. */
  readonly delayMs?: number;
}

export class FakeVllmServer {
  readonly received: ReceivedRequest[] = [];
  /** Prompt tokens the model ran over. */
  tokensScored = 0;
  /** Bytes of the completion requests' and answers' bodies. */
  bytesIn = 0;
  bytesOut = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Requests whose client went away before the answer. */
  abandoned = 0;
  intercept: Intercept | undefined;
  private readonly serial = limitConcurrency(1);

  private constructor(
    private readonly server: http.Server,
    private readonly lm: CausalLm,
    private readonly options: FakeServerOptions,
  ) {}

  static async start(options: FakeServerOptions = {}): Promise<FakeVllmServer> {
    const folder = options.folder ?? path.join(fixturesDir, 'models', 'tiny-qwen2');
    const { config, modelPath } = openModelFolder(folder, options.dtype ?? 'fp32');
    const bytes = await readModelWithLogProbHead(folder, modelPath);
    const lm = await CausalLm.create(bytes, path.dirname(modelPath), config, { device: 'cpu', threads: 1 }, modelPath);
    const server = http.createServer();
    const fake = new FakeVllmServer(server, lm, options);
    server.on('request', (request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  get completions(): ReceivedRequest[] {
    return this.received.filter((request) => request.path === '/v1/completions');
  }

  reset(): void {
    this.received.length = 0;
    this.tokensScored = 0;
    this.bytesIn = 0;
    this.bytesOut = 0;
    this.maxInFlight = 0;
    this.abandoned = 0;
    this.intercept = undefined;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
    await this.lm.dispose();
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const received: ReceivedRequest = {
      method: request.method ?? 'GET',
      path: new URL(request.url ?? '/', 'http://x').pathname,
      headers: request.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
    this.received.push(received);
    let closed = false;
    response.on('close', () => {
      if (!response.writableFinished) {
        closed = true;
        this.abandoned += 1;
      }
    });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (await this.intercept?.(received, response, this.received.length)) return;
      if (this.options.apiKey !== undefined && request.headers.authorization !== `Bearer ${this.options.apiKey}`) {
        return send(response, 401, { error: 'Unauthorized' });
      }
      if (received.method === 'GET' && received.path === '/v1/models') return send(response, 200, this.models());
      if (received.method === 'POST' && received.path === '/v1/completions') {
        if (this.options.delayMs) await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
        if (closed) return;
        const [status, body] = await this.completion(received.body ?? {});
        const answer = JSON.stringify(body);
        this.bytesIn += text.length;
        this.bytesOut += answer.length;
        return send(response, status, answer);
      }
      send(response, 404, { detail: 'Not Found' });
    } finally {
      this.inFlight -= 1;
    }
  }

  private models(): unknown {
    const model = this.options.model ?? 'tiny-qwen2';
    return { object: 'list', data: [{ id: model, object: 'model', owned_by: 'vllm', root: model, max_model_len: this.options.maxModelLen ?? 257 }] };
  }

  /** vLLM's CompletionResponse for echo + logprobs + max_tokens 0: the prompt's tokens and their log-probs. */
  private async completion(body: Record<string, unknown>): Promise<[number, unknown]> {
    const model = this.options.model ?? 'tiny-qwen2';
    if (body.model !== model) return [404, { error: { message: `The model \`${String(body.model)}\` does not exist.`, type: 'NotFoundError', code: 404 } }];
    const prompts = body.prompt as number[][];
    const rows = prompts.map((ids) => ({ ids: Int32Array.from(ids) }));
    // In passes of the onnx scorer's default size (logits near 256 MB), as a GPU server batches by memory.
    const results = new Array<{ logProbs: Float32Array }>(rows.length);
    const limits = { rows: 8, tokens: Math.floor((256 * 1024 * 1024) / (8 * this.lm.config.vocabSize)) };
    await this.serial(async () => {
      for (const batch of planBatches(rows.map((row) => row.ids.length), limits)) {
        const out = await this.lm.forward(batch.map((i) => rows[i]!));
        batch.forEach((i, k) => (results[i] = out[k]!));
      }
    });
    const asIds = body.return_tokens_as_token_ids === true;
    const choices = prompts.map((ids, index) => {
      this.tokensScored += ids.length;
      const logProbs = [null, ...Array.from(results[index]!.logProbs, Number)];
      const wanted = body.echo === true && typeof body.logprobs === 'number';
      return {
        index,
        text: '',
        logprobs: wanted
          ? {
              text_offset: ids.map(() => 0),
              token_logprobs: logProbs,
              tokens: ids.map((id) => (asIds ? `token_id:${id}` : `<${id}>`)),
              top_logprobs: logProbs.map((logprob, t) => (logprob === null ? null : { [asIds ? `token_id:${ids[t]}` : `<${ids[t]}>`]: logprob })),
            }
          : null,
        finish_reason: 'length',
        stop_reason: null,
        prompt_logprobs: wanted ? logProbs.map((logprob, t) => (logprob === null ? null : { [String(ids[t])]: { logprob, rank: 1, decoded_token: `<${ids[t]}>` } })) : null,
        prompt_token_ids: body.return_token_ids === true ? ids : null,
      };
    });
    const promptTokens = prompts.reduce((sum, ids) => sum + ids.length, 0);
    return [200, { id: 'cmpl-fake', object: 'text_completion', created: 0, model, choices, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens, completion_tokens: 0 } }];
  }
}

export function send(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
