import { longestRunOf } from './markdownFence';
import { renderSyntaxFor, type RenderSyntax } from './renderSyntax';

export type RenderFormat = 'text' | 'markdown';

/**
 * The line that introduces a file's section. Text: a line comment in the file's own syntax, so the section
 * still parses (`# File: src/app.py`, `// File: src/app.ts`; PHP opens and closes its tag around it:
 * `<?php // File: src/index.php ?>`; unknown languages: `File: notes.txt`). Markdown: the header stands
 * outside the fence, so it is markdown: File: `src/app.py`.
 */
export function fileHeaderLine(path: string, language: string | undefined, format: RenderFormat = 'text'): string {
  return headerFor(path, renderSyntaxFor(language, path), format, '', false);
}

/**
 * The header of completion mode's verbatim code before the cursor. PHP leaves its tag open: what follows
 * is code from inside a function, not a file that opens its own tag.
 */
export function completionHeaderLine(path: string, language: string | undefined, format: RenderFormat = 'text'): string {
  return headerFor(path, renderSyntaxFor(language, path), format, ' (up to the cursor)', true);
}

export function headerFor(path: string, syntax: RenderSyntax, format: RenderFormat, note: string, leaveTagOpen: boolean): string {
  if (format === 'markdown') return `File: ${codeSpan(path)}${note}`;
  const title = `File: ${path}${note}`;
  if (syntax.lineComment === undefined) return title;
  const comment = `${syntax.lineComment} ${title}`;
  if (!syntax.openTag) return comment;
  // A `//` comment ends at a close tag, so the header may close the tag it opened.
  return leaveTagOpen || !syntax.closeTag ? `${syntax.openTag} ${comment}` : `${syntax.openTag} ${comment} ${syntax.closeTag}`;
}

/** Inline markdown code: a path with `_` or `*` would otherwise turn into emphasis. */
function codeSpan(text: string): string {
  const ticks = '`'.repeat(longestRunOf(text, '`') + 1);
  const pad = ticks.length > 1 ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}
