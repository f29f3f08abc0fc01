import * as path from 'node:path';
import * as vscode from 'vscode';
import { fitToReceiver } from '../../core/llm/fitToReceiver';
import { formatTokens } from '../../webview/viewModel/format';
import type { CompressionAsk, CompressionRunner, ScopeInput } from '../compress/runCompression';
import { compressionSummary } from '../compress/compressionSummary';
import { checkToolInput, describeToolScope, toolResultText, type CheckedToolInput, type ContextToolInput } from './contextToolInput';

export const CONTEXT_TOOL = 'longcodezip_compressedContext';

/**
 * The language-model tool agent mode calls for compressed context: a question and a scope in, the
 * compressed code out (within the budget, and within the tool's token budget when the chat gives one).
 * The user confirms each call; the confirmation says what will be compressed.
 */
export function registerContextTool(context: vscode.ExtensionContext, deps: { readonly runner: CompressionRunner; readonly log: vscode.LogOutputChannel }): void {
  context.subscriptions.push(
    vscode.lm.registerTool<ContextToolInput>(CONTEXT_TOOL, {
      prepareInvocation({ input }) {
        const checked = checkToolInput(input);
        if (checked.kind === 'problem') return { invocationMessage: 'LongCodeZip: the request is incomplete' };
        const budget = vscode.workspace.getConfiguration('longcodezip').get<number>('budget.question', 4000);
        return {
          invocationMessage: `Compressing ${describeToolScope(checked)} for "${checked.question}"`,
          confirmationMessages: {
            title: 'Compress code for the model?',
            message: new vscode.MarkdownString(
              `LongCodeZip will compress ${describeToolScope(checked)} for the question “${checked.question}” and give the compressed code (at most ${formatTokens(budget)}) to the chat model.`,
            ),
          },
        };
      },
      async invoke({ input, tokenizationOptions }, token) {
        const checked = checkToolInput(input);
        if (checked.kind === 'problem') throw new Error(checked.message);
        const controller = new AbortController();
        const cancelled = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
        try {
          const setting = vscode.workspace.getConfiguration('longcodezip').get<number>('budget.question', 4000);
          const budget = tokenizationOptions ? Math.max(1, Math.min(setting, tokenizationOptions.tokenBudget)) : setting;
          const ask = toolAsk(checked);
          const run = async (at: number) => {
            const outcome = await deps.runner.run({ ...ask, budget: at }, { signal: controller.signal });
            if (outcome.kind === 'cancelled') throw new vscode.CancellationError();
            if (outcome.kind === 'failed') throw new Error(`LongCodeZip could not compress: ${outcome.message}`);
            return { text: outcome.compression.result.text, compression: outcome.compression };
          };
          // The chat's own token count when it gives one (the model's tokenizer), else the budget tokenizer's.
          const fitted = tokenizationOptions
            ? await fitToReceiver(budget, run, (text) => Promise.resolve(tokenizationOptions.countTokens(text, token)), { signal: controller.signal })
            : { compression: await run(budget) };
          const { result } = fitted.compression.compression;
          deps.log.info(`Language-model tool: ${compressionSummary(result)}`);
          return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(toolResultText(compressionSummary(result), result.text))]);
        } finally {
          cancelled.dispose();
        }
      },
    }),
  );
}

function toolAsk(input: CheckedToolInput & { kind: 'ok' }): Omit<CompressionAsk, 'budget'> {
  const query = { mode: 'question', text: input.question } as const;
  if (input.paths.length > 0) {
    const root = vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file')?.uri;
    const uris = input.paths.map((file) => (path.isAbsolute(file) || !root ? vscode.Uri.file(file) : vscode.Uri.joinPath(root, ...file.split(/[\\/]/))));
    return { query, scope: { kind: 'selection', uris } };
  }
  const scope: ScopeInput = input.scope === 'currentFile' ? { kind: 'currentFile' } : input.scope === 'openEditors' ? { kind: 'openEditors' } : { kind: 'workspace' };
  return { query, scope };
}
