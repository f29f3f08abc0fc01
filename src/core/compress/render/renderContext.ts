import { headerFor, type RenderFormat } from './fileHeader';
import { fenceFor } from './markdownFence';
import { renderFileSection, type RenderFile } from './renderFileSection';
import { renderSyntaxFor } from './renderSyntax';

export { completionHeaderLine, fileHeaderLine, type RenderFormat } from './fileHeader';
export { placeholderLine, type PlaceholderForm } from './placeholderLine';
export type { RenderFile } from './renderFileSection';
export { splitLines } from './sourceLines';

/** Completion mode: the current function from its start up to the cursor, appended verbatim, last. */
export interface RenderCompletion {
  readonly path: string;
  readonly language: string | undefined;
  readonly prefix: string;
}

export interface RenderOptions {
  readonly format: RenderFormat;
  readonly completion?: RenderCompletion | undefined;
}

/**
 * The text an LLM receives: each file with something kept, in the given order, as its section (header,
 * kept lines, placeholders), a blank line between sections; in completion mode the code before the cursor
 * last, so that the text ends exactly where the cursor is (text format). Empty when nothing is kept.
 */
export function renderContext(files: readonly RenderFile[], options: RenderOptions): string {
  const sections: string[] = [];
  for (const file of files) {
    const section = renderFileSection(file, options.format);
    if (section) sections.push(section);
  }
  if (options.completion) sections.push(renderCompletion(options.completion, options.format));
  return sections.join('\n');
}

function renderCompletion(completion: RenderCompletion, format: RenderFormat): string {
  const syntax = renderSyntaxFor(completion.language, completion.path);
  const header = headerFor(completion.path, syntax, format, ' (up to the cursor)', true);
  if (format === 'text') return `${header}\n${completion.prefix}`;
  const fence = fenceFor(completion.prefix);
  const end = completion.prefix.endsWith('\n') ? '' : '\n';
  return `${header}\n${fence}${syntax.fenceTag}\n${completion.prefix}${end}${fence}\n`;
}
