import * as vscode from 'vscode';
import type { ChatEndpoint } from '../../core/llm/openAiChat';

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

/** The secret's name: one key per server (scheme, host and port), so changing the model keeps it. */
function secretName(baseUrl: string): string {
  let origin = baseUrl;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    // not a URL: the client says so when it is used
  }
  return `longcodezip.endpoint.apiKey:${origin}`;
}

/** The endpoint with its API key, if one was set for its server. */
export async function endpointWithKey(settings: EndpointSettings, secrets: vscode.SecretStorage): Promise<ChatEndpoint> {
  const apiKey = await secrets.get(secretName(settings.baseUrl));
  return { baseUrl: settings.baseUrl, model: settings.model, ...(apiKey ? { apiKey } : {}) };
}

/** "LongCodeZip: Set Endpoint API Key…" and "Clear Endpoint API Key". */
export function registerEndpointKeyCommands(context: vscode.ExtensionContext): void {
  const baseUrlOrSetUp = async (): Promise<string | undefined> => {
    const baseUrl = vscode.workspace.getConfiguration('longcodezip.endpoint').get<string>('baseUrl', '').trim();
    if (baseUrl !== '') return baseUrl;
    const choice = await vscode.window.showWarningMessage('LongCodeZip: set longcodezip.endpoint.baseUrl first: the key is kept for that server.', 'Open Settings');
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'longcodezip.endpoint');
    return undefined;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('longcodezip.setEndpointApiKey', async () => {
      const baseUrl = await baseUrlOrSetUp();
      if (!baseUrl) return;
      const key = await vscode.window.showInputBox({
        title: 'LongCodeZip: Set Endpoint API Key',
        prompt: `The API key for ${baseUrl} (kept in VS Code's secret storage, never in settings)`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (text) => (text.trim() === '' ? 'Paste the key, or press Escape.' : undefined),
      });
      if (key === undefined) return;
      await context.secrets.store(secretName(baseUrl), key.trim());
      void vscode.window.showInformationMessage(`LongCodeZip: the API key for ${baseUrl} is saved.`);
    }),
    vscode.commands.registerCommand('longcodezip.clearEndpointApiKey', async () => {
      const baseUrl = await baseUrlOrSetUp();
      if (!baseUrl) return;
      await context.secrets.delete(secretName(baseUrl));
      void vscode.window.showInformationMessage(`LongCodeZip: the API key for ${baseUrl} is cleared.`);
    }),
  );
}
