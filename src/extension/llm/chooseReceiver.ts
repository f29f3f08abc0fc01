import * as vscode from 'vscode';
import { budgetCounter, type BudgetTokenizer } from '../../core/tokens/budgetTokenizer';
import { formatTokens } from '../../webview/viewModel/format';
import { endpointWithKey, readEndpointSettings } from './endpointSettings';
import { chatModelReceiver, endpointReceiver, type Receiver } from './receivers';

const REMEMBERED = 'longcodezip.handOff.receiver';

/** The pick the user made, kept across windows: a chat model's id, or the configured endpoint. */
type RememberedReceiver = { readonly kind: 'chatModel'; readonly id: string } | { readonly kind: 'endpoint' };

/** No chat model and no endpoint: nothing to send to. */
export const NO_RECEIVER = 'none';

/**
 * The model to send to: the one picked before if it is still there; else the only one there is; else the
 * user picks (and the pick is remembered). `pick` always asks. Undefined: the user dismissed the pick.
 */
export async function chooseReceiver(context: vscode.ExtensionContext, options: { readonly pick?: boolean } = {}): Promise<Receiver | typeof NO_RECEIVER | undefined> {
  const models = await vscode.lm.selectChatModels();
  const endpoint = readEndpointSettings();
  if (models.length === 0 && !endpoint) return NO_RECEIVER;
  const remembered = context.globalState.get<RememberedReceiver>(REMEMBERED);
  const toReceiver = async (choice: RememberedReceiver): Promise<Receiver | undefined> => {
    if (choice.kind === 'endpoint') {
      if (!endpoint) return undefined;
      const tokenizer = vscode.workspace.getConfiguration('longcodezip').get<BudgetTokenizer>('tokenizer', 'o200k');
      return endpointReceiver(await endpointWithKey(endpoint, context.secrets), endpoint.timeoutMs, budgetCounter(tokenizer === 'cl100k' ? 'cl100k' : 'o200k'));
    }
    const model = models.find((candidate) => candidate.id === choice.id);
    return model && chatModelReceiver(model);
  };
  if (!options.pick) {
    const known = remembered && (await toReceiver(remembered));
    if (known) return known;
    if (models.length + (endpoint ? 1 : 0) === 1) return toReceiver(models[0] ? { kind: 'chatModel', id: models[0].id } : { kind: 'endpoint' });
  }

  type Item = vscode.QuickPickItem & { readonly choice?: RememberedReceiver; readonly setUp?: true };
  const isRemembered = (choice: RememberedReceiver) => JSON.stringify(choice) === JSON.stringify(remembered);
  const items: Item[] = [
    ...models.map((model): Item => {
      const choice: RememberedReceiver = { kind: 'chatModel', id: model.id };
      return { label: model.name, description: `${model.vendor} · ${model.family}${isRemembered(choice) ? ' · last used' : ''}`, detail: model.maxInputTokens > 0 ? `takes up to ${formatTokens(model.maxInputTokens)}` : undefined, choice };
    }),
    endpoint
      ? { label: endpoint.model, description: `OpenAI-compatible endpoint · ${endpoint.baseUrl}${isRemembered({ kind: 'endpoint' }) ? ' · last used' : ''}`, choice: { kind: 'endpoint' } }
      : { label: '$(gear) Set up an OpenAI-compatible endpoint…', description: 'Ollama, llama.cpp server, vLLM, LM Studio', setUp: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'LongCodeZip: Send to Which Model?', placeHolder: 'The compressed context and the question go to this model', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.setUp) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'longcodezip.endpoint');
    return undefined;
  }
  await context.globalState.update(REMEMBERED, picked.choice);
  return toReceiver(picked.choice!);
}
