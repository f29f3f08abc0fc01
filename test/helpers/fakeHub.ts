import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/** What one file's next answer does wrong (each fault happens once, then the file is served normally). */
export interface FileFault {
  /** Send this many bytes of the body, then drop the connection. */
  cutAfter?: number;
  /** Send this many bytes of the body, then nothing more (the connection stays open). */
  stallAfter?: number;
  /** Flip one byte of the body at this offset. */
  corruptAt?: number;
  /** Accept the request and send nothing. */
  hang?: boolean;
  /** Answer with this HTTP status. */
  status?: number;
}

export interface LoggedRequest {
  readonly server: 'hub' | 'cdn';
  readonly path: string;
  readonly range?: string;
}

/**
 * A model hub on 127.0.0.1 in the published layout: `/<owner>/<name>/resolve/<rev>/<file>`. Small files
 * come straight back with their git blob id as ETag; files over `lfsThreshold` bytes get a 302 to a second
 * server (another port: "the CDN") with `X-Linked-Size` and `X-Linked-Etag` (sha256), as huggingface.co does.
 */
export class FakeHub {
  readonly requests: LoggedRequest[] = [];
  /** Keyed by the file's path in the repository (`onnx/model.onnx_data`). */
  readonly faults = new Map<string, FileFault>();
  private readonly hub = http.createServer((request, response) => this.answerHub(request, response));
  private readonly cdn = http.createServer((request, response) => this.answerCdn(request, response));
  private readonly sockets = new Set<import('node:net').Socket>();
  private readonly blobs = new Map<string, { file: string; bytes: Buffer }>();

  constructor(
    private readonly models: Readonly<Record<string, string>>,
    private readonly lfsThreshold = 16 * 1024,
  ) {
    for (const server of [this.hub, this.cdn]) server.on('connection', (socket) => this.trackSocket(socket));
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.hub.address() as AddressInfo).port}`;
  }

  get cdnOrigin(): string {
    return `http://127.0.0.1:${(this.cdn.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await Promise.all([this.hub, this.cdn].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all([this.hub, this.cdn].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  /** The requests for one file (by its path in the repository), on either server. */
  requestsFor(file: string): LoggedRequest[] {
    const blob = [...this.blobs.entries()].find(([, value]) => value.file === file)?.[0];
    return this.requests.filter((request) => request.path.endsWith(`/${file}`) || (blob !== undefined && request.path.includes(blob)));
  }

  private trackSocket(socket: import('node:net').Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private answerHub(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', this.endpoint);
    this.requests.push({ server: 'hub', path: url.pathname, ...(request.headers.range && { range: request.headers.range }) });
    const match = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    const folder = match ? this.models[match[1]!] : undefined;
    const file = match ? decodeURIComponent(match[3]!) : '';
    const full = folder === undefined ? undefined : path.join(folder, ...file.split('/'));
    if (full === undefined || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      response.writeHead(404, { 'x-error-code': 'EntryNotFound' }).end('Entry not found');
      return;
    }
    const bytes = fs.readFileSync(full);
    const headers = { 'x-repo-commit': '0123456789abcdef0123456789abcdef01234567' };
    if (bytes.length > this.lfsThreshold) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      this.blobs.set(sha256, { file, bytes });
      response
        .writeHead(302, {
          ...headers,
          location: `${this.cdnOrigin}/blobs/${sha256}?download=${encodeURIComponent(path.basename(file))}`,
          'x-linked-size': String(bytes.length),
          'x-linked-etag': `"${sha256}"`,
          etag: '"pointer-etag-not-a-hash"',
        })
        .end();
      return;
    }
    const gitBlobId = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    this.serve(request, response, file, bytes, { ...headers, etag: `"${gitBlobId}"` });
  }

  private answerCdn(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', this.cdnOrigin);
    this.requests.push({ server: 'cdn', path: url.pathname, ...(request.headers.range && { range: request.headers.range }) });
    const blob = this.blobs.get(url.pathname.replace(/^\/blobs\//, ''));
    if (!blob) {
      response.writeHead(404).end();
      return;
    }
    // A CDN's own ETag (an S3-style digest of parts) says nothing about the content's sha256.
    this.serve(request, response, blob.file, blob.bytes, { etag: '"d41d8cd98f00b204e9800998ecf8427e-3"' });
  }

  private serve(request: http.IncomingMessage, response: http.ServerResponse, file: string, bytes: Buffer, headers: Record<string, string>): void {
    const fault = this.faults.get(file);
    this.faults.delete(file);
    if (fault?.hang) return;
    if (fault?.status !== undefined) {
      response.writeHead(fault.status).end();
      return;
    }
    let body = bytes;
    if (fault?.corruptAt !== undefined) {
      body = Buffer.from(bytes);
      body[fault.corruptAt] = body[fault.corruptAt]! ^ 0xff;
    }
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start > bytes.length || (range && start === bytes.length)) {
      response.writeHead(416, { ...headers, 'content-range': `bytes */${bytes.length}` }).end();
      return;
    }
    const slice = body.subarray(start);
    response.writeHead(range ? 206 : 200, {
      ...headers,
      'content-length': String(slice.length),
      'accept-ranges': 'bytes',
      ...(range && { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` }),
    });
    if (fault?.stallAfter !== undefined) {
      response.write(slice.subarray(0, fault.stallAfter));
      return;
    }
    if (fault?.cutAfter !== undefined) {
      response.write(slice.subarray(0, fault.cutAfter), () => setTimeout(() => response.socket?.destroy(), 20));
      return;
    }
    response.end(slice);
  }
}
