import { createInterface } from 'node:readline/promises';
import type { RemoteEndpoint } from '../core/scoring/remote/remoteEndpoint';
import { UsageError } from './usageError';

/** Where the question is asked: a terminal on both sides, or nobody to ask. */
export interface ConsentTerminal {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/**
 * Code is sent to a scoring server that is not this machine only when the user said so: with
 * --allow-remote-host, or by answering y at a terminal. Without a terminal (scripts, CI) the run stops
 * with one line that names the flag. Loopback servers need nothing.
 */
export async function confirmRemoteHost(
  endpoint: RemoteEndpoint,
  allowed: boolean,
  terminal: ConsentTerminal = { input: process.stdin, output: process.stderr },
): Promise<void> {
  if (endpoint.loopback || allowed) return;
  const refusal = `--endpoint ${endpoint.host} is not this machine: the code to compress would be sent there; add --allow-remote-host to allow it`;
  if (!terminal.input.isTTY || !terminal.output.isTTY) throw new UsageError(refusal);
  const prompt = createInterface({ input: terminal.input, output: terminal.output });
  try {
    const answer = await prompt.question(`longcodezip: send the code to compress to the scoring server at ${endpoint.host}? [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError(refusal);
  } finally {
    prompt.close();
  }
}
