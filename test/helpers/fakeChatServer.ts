import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedChatRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: { model: string; stream: boolean; messages: { role: string; content: string }[]; max_tokens?: number };
}

/** What the server does with one request: write any answer on `response`. */
export type ChatHandler = (request: ReceivedChatRequest, response: http.ServerResponse, index: number) => void | Promise<void>;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1, answering each request with the next of
 * `handlers` (the last one repeats). It records every request it received.
 */
export class FakeChatServer {
  readonly requests: ReceivedChatRequest[] = [];
  private handlers: ChatHandler[] = [];
  private readonly server = http.createServer((request, response) => void this.answer(request, response));
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** The base URL, as a user would configure it. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Scripts the next requests, and forgets earlier ones. */
  answerWith(...handlers: ChatHandler[]): void {
    this.handlers = handlers;
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += String(chunk);
    const received: ReceivedChatRequest = { path: request.url ?? '', authorization: request.headers.authorization, body: JSON.parse(raw) };
    this.requests.push(received);
    const index = this.requests.length - 1;
    const handler = this.handlers[Math.min(index, this.handlers.length - 1)];
    if (!handler) {
      response.writeHead(500).end('no handler');
      return;
    }
    await handler(received, response, index);
  }
}

/** One streamed chat.completion.chunk event with this piece of text. */
export function chunkEvent(text: string, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: text }, finish_reason: finishReason }] })}\n\n`;
}

/** A handler that streams `pieces` as events, `delayMs` apart, then `[DONE]`. */
export function streamPieces(pieces: readonly string[], delayMs = 0): ChatHandler {
  return async (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    response.write(': keep-alive\n\n');
    for (const [i, piece] of pieces.entries()) {
      if (response.destroyed) return;
      response.write(chunkEvent(piece, i === pieces.length - 1 ? 'stop' : null));
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    response.end('data: [DONE]\n\n');
  };
}

/** A handler that answers with a status and an OpenAI-style error body. */
export function failWith(status: number, message: string, headers: Record<string, string> = {}): ChatHandler {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify({ error: { message, type: 'error' } }));
  };
}
