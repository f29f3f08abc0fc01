import { isLoopbackHost } from '../../llm/loopbackHost';
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
    throw new RemoteScorerError(`The remote scorer's endpoint '${text}' is not a URL: give the server's OpenAI base URL, such as http://gpu-box:8000/v1.`, 'endpoint');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteScorerError(`The remote scorer's endpoint ${text} is not an http or https URL: give the server's OpenAI base URL, such as http://gpu-box:8000/v1.`, 'endpoint');
  }
  if (url.username || url.password) {
    throw new RemoteScorerError(`The remote scorer's endpoint ${url.host} carries a user name or password: give the API key through its own setting instead.`, 'endpoint');
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.origin}${path === '' ? '/v1' : path}`, host: url.host, loopback: isLoopbackHost(url.hostname) };
}
