import * as vscode from 'vscode';
import type { RemoteEndpoint } from '../../core/scoring/remote/remoteEndpoint';
import type { RemoteScorer } from '../../core/scoring/remote/remoteScorer';
import { RemoteScorerError } from '../../core/scoring/remote/remoteScorerError';
import { askOnceToSend } from '../llm/consent';
import { type ApiKeySlot, readApiKey, registerApiKeyCommands } from '../secrets/serverApiKeys';
import type { ScorerChoice } from '../settings/scorerChoice';
import { CLEAR_REMOTE_KEY_COMMAND, SET_REMOTE_KEY_COMMAND } from './remoteErrorActions';
import { RemoteScorerKeeper } from './openRemoteScorer';

export type RemoteChoice = Extract<ScorerChoice, { kind: 'remote' }>;

/** What the user allowed for one compression on the remote scorer. */
export interface RemoteGrant {
  readonly apiKey: string | undefined;
  /** True once the user agreed to send code to this server (always for a loopback one). */
  readonly hostAllowed: boolean;
}

const REMOTE_KEYS: ApiKeySlot = {
  secretPrefix: 'longcodezip.remote.apiKey',
  urlSetting: 'longcodezip.remote.endpoint',
  settingsSection: 'longcodezip.remote',
  title: 'Remote Scorer',
  setCommand: SET_REMOTE_KEY_COMMAND,
  clearCommand: CLEAR_REMOTE_KEY_COMMAND,
};

const KEY_HINT = 'set its key with "LongCodeZip: Set Remote Scorer API Key…"';

/**
 * The extension's side of the remote scorer: its API key (SecretStorage, one per server origin), the
 * consent before code goes to a server that is not this machine (asked once per origin, remembered in
 * global state), and the scorer kept between compressions.
 */
export class RemoteScorerAccess implements vscode.Disposable {
  private readonly keeper = new RemoteScorerKeeper();

  constructor(private readonly context: vscode.ExtensionContext) {
    registerApiKeyCommands(context, REMOTE_KEYS);
  }

  /** Consent and key for one compression; a no is a RemoteScorerError the runner reports (and is asked again next time). */
  async grant(choice: RemoteChoice): Promise<RemoteGrant> {
    const { endpoint } = choice;
    if (!endpoint.loopback && !(await askOnceToSend(this.context, consentQuestion(choice)))) {
      throw new RemoteScorerError(
        `the code was not sent to the scoring server at ${endpoint.host}: you did not allow it. Compress again to be asked again, or choose another scorer.`,
        'hostConsent',
      );
    }
    return { apiKey: await readApiKey(this.context.secrets, REMOTE_KEYS, endpoint.baseUrl), hostAllowed: true };
  }

  /** The scorer for `choice`, opened once and kept while the server, model, tokenizer and key stay the same. */
  scorer(choice: RemoteChoice, grant: RemoteGrant): Promise<RemoteScorer> {
    return this.keeper.scorer({
      endpoint: choice.endpoint,
      model: choice.model,
      tokenizerFolder: choice.tokenizerFolder,
      apiKey: grant.apiKey,
      apiKeyHint: KEY_HINT,
      hostAllowed: grant.hostAllowed,
    });
  }

  /** Drops the kept scorer (Clear Caches). */
  forget(): void {
    this.keeper.dispose();
  }

  dispose(): void {
    this.keeper.dispose();
  }
}

function consentQuestion(choice: RemoteChoice): { key: string; question: string; detail: string } {
  return {
    key: `remoteScorer:${originOf(choice.endpoint)}`,
    question: `Send code from this workspace to the scoring server at ${choice.endpoint.host}?`,
    detail:
      `The remote scorer sends the code it ranks (the chunks of the files being compressed, and your question or the code at the cursor) ` +
      `to ${choice.endpoint.baseUrl} (model ${choice.model}), a server outside this machine, which computes the scores.\n\n` +
      'LongCodeZip asks once for each server. Choose another scorer to keep the code on this machine.',
  };
}

function originOf(endpoint: RemoteEndpoint): string {
  return new URL(endpoint.baseUrl).origin;
}
