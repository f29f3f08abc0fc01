import { isIP } from 'node:net';
import { RemoteScorerError } from './remoteScorerError';

/** An OpenAI-compatible server as the remote scorer reaches it. */
export interface RemoteEndpoint {
  /** The API's base URL without a trailing slash: `/completions` and `/models` are under it. */
  readonly baseUrl: string;
  /** host[:port], as the user will recognise it in messages and in the scorer's info. */
  readonly host: string;
  /** True for this machine only (localhost, 127.0.0.0/8, ::1): no consent is needed to send code there. */
  readonly loopback: boolean;
}

/**
 * Reads the endpoint the user gave: the server's OpenAI base URL as OpenAI clients take it
 * (`http://gpu-box:8000/v1`); a bare origin (`http://gpu-box:8000`) gets `/v1`, as vLLM and SGLang serve it.
 */
export function parseEndpoint(text: string): RemoteEndpoint {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new RemoteScorerError(`The remote scorer's endpoint '${text}' is not a URL: give the server's OpenAI base URL, such as http://gpu-box:8000/v1.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteScorerError(`The remote scorer's endpoint ${text} is not an http or https URL: give the server's OpenAI base URL, such as http://gpu-box:8000/v1.`);
  }
  if (url.username || url.password) {
    throw new RemoteScorerError(`The remote scorer's endpoint ${url.host} carries a user name or password: give the API key through its own setting instead.`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.origin}${path === '' ? '/v1' : path}`, host: url.host, loopback: isLoopbackHost(url.hostname) };
}

/** localhost (and *.localhost), 127.0.0.0/8, ::1 and IPv4-mapped 127.x: addresses that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^(0:){7}1$/.test(host) || /^::ffff:127\./.test(host) || /^::ffff:7f[0-9a-f]{2}:/.test(host);
  return false;
}
