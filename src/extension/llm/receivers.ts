import * as vscode from 'vscode';
import type { ChatMessage } from '../../core/llm/chatMessage';
import { isLoopbackUrl } from '../../core/llm/loopbackHost';
import { streamChat, type ChatEndpoint } from '../../core/llm/openAiChat';

/** A model the compressed context can be sent to: a VS Code chat model or an OpenAI-compatible endpoint. */
export interface Receiver {
  /** For the user: "GPT-4o (copilot)", "qwen2.5-coder at http://127.0.0.1:11434/v1". */
  readonly label: string;
  /** Consent is remembered per this key: the chat model's vendor, or the endpoint's origin. */
  readonly consentKey: string;
  /** Undefined: sending stays on this machine (a loopback endpoint), no consent needed. */
  readonly consentDetail: string | undefined;
  /** The most input the model takes, when it says. */
  readonly maxInputTokens: number | undefined;
  /** True when `countTokens` is the budget tokenizer's count, not the model's own. */
  readonly countsInBudgetTokenizer: boolean;
  countTokens(text: string, token: vscode.CancellationToken): Promise<number>;
  /** Streams the answer into `onText`; resolves with how it ended. */
  send(messages: readonly ChatMessage[], onText: (text: string) => void, token: vscode.CancellationToken): Promise<{ readonly finishReason?: string }>;
}

/** A model from `vscode.lm` (Copilot's, or any extension's). */
export function chatModelReceiver(model: vscode.LanguageModelChat): Receiver {
  return {
    label: `${model.name} (${model.vendor})`,
    consentKey: `vscode.lm:${model.vendor}`,
    consentDetail: `The code goes to ${model.name}, a chat model provided in VS Code by "${model.vendor}"; where that model runs is up to its provider.`,
    maxInputTokens: model.maxInputTokens > 0 ? model.maxInputTokens : undefined,
    countsInBudgetTokenizer: false,
    countTokens: async (text, token) => model.countTokens(text, token),
    async send(messages, onText, token) {
      try {
        const response = await model.sendRequest(toChatModelMessages(messages), { justification: 'LongCodeZip sends the compressed code and your question to the model you picked.' }, token);
        for await (const piece of response.text) onText(piece);
        return {};
      } catch (error) {
        throw new Error(chatModelProblem(model, error));
      }
    },
  };
}

/** An OpenAI-compatible server; its tokenizer is not known here, so the budget tokenizer counts for it. */
export function endpointReceiver(endpoint: ChatEndpoint, timeoutMs: number, countBudgetTokens: (text: string) => number): Receiver {
  const where = endpoint.baseUrl.replace(/\/+$/, '');
  return {
    label: `${endpoint.model} at ${where}`,
    consentKey: `endpoint:${originOf(where)}`,
    consentDetail: isLoopbackUrl(where) ? undefined : `The code goes to ${where} (model ${endpoint.model}), a server outside this machine.`,
    maxInputTokens: undefined,
    countsInBudgetTokenizer: true,
    countTokens: async (text) => countBudgetTokens(text),
    async send(messages, onText, token) {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
      try {
        const answer = await streamChat(endpoint, messages, { signal: controller.signal, onText, timeoutMs });
        return { finishReason: answer.finishReason };
      } finally {
        cancelled.dispose();
      }
    },
  };
}

/** `vscode.lm` has user and assistant messages only: instructions go first in the user's message. */
function toChatModelMessages(messages: readonly ChatMessage[]): vscode.LanguageModelChatMessage[] {
  const merged: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const message of messages) {
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const lastMessage = merged.at(-1);
    if (lastMessage?.role === role) lastMessage.content += `\n\n${message.content}`;
    else merged.push({ role, content: message.content });
  }
  return merged.map((message) => (message.role === 'user' ? vscode.LanguageModelChatMessage.User(message.content) : vscode.LanguageModelChatMessage.Assistant(message.content)));
}

/** One sentence for a failed `vscode.lm` request, by the error's code. */
function chatModelProblem(model: vscode.LanguageModelChat, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof vscode.LanguageModelError) {
    if (error.code === vscode.LanguageModelError.NoPermissions().code) return `VS Code did not allow LongCodeZip to use ${model.name}${message ? ` (${message})` : ''}. Allow it when asked, or pick another model with "LongCodeZip: Choose Language Model…".`;
    if (error.code === vscode.LanguageModelError.Blocked().code) return `${model.name} refused the request, for example because a quota is used up${message ? ` (${message})` : ''}.`;
    if (error.code === vscode.LanguageModelError.NotFound().code) return `${model.name} is no longer available${message ? ` (${message})` : ''}: pick another model with "LongCodeZip: Choose Language Model…".`;
  }
  return `${model.name} failed: ${message}`;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
