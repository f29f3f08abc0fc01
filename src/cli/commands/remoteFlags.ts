import * as path from 'node:path';
import type { ScorerChoice } from '../../core/compress/contextScorers';
import { parseEndpoint } from '../../core/scoring/remote/remoteEndpoint';
import { RemoteScorer } from '../../core/scoring/remote/remoteScorer';
import { RemoteScorerError } from '../../core/scoring/remote/remoteScorerError';
import type { CliContext } from '../cliIO';
import { confirmRemoteHost } from '../confirmRemoteHost';
import { UsageError } from '../usageError';

/** The environment variable the CLI reads the remote scorer's API key from. */
export const API_KEY_VARIABLE = 'LONGCODEZIP_API_KEY';

const REMOTE_ONLY_FLAGS = ['endpoint', 'tokenizer-dir', 'allow-remote-host'];

export type RemoteChoice = Extract<ScorerChoice, { kind: 'remote' }>;

/**
 * `--scorer remote --endpoint URL --model NAME --tokenizer-dir DIR [--allow-remote-host]`: the remote
 * scorer, once the user agreed to send code to a host that is not this machine (confirmRemoteHost).
 * Undefined for the other scorers, which take none of these flags.
 */
export async function parseRemoteFlags(values: Record<string, unknown>, context: CliContext): Promise<RemoteChoice | undefined> {
  if (values.scorer !== 'remote') {
    for (const flag of REMOTE_ONLY_FLAGS) if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --scorer remote`);
    return undefined;
  }
  for (const flag of ['dtype', 'device']) if (values[flag] !== undefined) throw new UsageError(`--${flag} is for --scorer onnx: with --scorer remote the server decides`);
  const url = values.endpoint as string | undefined;
  const model = values.model as string | undefined;
  const tokenizerDir = values['tokenizer-dir'] as string | undefined;
  if (url === undefined) throw new UsageError("--scorer remote needs --endpoint URL (the server's OpenAI base URL, such as http://gpu-box:8000/v1)");
  if (model === undefined) throw new UsageError("--scorer remote needs --model NAME (the model's name on the server)");
  if (tokenizerDir === undefined) throw new UsageError("--scorer remote needs --tokenizer-dir DIR (a folder with the served model's tokenizer.json)");
  let endpoint;
  try {
    endpoint = parseEndpoint(url);
  } catch (error) {
    throw new UsageError(error instanceof RemoteScorerError ? error.message : String(error));
  }
  await confirmRemoteHost(endpoint, values['allow-remote-host'] === true);
  const tokenizerFolder = path.resolve(context.cwd, tokenizerDir);
  const apiKey = (context.env ?? process.env)[API_KEY_VARIABLE] || undefined;
  let scorer: Promise<RemoteScorer> | undefined;
  return {
    kind: 'remote',
    endpoint,
    model,
    tokenizerFolder,
    open: () =>
      (scorer ??= RemoteScorer.open({
        endpoint,
        model,
        tokenizerFolder,
        apiKey,
        apiKeyHint: `set ${API_KEY_VARIABLE} to the server's API key`,
        hostAllowed: true,
      })),
  };
}
