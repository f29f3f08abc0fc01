import * as vscode from 'vscode';
import type { ChatEndpoint } from '../../core/llm/openAiChat';
import { type ApiKeySlot, readApiKey, registerApiKeyCommands } from '../secrets/serverApiKeys';

/** The OpenAI-compatible endpoint the user set up, without its key (that lives in SecretStorage). */
export interface EndpointSettings {
  readonly baseUrl: string;
  readonly model: string;
  readonly timeoutMs: number;
}

/** The endpoint settings, or undefined when the base URL or the model is not set. */
export function readEndpointSettings(): EndpointSettings | undefined {
  const settings = vscode.workspace.getConfiguration('longcodezip.endpoint');
  const baseUrl = settings.get<string>('baseUrl', '').trim();
  const model = settings.get<string>('model', '').trim();
  if (baseUrl === '' || model === '') return undefined;
  const seconds = settings.get<number>('timeoutSeconds', 120);
  return { baseUrl, model, timeoutMs: Math.max(1, Number.isFinite(seconds) ? seconds : 120) * 1000 };
}

/** The hand-off endpoint's keys: the same secret names as before the remote scorer had keys of its own. */
const ENDPOINT_KEYS: ApiKeySlot = {
  secretPrefix: 'longcodezip.endpoint.apiKey',
  urlSetting: 'longcodezip.endpoint.baseUrl',
  settingsSection: 'longcodezip.endpoint',
  title: 'Endpoint',
  setCommand: 'longcodezip.setEndpointApiKey',
  clearCommand: 'longcodezip.clearEndpointApiKey',
};

/** The endpoint with its API key, if one was set for its server. */
export async function endpointWithKey(settings: EndpointSettings, secrets: vscode.SecretStorage): Promise<ChatEndpoint> {
  const apiKey = await readApiKey(secrets, ENDPOINT_KEYS, settings.baseUrl);
  return { baseUrl: settings.baseUrl, model: settings.model, ...(apiKey ? { apiKey } : {}) };
}

/** "LongCodeZip: Set Endpoint API Key…" and "Clear Endpoint API Key". */
export function registerEndpointKeyCommands(context: vscode.ExtensionContext): void {
  registerApiKeyCommands(context, ENDPOINT_KEYS);
}
