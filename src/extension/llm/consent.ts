import * as vscode from 'vscode';
import type { Receiver } from './receivers';

const GRANTED = 'longcodezip.handOff.consented';

/**
 * Asks once per receiver (each endpoint's server, each chat model vendor) before the first send, and
 * remembers a yes in global state. Loopback endpoints are not asked; `longcodezip.handOff.askBeforeSending`
 * turns the question off.
 */
export async function consentToSend(context: vscode.ExtensionContext, receiver: Receiver, what: string): Promise<boolean> {
  if (receiver.consentDetail === undefined) return true;
  if (!vscode.workspace.getConfiguration('longcodezip.handOff').get<boolean>('askBeforeSending', true)) return true;
  const granted = context.globalState.get<string[]>(GRANTED, []);
  if (granted.includes(receiver.consentKey)) return true;
  const choice = await vscode.window.showWarningMessage(
    `Send ${what} to ${receiver.label}?`,
    {
      modal: true,
      detail: `${receiver.consentDetail}\n\nLongCodeZip asks once for each place it sends to. Set longcodezip.handOff.askBeforeSending to false to stop asking.`,
    },
    'Send',
  );
  if (choice !== 'Send') return false;
  await context.globalState.update(GRANTED, [...granted, receiver.consentKey]);
  return true;
}
