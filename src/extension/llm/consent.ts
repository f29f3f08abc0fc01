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
  return askOnceToSend(context, {
    key: receiver.consentKey,
    question: `Send ${what} to ${receiver.label}?`,
    detail: `${receiver.consentDetail}\n\nLongCodeZip asks once for each place it sends to. Set longcodezip.handOff.askBeforeSending to false to stop asking.`,
  });
}

/** A modal question before code leaves the machine; `key` names the place, so a yes is asked once. */
export interface SendQuestion {
  readonly key: string;
  readonly question: string;
  readonly detail: string;
}

/** Asks in a modal dialog unless a yes for `key` is remembered; remembers a yes in global state (a no is asked again next time). */
export async function askOnceToSend(context: vscode.ExtensionContext, ask: SendQuestion): Promise<boolean> {
  const granted = context.globalState.get<string[]>(GRANTED, []);
  if (granted.includes(ask.key)) return true;
  const choice = await vscode.window.showWarningMessage(ask.question, { modal: true, detail: ask.detail }, 'Send');
  if (choice !== 'Send') return false;
  await context.globalState.update(GRANTED, [...context.globalState.get<string[]>(GRANTED, []).filter((key) => key !== ask.key), ask.key]);
  return true;
}
