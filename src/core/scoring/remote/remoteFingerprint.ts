import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RemoteEndpoint } from './remoteEndpoint';

/** Bumped when the remote scorer would score the same texts differently: its cached scores are stale. */
const REMOTE_SCORES_VERSION = 1;

/**
 * What a remote scorer's answers depend on, for the score cache: the server, the model's name on it,
 * and the local tokenizer files (size and time) that cut the texts into the tokens it scores.
 */
export function remoteFingerprint(endpoint: RemoteEndpoint, model: string, tokenizerFolder: string): string {
  const folder = path.resolve(tokenizerFolder);
  const hash = createHash('sha1').update(`remote-v${REMOTE_SCORES_VERSION}\0${endpoint.baseUrl}\0${model}\0${folder}\0`);
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
    const stat = fs.statSync(path.join(folder, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : 'absent'}\0`);
  }
  return hash.digest('hex');
}
