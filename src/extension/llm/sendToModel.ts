import * as vscode from 'vscode';
import { handOffMessages, promptOverhead } from '../../core/llm/handOffPrompt';
import { receiverBudget, ReceiverBudgetError } from '../../core/llm/fitToReceiver';
import { countTokens } from '../../core/tokens/countTokens';
import { compressionSummary } from '../compress/compressionSummary';
import type { LastCompression } from '../compress/lastCompression';
import type { CompressionRunner } from '../compress/runCompression';
import type { AnswerDocuments } from './answerDocuments';
import { answerEnding, answerHeading } from './answerMarkdown';
import { chooseReceiver, NO_RECEIVER } from './chooseReceiver';
import { askAgain, handOffTask } from './compressionAsk';
import { askedBudget, CompressionFailed, compressForReceiver } from './compressForReceiver';
import { consentToSend } from './consent';
import { offerWithoutModel } from './sendWithoutModel';

export interface HandOffDeps {
  readonly context: vscode.ExtensionContext;
  readonly runner: CompressionRunner;
  readonly last: LastCompression;
  readonly answers: AnswerDocuments;
  readonly log: vscode.LogOutputChannel;
}

/**
 * "LongCodeZip: Send to Language Model": the last compression (or a new one for a question) and its
 * question go to the model the user picked; the answer streams into a read-only markdown document under
 * the compression's summary. Cancel stops the request.
 */
export async function sendToLanguageModel(deps: HandOffDeps, options: { readonly pick?: boolean } = {}): Promise<void> {
  const { log } = deps;
  let compression = deps.last.get();
  if (!compression) {
    await vscode.commands.executeCommand('longcodezip.compressQuestion');
    compression = deps.last.get();
    if (!compression) return;
  }
  const receiver = await chooseReceiver(deps.context, options);
  if (receiver === undefined) return;
  if (receiver === NO_RECEIVER) return offerWithoutModel(compression, log);
  if (!(await consentToSend(deps.context, receiver, 'the compressed code and your question'))) {
    log.info(`Send to ${receiver.label}: not sent (the user declined)`);
    return;
  }

  const task = handOffTask(compression);
  const start = compression;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `LongCodeZip → ${receiver.label}`, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
    let writer: Awaited<ReturnType<AnswerDocuments['open']>> | undefined;
    try {
      progress.report({ message: 'counting the context in the model\'s tokens' });
      // A compression shrunk for another model starts again from the budget the user asked for.
      const asked = askedBudget(start);
      const budget = receiverBudget(asked, receiver.maxInputTokens, receiver.countsInBudgetTokenizer ? countTokens(promptOverhead(task)) : await receiver.countTokens(promptOverhead(task), token));
      const fitted = await compressForReceiver({
        runner: deps.runner,
        ...(asked === start.budget ? { first: start } : {}),
        askAt: (at) => askAgain(start, at),
        budget,
        askedBudget: asked,
        countTokens: (text) => receiver.countTokens(text, token),
        signal: controller.signal,
        onProgress: (message) => progress.report({ message }),
      });
      const sent = fitted.compression;
      const summary = compressionSummary(sent.result);
      log.info(`Sending to ${receiver.label}: ${fitted.receiverTokens} tokens as the model counts them (budget ${budget}, ${fitted.rounds} compression${fitted.rounds === 1 ? '' : 's'}); ${summary}`);
      writer = await deps.answers.open(
        answerHeading({ task, receiver: receiver.label, summary, receiverTokens: fitted.receiverTokens, budget, countedInBudgetTokenizer: receiver.countsInBudgetTokenizer }),
      );
      progress.report({ message: 'waiting for the answer' });
      let pieces = 0;
      const ended = await receiver.send(handOffMessages(sent.result.text, task), (text) => {
        if (pieces++ === 0) progress.report({ message: 'answering…' });
        writer!.append(text);
      }, token);
      writer.finish(answerEnding({ kind: 'done', ...(ended.finishReason ? { finishReason: ended.finishReason } : {}) }));
      log.info(`${receiver.label} answered (${pieces} pieces${ended.finishReason ? `, finish reason ${ended.finishReason}` : ''})`);
    } catch (error) {
      if (token.isCancellationRequested) {
        writer?.finish(answerEnding({ kind: 'cancelled' }));
        log.info(`Send to ${receiver.label} cancelled`);
        return;
      }
      if (error instanceof CompressionFailed) return;
      const message = error instanceof Error ? error.message : String(error);
      log.error(`Send to ${receiver.label} failed: ${message}`);
      writer?.finish(answerEnding({ kind: 'failed', message }));
      const actions = error instanceof ReceiverBudgetError ? ['Open Settings'] : ['Choose Another Model', 'Show Log'];
      void vscode.window.showErrorMessage(`LongCodeZip: ${message}`, ...actions).then((choice) => {
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'longcodezip.budget');
        if (choice === 'Choose Another Model') void vscode.commands.executeCommand('longcodezip.chooseLanguageModel');
        if (choice === 'Show Log') log.show(true);
      });
    } finally {
      cancelled.dispose();
    }
  });
}
