import type { RemoteEndpoint } from './remoteEndpoint';
import { RemoteScorerError } from './remoteScorerError';

export interface CompletionsClientOptions {
  readonly endpoint: RemoteEndpoint;
  /** Sent as `Authorization: Bearer …` when set. */
  readonly apiKey?: string;
  /** What the user does when the key is refused (names the setting or the environment variable). */
  readonly apiKeyHint?: string;
  /** How long one request may take, answer included (default 120 s). */
  readonly timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or a dropped connection (default 4). */
  readonly retries?: number;
  /** The first wait before a retry; it doubles with each attempt (default 500 ms). */
  readonly backoffMs?: number;
  /** The longest wait before a retry, Retry-After included (default 30 s). */
  readonly maxBackoffMs?: number;
  readonly fetch?: typeof fetch;
}

/** Network errors worth another attempt: the connection dropped, not "nothing listens there". */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EAI_AGAIN']);

/**
 * JSON over HTTP to an OpenAI-compatible server: a timeout per request, retries with exponential
 * backoff on 429/5xx and dropped connections (honouring Retry-After), cancellation through the
 * caller's signal, and one clear line for everything else.
 */
export class CompletionsClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: CompletionsClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.retries = Math.max(0, options.retries ?? 4);
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  get host(): string {
    return this.options.endpoint.host;
  }

  get(path: string, signal?: AbortSignal): Promise<unknown> {
    return this.request('GET', path, undefined, signal);
  }

  post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    return this.request('POST', path, JSON.stringify(body), signal);
  }

  private async request(method: string, path: string, body: string | undefined, signal?: AbortSignal): Promise<unknown> {
    const url = `${this.options.endpoint.baseUrl}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const timeout = AbortSignal.timeout(this.timeoutMs);
      const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let status: number;
      let text: string;
      let retryAfter: string | null = null;
      try {
        const response = await this.fetch(url, { method, headers, body, signal: both });
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        text = await response.text();
      } catch (error) {
        signal?.throwIfAborted();
        if (timeout.aborted) {
          throw new RemoteScorerError(`The scoring server at ${this.host} did not answer ${method} ${path} within ${formatSeconds(this.timeoutMs)}: it may be overloaded or stuck; try again, or check the server.`);
        }
        const code = networkCode(error);
        if (attempt < this.retries && code !== undefined && TRANSIENT_NETWORK_CODES.has(code)) {
          await sleep(this.backoff(attempt), signal);
          continue;
        }
        throw new RemoteScorerError(`Cannot reach the scoring server at ${this.host} (${code ?? firstLine(error)}): is it running, and is the endpoint right?`, 'endpoint');
      }
      if (status >= 200 && status < 300) return parseJson(text, `${method} ${path}`, this.host);
      const retryable = status === 429 || status >= 500;
      if (retryable && attempt < this.retries) {
        await sleep(this.waitBeforeRetry(attempt, retryAfter), signal);
        continue;
      }
      throw this.statusError(status, path, text, retryable ? attempt + 1 : undefined);
    }
  }

  private backoff(attempt: number): number {
    return Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt);
  }

  /** Retry-After (seconds or an HTTP date) when the server gives one, else the exponential backoff. */
  private waitBeforeRetry(attempt: number, retryAfter: string | null): number {
    if (retryAfter !== null) {
      const seconds = Number(retryAfter);
      const millis = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
      if (Number.isFinite(millis)) return Math.min(this.maxBackoffMs, Math.max(0, millis));
    }
    return this.backoff(attempt);
  }

  private statusError(status: number, path: string, body: string, attempts: number | undefined): RemoteScorerError {
    const said = serverMessage(body);
    const what = `${status}${said ? `: ${said}` : ''}`;
    if (status === 401 || status === 403) {
      return new RemoteScorerError(`The scoring server at ${this.host} refused the request (${what}): ${this.options.apiKeyHint ?? 'check the API key'}.`, 'apiKey');
    }
    if (status === 404) {
      return new RemoteScorerError(
        `The scoring server at ${this.host} has no ${this.options.endpoint.baseUrl}${path}, or not the model asked for (${what}): check the endpoint (the server's OpenAI base URL, such as http://${this.host}/v1) and the model name.`,
        'endpoint',
      );
    }
    if (attempts !== undefined) {
      return new RemoteScorerError(`The scoring server at ${this.host} is busy or failing (${what}) after ${attempts} attempts: try again later.`);
    }
    return new RemoteScorerError(`The scoring server at ${this.host} rejected the request (${what}).`);
  }
}

function parseJson(text: string, what: string, host: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const start = text.trim().slice(0, 60).replace(/\s+/g, ' ');
    throw new RemoteScorerError(`The scoring server at ${host} answered ${what} with something that is not JSON ("${start}"): is the endpoint an OpenAI-compatible server such as vLLM?`, 'endpoint');
  }
}

/** The error text of an OpenAI-style ({error: {message}}), vLLM-style ({message}) or FastAPI ({detail}) body. */
function serverMessage(body: string): string {
  let said: unknown = body;
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const error = json.error;
    said = (typeof error === 'object' && error !== null ? (error as Record<string, unknown>).message : error) ?? json.message ?? json.detail ?? body;
  } catch {
    // Not JSON: the body itself, shortened.
  }
  const line = (typeof said === 'string' ? said : JSON.stringify(said)).replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function sleep(millis: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, millis);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function formatSeconds(millis: number): string {
  return millis >= 1000 ? `${Math.round(millis / 100) / 10} s` : `${millis} ms`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
