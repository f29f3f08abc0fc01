import * as vscode from 'vscode';
import type { LastCompression } from '../compress/lastCompression';
import type { CompressionRunner } from '../compress/runCompression';
import { AnswerDocuments } from './answerDocuments';
import { chooseReceiver, NO_RECEIVER } from './chooseReceiver';
import { registerEndpointKeyCommands } from './endpointSettings';
import { sendToLanguageModel } from './sendToModel';

export interface HandOffRegistration {
  readonly runner: CompressionRunner;
  readonly last: LastCompression;
  readonly log: vscode.LogOutputChannel;
}

/** The hand-off to an LLM: send, choose the model, the endpoint's API key, the answer documents. */
export function registerHandOff(context: vscode.ExtensionContext, deps: HandOffRegistration): AnswerDocuments {
  const answers = new AnswerDocuments();
  const handOff = { ...deps, context, answers };
  registerEndpointKeyCommands(context);
  context.subscriptions.push(
    answers,
    vscode.workspace.registerTextDocumentContentProvider(AnswerDocuments.scheme, answers),
    vscode.commands.registerCommand('longcodezip.sendToLanguageModel', () => sendToLanguageModel(handOff)),
    vscode.commands.registerCommand('longcodezip.chooseLanguageModel', async () => {
      const receiver = await chooseReceiver(context, { pick: true });
      if (receiver === NO_RECEIVER) {
        const choice = await vscode.window.showWarningMessage('LongCodeZip: VS Code has no chat model and no OpenAI-compatible endpoint is set up.', 'Set Up Endpoint');
        if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'longcodezip.endpoint');
      } else if (receiver) {
        void vscode.window.showInformationMessage(`LongCodeZip: compressed context goes to ${receiver.label}.`);
      }
    }),
  );
  return answers;
}
