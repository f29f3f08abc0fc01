import * as vscode from 'vscode';
import { receiverBudget } from '../../core/llm/fitToReceiver';
import { handOffMessages, promptOverhead, type HandOffTask } from '../../core/llm/handOffPrompt';
import { formatTokens } from '../../webview/viewModel/format';
import type { CompressionAsk, CompressionRunner } from '../compress/runCompression';
import { compressionSummary } from '../compress/compressionSummary';
import { CompressionFailed, compressForReceiver } from '../llm/compressForReceiver';
import { chatModelReceiver } from '../llm/receivers';
import { chatRequestAsk, type AttachedFile } from './chatRequestAsk';
import { keptDefinitions, keptSpans } from './keptCode';

export const PARTICIPANT_ID = 'longcodezip.chat';

/**
 * `@longcodezip /ask` and `/complete`: compresses the workspace (or the attached files) for the
 * question or the cursor, fits it to the chat's model with that model's own token count, answers with
 * that model, lists the kept code as references and offers the compressed context.
 */
export function registerChatParticipant(context: vscode.ExtensionContext, deps: { readonly runner: CompressionRunner; readonly log: vscode.LogOutputChannel }): void {
  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, _chat, stream, token) => answer(request, stream, token, deps));
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  context.subscriptions.push(participant);
}

async function answer(
  request: vscode.ChatRequest,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
  deps: { readonly runner: CompressionRunner; readonly log: vscode.LogOutputChannel },
): Promise<vscode.ChatResult> {
  const ask = chatRequestAsk({ command: request.command, prompt: request.prompt, attached: attachedFiles(request.references) });
  if (ask.kind === 'problem') {
    stream.markdown(ask.message);
    return {};
  }
  let compressionAsk: Omit<CompressionAsk, 'budget'>;
  let task: HandOffTask;
  let budgetSetting: number;
  const settings = vscode.workspace.getConfiguration('longcodezip');
  if (ask.kind === 'question') {
    compressionAsk = {
      query: { mode: 'question', text: ask.question },
      scope: ask.files.length > 0 ? { kind: 'selection', uris: ask.files.map((file) => vscode.Uri.file(file)) } : { kind: 'workspace' },
    };
    task = { mode: 'question', question: ask.question };
    budgetSetting = settings.get<number>('budget.question', 4000);
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.scheme !== 'file') {
      stream.markdown('Open a file of the workspace and put the cursor where the code should continue, then ask `@longcodezip /complete` again.');
      return {};
    }
    compressionAsk = { query: { mode: 'completion', document: editor.document.uri, position: editor.selection.active }, scope: { kind: 'workspace' } };
    task = { mode: 'completion', path: vscode.workspace.asRelativePath(editor.document.uri, false), language: editor.document.languageId };
    budgetSetting = settings.get<number>('budget.completion', 2000);
  }

  const controller = new AbortController();
  const cancelled = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
  const receiver = chatModelReceiver(request.model);
  try {
    stream.progress('Compressing the code…');
    const budget = receiverBudget(budgetSetting, receiver.maxInputTokens, await receiver.countTokens(promptOverhead(task), token));
    const fitted = await compressForReceiver({
      runner: deps.runner,
      askAt: (at) => ({ ...compressionAsk, budget: at }),
      budget,
      countTokens: (text) => receiver.countTokens(text, token),
      signal: controller.signal,
      onProgress: (message) => stream.progress(`Compressing: ${message}`),
    });
    const { result } = fitted.compression;
    const summary = compressionSummary(result);
    deps.log.info(`@longcodezip: sending ${fitted.receiverTokens} tokens to ${receiver.label}; ${summary}`);
    stream.progress(`Asking ${request.model.name} with ${formatTokens(fitted.receiverTokens)} of compressed context…`);

    const messages = handOffMessages(result.text, task);
    if (ask.kind === 'completion' && ask.instruction !== '') messages.push({ role: 'user', content: ask.instruction });
    await receiver.send(messages, (text) => stream.markdown(text), token);

    const folder = fitted.compression.folder;
    const definitions = keptDefinitions(result);
    if (definitions.length > 0) {
      stream.markdown(`\n\n---\n*Compressed context: ${summary}. Best-ranked kept code:* `);
      for (const [i, definition] of definitions.entries()) {
        stream.anchor(new vscode.Location(vscode.Uri.joinPath(folder, definition.path), new vscode.Position(definition.line - 1, 0)), `${definition.name}${definition.partial ? ' (trimmed)' : ''}`);
        if (i < definitions.length - 1) stream.markdown(' · ');
      }
    }
    for (const span of keptSpans(result)) {
      stream.reference(new vscode.Location(vscode.Uri.joinPath(folder, span.path), new vscode.Range(span.lines.start - 1, 0, span.lines.end - 1, 0)));
    }
    stream.button({ command: 'longcodezip.showPreview', title: 'Show Compressed Context' });
    return { metadata: { command: request.command ?? 'ask', receiverTokens: fitted.receiverTokens } };
  } catch (error) {
    if (token.isCancellationRequested) return {};
    const message = error instanceof Error ? error.message : String(error);
    deps.log.error(`@longcodezip failed: ${message}`);
    stream.markdown(error instanceof CompressionFailed ? `LongCodeZip could not compress: ${message}` : `The request failed: ${message}`);
    return { errorDetails: { message } };
  } finally {
    cancelled.dispose();
  }
}

/** The files attached to the request (#file, a selection, drag and drop), by their path on disk. */
function attachedFiles(references: readonly vscode.ChatPromptReference[]): AttachedFile[] {
  return references.flatMap((reference) => {
    const value = reference.value;
    const uri = value instanceof vscode.Uri ? value : value instanceof vscode.Location ? value.uri : undefined;
    if (!uri || uri.scheme !== 'file') return [];
    return [{ path: uri.fsPath, ...(reference.range ? { range: reference.range } : {}) }];
  });
}
