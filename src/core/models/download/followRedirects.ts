import * as http from 'node:http';
import * as https from 'node:https';
import { announcedByHub, mergeAnnounced, type AnnouncedContent } from './announcedContent';
import { DownloadError } from './downloadError';

const MAX_REDIRECTS = 10;

export interface GetOptions {
  /** How the file is named in messages: "onnx-community/X onnx/model.onnx". */
  readonly label: string;
  /** Ask for the bytes from here on (a resumed `.part`). */
  readonly fromByte?: number;
  readonly signal?: AbortSignal;
  /** A server that sends nothing for this long (connecting, answering or mid-file) is given up on. */
  readonly idleTimeoutMs: number;
}

/** The answer that carries the file's bytes, after every redirect. */
export interface FileResponse {
  readonly response: http.IncomingMessage;
  /** The facts the hub (the first address's origin) stated on the way. */
  readonly announced: AnnouncedContent;
  /** True once the server fell silent for longer than the idle timeout and the connection was dropped. */
  readonly timedOut: () => boolean;
  readonly host: string;
}

/**
 * GET `url`, following redirects to any host (the hub sends large files to its CDN), and stops at the
 * first answer that is not a redirect. 404 and other refusals are DownloadErrors.
 */
export async function getFollowingRedirects(url: string, options: GetOptions): Promise<FileResponse> {
  const hubOrigin = new URL(url).origin;
  let announced: AnnouncedContent = {};
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const { response, timedOut } = await getOnce(current, options);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    const isRedirect = status >= 300 && status < 400 && location !== undefined;
    if (current.origin === hubOrigin) announced = mergeAnnounced(announced, announcedByHub(response.headers, isRedirect));
    if (isRedirect) {
      response.resume();
      current = new URL(location, current);
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new DownloadError('http', `${options.label}: the server redirected to an address that is not http(s) (${current.protocol})`);
      }
      continue;
    }
    if (status === 200 || status === 206 || status === 416) return { response, announced, timedOut, host: current.host };
    response.resume();
    if (status === 404) throw new DownloadError('not-found', `${options.label} is not on the server (HTTP 404 from ${current.host})`);
    if (status === 401 || status === 403) {
      throw new DownloadError('http', `${options.label}: ${current.host} refused access (HTTP ${status}): the model does not exist, or is private or gated; only public models can be downloaded`);
    }
    throw new DownloadError('http', `${options.label}: ${current.host} answered HTTP ${status}${status >= 500 ? '; try again later' : ''}`);
  }
  throw new DownloadError('http', `${options.label}: more than ${MAX_REDIRECTS} redirects, starting at ${url}`);
}

function getOnce(url: URL, options: GetOptions): Promise<{ response: http.IncomingMessage; timedOut: () => boolean }> {
  const client = url.protocol === 'https:' ? https : http;
  let timedOut = false;
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      // One connection per request: a pooled socket kept alive would outlive a cancelled download.
      agent: false,
      headers: {
        'accept-encoding': 'identity',
        'user-agent': 'longcodezip',
        ...(options.fromByte ? { range: `bytes=${options.fromByte}-` } : {}),
      },
      ...(options.signal && { signal: options.signal }),
    });
    request.setTimeout(options.idleTimeoutMs, () => {
      timedOut = true;
      request.destroy();
    });
    request.once('response', (response) => resolve({ response, timedOut: () => timedOut }));
    request.once('error', (error: NodeJS.ErrnoException) => {
      if (options.signal?.aborted) reject(new DownloadError('cancelled', `${options.label}: cancelled`));
      else if (timedOut) reject(new DownloadError('timeout', `${options.label}: ${url.host} did not answer within ${seconds(options.idleTimeoutMs)}; check the connection and pull again`));
      else reject(new DownloadError('network', `${options.label}: cannot reach ${url.host} (${error.code ?? error.message}); check the connection or $HF_ENDPOINT`));
    });
  });
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
