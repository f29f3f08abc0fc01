// The answer document's text around the model's answer. No `vscode` here: tested as plain strings.
import type { HandOffTask } from '../../core/llm/handOffPrompt';
import { formatCount, oneLine } from '../../webview/viewModel/format';

export interface AnswerHeading {
  readonly task: HandOffTask;
  /** The model, as the user picked it ("GPT-4o (copilot)", "qwen2.5-coder at http://127.0.0.1:11434/v1"). */
  readonly receiver: string;
  /** compressionSummary() of what was sent. */
  readonly summary: string;
  /** Tokens of the compressed context as the receiver counts them, and the budget they had to fit. */
  readonly receiverTokens: number;
  readonly budget: number;
  /** True when the receiver's count is the budget tokenizer's (an endpoint: its tokenizer is not known here). */
  readonly countedInBudgetTokenizer: boolean;
}

/** How the answer ended. */
export type AnswerEnd =
  | { readonly kind: 'done'; readonly finishReason?: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** The top of the answer document: what was asked, of which model, with which compressed context. */
export function answerHeading(heading: AnswerHeading): string {
  const asked = heading.task.mode === 'question' ? `**Question:** ${oneLine(heading.task.question)}` : `**Completion** at the end of the context, in \`${heading.task.path}\``;
  const counted = heading.countedInBudgetTokenizer ? 'tokens' : 'tokens as the model counts them';
  return [
    '# LongCodeZip answer',
    '',
    asked,
    '',
    `**Model:** ${heading.receiver}`,
    '',
    `**Context sent:** ${formatCount(heading.receiverTokens)} ${counted} (budget ${formatCount(heading.budget)}) — ${heading.summary}. Run "LongCodeZip: Show Compressed Context" to read it.`,
    '',
    '---',
    '',
    '',
  ].join('\n');
}

/** The line after the answer when it did not simply end. Empty when there is nothing to add. */
export function answerEnding(end: AnswerEnd): string {
  if (end.kind === 'cancelled') return '\n\n---\n\n_Cancelled: the rest of the answer was not requested._\n';
  if (end.kind === 'failed') return `\n\n---\n\n**The model did not answer:** ${end.message}\n`;
  if (end.finishReason === 'length') return '\n\n---\n\n_The answer stopped at the model\'s length limit._\n';
  return '\n';
}
