import type { LineRange } from '../lineRange';
import { headerFor, type RenderFormat } from './fileHeader';
import { fenceFor } from './markdownFence';
import { renderKeptLines } from './renderKeptLines';
import { renderSyntaxFor } from './renderSyntax';
import { linesOf } from './sourceLines';

/** One file of the context, with the lines that were decided to stay (containers already brought along). */
export interface RenderFile {
  /** Workspace-relative POSIX path, as the header names it. */
  readonly path: string;
  /** Language id of grammars/languages.json; undefined for a file we do not parse. */
  readonly language: string | undefined;
  readonly text: string;
  /** 1-based inclusive line ranges; any order, overlaps allowed. */
  readonly kept: readonly LineRange[];
  /** `text` already split by `splitLines`, for callers that hold it; otherwise split once and memoised. */
  readonly lines?: readonly string[];
}

/**
 * A file's section of the rendered context, ending with a line break: its header, then its kept lines with
 * placeholders (markdown: in a fence with the language tag, the header outside). Empty when nothing but
 * blank lines is kept.
 */
export function renderFileSection(file: RenderFile, format: RenderFormat): string {
  const syntax = renderSyntaxFor(file.language, file.path);
  const body: string[] = [];
  if (!renderKeptLines(file.lines ?? linesOf(file.text), file.kept, syntax, body)) return '';
  const header = headerFor(file.path, syntax, format, '', false);
  const code = body.join('\n');
  if (format === 'text') return `${header}\n${code}\n`;
  const fence = fenceFor(code);
  return `${header}\n${fence}${syntax.fenceTag}\n${code}\n${fence}\n`;
}
