import * as vscode from 'vscode';

/** Where the API keys of one kind of server are kept: one key per server origin, in SecretStorage. */
export interface ApiKeySlot {
  /** The secret's name before the origin, e.g. `longcodezip.endpoint.apiKey`. */
  readonly secretPrefix: string;
  /** The setting that holds the server's URL, e.g. `longcodezip.endpoint.baseUrl`. */
  readonly urlSetting: string;
  /** Where "Open Settings" goes when that URL is not set. */
  readonly settingsSection: string;
  /** In titles: "Endpoint", "Remote Scorer". */
  readonly title: string;
  readonly setCommand: string;
  readonly clearCommand: string;
}

/** One key per server (scheme, host and port): changing the model or the path keeps it. */
function secretName(slot: ApiKeySlot, url: string): string {
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    // not a URL: the client says so when it is used
  }
  return `${slot.secretPrefix}:${origin}`;
}

/** The API key set for the server of `url`, if any. */
export async function readApiKey(secrets: vscode.SecretStorage, slot: ApiKeySlot, url: string): Promise<string | undefined> {
  return (await secrets.get(secretName(slot, url))) || undefined;
}

/** "LongCodeZip: Set <title> API Key…" and "Clear <title> API Key", for the server the URL setting names. */
export function registerApiKeyCommands(context: vscode.ExtensionContext, slot: ApiKeySlot): void {
  const urlOrSetUp = async (): Promise<string | undefined> => {
    const url = vscode.workspace.getConfiguration().get<string>(slot.urlSetting, '').trim();
    if (url !== '') return url;
    const choice = await vscode.window.showWarningMessage(`LongCodeZip: set ${slot.urlSetting} first: the key is kept for that server.`, 'Open Settings');
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', slot.settingsSection);
    return undefined;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(slot.setCommand, async () => {
      const url = await urlOrSetUp();
      if (!url) return;
      const key = await vscode.window.showInputBox({
        title: `LongCodeZip: Set ${slot.title} API Key`,
        prompt: `The API key for ${url} (kept in VS Code's secret storage, never in settings)`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (text) => (text.trim() === '' ? 'Paste the key, or press Escape.' : undefined),
      });
      if (key === undefined) return;
      await context.secrets.store(secretName(slot, url), key.trim());
      void vscode.window.showInformationMessage(`LongCodeZip: the API key for ${url} is saved.`);
    }),
    vscode.commands.registerCommand(slot.clearCommand, async () => {
      const url = await urlOrSetUp();
      if (!url) return;
      await context.secrets.delete(secretName(slot, url));
      void vscode.window.showInformationMessage(`LongCodeZip: the API key for ${url} is cleared.`);
    }),
  );
}
