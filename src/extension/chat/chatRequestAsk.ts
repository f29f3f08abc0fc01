// What a chat request to @longcodezip asks for, from its command, prompt and attached files. No
// `vscode` here: the participant hands in plain values, the unit tests hand in tables.
import { oneLine } from '../../webview/viewModel/format';

/** A file or part of one that the user attached to the request (#file, drag and drop). */
export interface AttachedFile {
  /** The absolute file system path. */
  readonly path: string;
  /** Where the reference sits in the prompt text, to take it out of the question. */
  readonly range?: readonly [start: number, end: number];
}

export interface ChatRequestInput {
  readonly command: string | undefined;
  readonly prompt: string;
  readonly attached: readonly AttachedFile[];
}

export type ChatAsk =
  /** A question over the attached files, or the whole workspace when none are attached. */
  | { readonly kind: 'question'; readonly question: string; readonly files: readonly string[] }
  /** A completion at the cursor of the active editor; `instruction` is anything the user added. */
  | { readonly kind: 'completion'; readonly instruction: string }
  /** Nothing to do: one line for the user. */
  | { readonly kind: 'problem'; readonly message: string };

/**
 * `/ask` (and no command): the prompt is the question; attached files narrow the scope from the
 * workspace to them. `/complete`: a completion at the cursor. Anything else is a problem to tell.
 */
export function chatRequestAsk(request: ChatRequestInput): ChatAsk {
  const text = oneLine(withoutReferences(request.prompt, request.attached));
  const files = [...new Set(request.attached.map((file) => file.path))];
  switch (request.command) {
    case undefined:
    case 'ask':
      if (text === '') return { kind: 'problem', message: 'Ask a question after `/ask`, e.g. `@longcodezip /ask How is the late fee calculated?`. Attach files with `#` to ask about just them.' };
      return { kind: 'question', question: text, files };
    case 'complete':
      return { kind: 'completion', instruction: text };
    default:
      return { kind: 'problem', message: `\`/${request.command}\` is not a LongCodeZip command: use \`/ask\` or \`/complete\`.` };
  }
}

/** The prompt with the text of each attached reference (`#file:fees.py`) taken out. */
function withoutReferences(prompt: string, attached: readonly AttachedFile[]): string {
  const ranges = attached
    .flatMap((file) => (file.range ? [file.range] : []))
    .filter(([start, end]) => start >= 0 && end <= prompt.length && start < end)
    .sort((a, b) => b[0] - a[0]);
  let text = prompt;
  for (const [start, end] of ranges) text = `${text.slice(0, start)} ${text.slice(end)}`;
  return text;
}
