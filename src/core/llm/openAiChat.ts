import { STATUS_CODES } from 'node:http';
import type { ChatMessage } from './chatMessage';
import { ChatEndpointError } from './chatEndpointError';
import { retryAfterMillis } from './retryAfter';
import { serverSentData } from './serverSentEvents';

/** An OpenAI-compatible server (Ollama, llama.cpp server, vLLM, LM Studio, OpenAI itself). */
export interface ChatEndpoint {
  /** Where the API starts, e.g. http://127.0.0.1:11434/v1 (a full …/chat/completions URL works too). */
  readonly baseUrl: string;
  /** The model's name on that server. */
  readonly model: string;
  readonly apiKey?: string;
}

export interface ChatStreamOptions {
  readonly signal?: AbortSignal;
  /** Each piece of the answer as it arrives. */
  readonly onText?: (text: string) => void;
  /** Longest wait for the server to say anything, the response or the next piece of it. Default 120 s. */
  readonly timeoutMs?: number;
  /** Tries after the first one when the server answers 429 or 5xx. Default 3. */
  readonly retries?: number;
  /** The first wait between tries when the server gives no Retry-After; it doubles each time. Default 1 s. */
  readonly backoffMs?: number;
  /** The longest Retry-After honoured; a longer one fails at once, saying when to try again. Default 60 s. */
  readonly maxRetryWaitMs?: number;
  readonly maxTokens?: number;
  /** Told before each wait for another try. */
  readonly onRetry?: (attempt: number, waitMs: number, status: number) => void;
  readonly fetch?: typeof fetch;
}

export interface ChatAnswer {
  readonly text: string;
  /** `stop`, `length` (the answer was cut at the token limit), … as the server said; undefined if it did not. */
  readonly finishReason: string | undefined;
  /** How many requests it took (more than 1 after 429 or 5xx answers). */
  readonly tries: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Sends `messages` to the endpoint's chat completions and streams the answer (server-sent events),
 * retrying with backoff on 429 and 5xx (honouring Retry-After) before any of the answer arrived.
 * Aborting `signal` stops the request and rejects with the signal's reason. Every other failure is a
 * ChatEndpointError whose message says what to check.
 */
export async function streamChat(endpoint: ChatEndpoint, messages: readonly ChatMessage[], options: ChatStreamOptions = {}): Promise<ChatAnswer> {
  const url = chatCompletionsUrl(endpoint.baseUrl);
  const where = endpoint.baseUrl.replace(/\/+$/, '');
  const retries = options.retries ?? 3;
  const body = JSON.stringify({
    model: endpoint.model,
    messages,
    stream: true,
    ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
  });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
  if (endpoint.apiKey) headers.Authorization = `Bearer ${endpoint.apiKey}`;

  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    const watch = new Watchdog(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      let response: Response;
      try {
        response = await (options.fetch ?? fetch)(url, { method: 'POST', headers, body, signal: watch.signal });
      } catch (error) {
        throw watch.failure(error) ?? unreachable(where, error);
      }
      if (response.ok) return { ...(await readAnswer(response, watch, where, options.onText)), tries: attempt + 1 };

      const detail = serverMessage(await response.text().catch(() => ''));
      const status = `${response.status} ${STATUS_CODES[response.status] ?? ''}`.trim() + (detail ? `: ${detail}` : '');
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < retries) {
        const asked = retryAfterMillis(response.headers.get('retry-after'));
        const wait = asked ?? (options.backoffMs ?? 1000) * 2 ** attempt;
        if (wait > (options.maxRetryWaitMs ?? 60_000)) {
          throw new ChatEndpointError(`${where} is busy (${status}) and asks to wait ${Math.ceil(wait / 1000)} s before trying again.`, 'rate-limited', response.status);
        }
        watch.dispose();
        options.onRetry?.(attempt + 1, wait, response.status);
        await sleep(wait, options.signal);
        continue;
      }
      throw statusError(where, endpoint.model, response.status, status, attempt + 1);
    } finally {
      watch.dispose();
    }
  }
}

/** The chat completions URL of a base URL (trailing slashes and a full URL are both fine). */
export function chatCompletionsUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new ChatEndpointError(`"${baseUrl}" is not a URL: give the server's address, e.g. http://127.0.0.1:11434/v1.`, 'invalid-endpoint');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ChatEndpointError(`"${baseUrl}" is not an http or https URL.`, 'invalid-endpoint');
  }
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`;
}

async function readAnswer(response: Response, watch: Watchdog, where: string, onText: ((text: string) => void) | undefined): Promise<Omit<ChatAnswer, 'tries'>> {
  watch.heard();
  const contentType = response.headers.get('content-type') ?? '';
  // A server that ignores `stream: true` answers with one JSON completion.
  if (!contentType.includes('text/event-stream')) {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw watch.failure(error) ?? unreachable(where, error);
    }
    const completion = parseJson(text, where) as { choices?: { message?: { content?: unknown }; finish_reason?: unknown }[] };
    const choice = completion.choices?.[0];
    const content = typeof choice?.message?.content === 'string' ? choice.message.content : undefined;
    if (content === undefined) throw new ChatEndpointError(`${where} answered without a chat completion: ${excerpt(text)}`, 'malformed');
    onText?.(content);
    return { text: content, finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : undefined };
  }
  if (!response.body) throw new ChatEndpointError(`${where} answered with an empty body.`, 'malformed');

  let text = '';
  let finishReason: string | undefined;
  try {
    for await (const data of serverSentData(response.body as unknown as AsyncIterable<Uint8Array>)) {
      watch.heard();
      if (data.trim() === '[DONE]') break;
      const chunk = parseJson(data, where) as StreamChunk;
      if (chunk.error !== undefined) throw new ChatEndpointError(`${where} stopped with an error: ${serverMessage(JSON.stringify(chunk)) || excerpt(data)}`, 'server');
      if (!Array.isArray(chunk.choices)) throw new ChatEndpointError(`${where} sent a chunk that is not a chat completion chunk: ${excerpt(data)}`, 'malformed');
      for (const choice of chunk.choices) {
        const piece = choice?.delta?.content;
        if (typeof piece === 'string' && piece !== '') {
          text += piece;
          onText?.(piece);
        }
        if (typeof choice?.finish_reason === 'string') finishReason = choice.finish_reason;
      }
    }
  } catch (error) {
    if (error instanceof ChatEndpointError) throw error;
    throw watch.failure(error) ?? unreachable(where, error);
  }
  return { text, finishReason };
}

interface StreamChunk {
  readonly choices?: readonly ({ readonly delta?: { readonly content?: unknown }; readonly finish_reason?: unknown } | null)[];
  readonly error?: unknown;
}

/**
 * Aborts the request when the caller's signal aborts, or when the server has said nothing for
 * `timeoutMs` (not before the response, nor between two pieces of the answer).
 */
class Watchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private timedOut: 'response' | 'stream' | undefined;
  private answering = false;
  private readonly onAbort = () => this.controller.abort(this.caller?.reason);
  readonly signal = this.controller.signal;

  constructor(
    private readonly caller: AbortSignal | undefined,
    private readonly timeoutMs: number,
  ) {
    caller?.addEventListener('abort', this.onAbort, { once: true });
    this.arm();
  }

  heard(): void {
    this.answering = true;
    this.arm();
  }

  /** The error to throw for a failed fetch or read: the caller's abort reason, a timeout, or undefined. */
  failure(error: unknown): unknown {
    if (this.caller?.aborted) return this.caller.reason ?? error;
    if (this.timedOut === 'response') return new ChatEndpointError(`The endpoint did not answer within ${duration(this.timeoutMs)}.`, 'timeout');
    if (this.timedOut === 'stream') return new ChatEndpointError(`The endpoint stopped sending the answer: nothing came for ${duration(this.timeoutMs)}.`, 'timeout');
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onAbort);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = this.answering ? 'stream' : 'response';
      this.controller.abort();
    }, this.timeoutMs);
  }
}

function statusError(where: string, model: string, status: number, shown: string, tries: number): ChatEndpointError {
  if (status === 401 || status === 403) return new ChatEndpointError(`${where} refused the request (${shown}): the API key is missing or wrong.`, 'auth', status);
  if (status === 404) {
    return new ChatEndpointError(`${where} answered ${shown}: check that the base URL is where the OpenAI API starts (usually it ends in /v1) and that the server has a model named "${model}".`, 'not-found', status);
  }
  if (status === 429) return new ChatEndpointError(`${where} is still rate-limiting after ${tries} tries (${shown}).`, 'rate-limited', status);
  if (status >= 500) return new ChatEndpointError(`${where} failed ${tries === 1 ? 'once' : `${tries} times`} (${shown}).`, 'server', status);
  return new ChatEndpointError(`${where} rejected the request (${shown}).`, 'bad-request', status);
}

function unreachable(where: string, error: unknown): ChatEndpointError {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  const hint = cause?.code === 'ECONNREFUSED' ? ': is the server running?' : '.';
  return new ChatEndpointError(`Could not reach ${where} (${reason})${hint}`, 'unreachable');
}

/** The error message in an OpenAI-style error body ({error: {message}}, {error: "…"}, {message}, {detail}). */
function serverMessage(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '' || trimmed.startsWith('<')) return '';
  try {
    const parsed = JSON.parse(trimmed) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = parsed.error as { message?: unknown } | string | undefined;
    const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : typeof parsed.message === 'string' ? parsed.message : typeof parsed.detail === 'string' ? parsed.detail : undefined;
    return message === undefined ? excerpt(trimmed) : excerpt(message);
  } catch {
    return excerpt(trimmed);
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ChatEndpointError(`${where} sent a chunk that is not valid JSON: ${excerpt(text)}`, 'malformed');
  }
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
