import type { ChatMessage } from './chatMessage';

/** What the user asks the model about the compressed context. */
export type HandOffTask =
  | { readonly mode: 'question'; readonly question: string }
  /** The compressed context ends with the code before the cursor: the model continues it. */
  | { readonly mode: 'completion'; readonly path: string; readonly language?: string };

const QUESTION_INSTRUCTIONS = [
  'You answer questions about a code base.',
  'The context is the code of the workspace compressed for this question by LongCodeZip: only the functions and lines most relevant to it were kept, and a comment marks each place where lines were left out.',
  'Answer from the context. Name the files and functions you rely on. If the context does not hold the answer, say what is missing instead of guessing.',
].join(' ');

const COMPLETION_INSTRUCTIONS = [
  'You complete code.',
  'The context is code of the workspace compressed by LongCodeZip (a comment marks each place where lines were left out); it ends with the code before the cursor, verbatim.',
  'Reply with only the code that continues it at the cursor, in one fenced code block, and nothing else.',
].join(' ');

/**
 * The messages one hand-off sends, the same for every path (a VS Code chat model, an OpenAI-compatible
 * endpoint, the chat participant): instructions, then the compressed context, then the question or the
 * completion request. The context is sent exactly as compressed: its budget was counted on that text.
 */
export function handOffMessages(context: string, task: HandOffTask): ChatMessage[] {
  if (task.mode === 'question') {
    return [
      { role: 'system', content: QUESTION_INSTRUCTIONS },
      { role: 'user', content: `Context:\n\n${context}\n\nQuestion: ${task.question.trim()}` },
    ];
  }
  const language = task.language ? ` (${task.language})` : '';
  return [
    { role: 'system', content: COMPLETION_INSTRUCTIONS },
    { role: 'user', content: `Context:\n\n${context}\n\nContinue the code of ${task.path}${language} where the context above ends.` },
  ];
}

/** The messages' text without the context: what a receiver's budget must leave room for. */
export function promptOverhead(task: HandOffTask): string {
  return handOffMessages('', task)
    .map((message) => message.content)
    .join('\n');
}
