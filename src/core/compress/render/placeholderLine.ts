import { renderSyntaxFor, type RenderSyntax } from './renderSyntax';

/**
 * `comment`: a line comment, valid wherever a comment is. `statement`: a no-op statement carrying the
 * comment, for a placeholder that must stand as a block's body (Python's `...`); languages without
 * one get the comment.
 */
export type PlaceholderForm = 'comment' | 'statement';

/**
 * The line that stands for `omittedLines` dropped lines, in the language's own comment syntax, at the
 * given indentation: `# ... 12 lines omitted`, `// ... 1 line omitted`, `...  # 3 lines omitted`.
 * No line break. Unknown languages get a neutral `... 12 lines omitted`.
 */
export function placeholderLine(
  language: string | undefined,
  omittedLines: number,
  indentation = '',
  form: PlaceholderForm = 'comment',
): string {
  return placeholderFor(renderSyntaxFor(language, ''), omittedLines, indentation, form === 'statement');
}

export function placeholderFor(syntax: RenderSyntax, omittedLines: number, indentation: string, statement: boolean): string {
  const what = omittedLines === 1 ? '1 line omitted' : `${omittedLines} lines omitted`;
  const comment = syntax.lineComment;
  if (comment === undefined) return `${indentation}... ${what}`;
  if (statement && syntax.indentBlocks) return `${indentation}${syntax.indentBlocks.noOp}  ${comment} ${what}`;
  return `${indentation}${comment} ... ${what}`;
}
