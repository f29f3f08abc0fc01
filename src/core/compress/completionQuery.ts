import { FUNCTION_KINDS, fileText, type FileChunks } from '../chunking/chunk';
import { LineIndex } from '../chunking/lineIndex';
import { CompressionInputError } from './compressionInputError';

/** Where the user wants a completion: 1-based line and column (UTF-16 code units), in a context file. */
export interface Cursor {
  readonly path: string;
  readonly line: number;
  /** Default 1: the completion starts at the beginning of the line. */
  readonly column?: number;
}

/** What completion mode compresses for (algorithm.md, Inputs). */
export interface CompletionQuery {
  /** The code before the cursor: the current function up to the cursor, else the 30 lines before it. */
  readonly query: string;
  /** Chunks that are not context: the current function (all its parts), or what the prefix covers. */
  readonly excluded: ReadonlySet<string>;
  /** UTF-16 offsets of the file the query came from, end exclusive: a scorer must not learn from them. */
  readonly excludedSpan: { readonly start: number; readonly end: number };
  /** 1-based line where the verbatim prefix starts. */
  readonly prefixStartLine: number;
}

export const LINES_BEFORE_CURSOR = 30;

export function completionQuery(file: FileChunks, cursor: Cursor): CompletionQuery {
  const text = fileText(file);
  const index = new LineIndex(text);
  const lines = index.lineCount;
  if (!Number.isInteger(cursor.line) || cursor.line < 1 || cursor.line > lines) {
    throw new CompressionInputError(`--cursor line ${cursor.line} is outside ${file.path} (1-${lines}).`);
  }
  const lineStart = index.startOfLine(cursor.line);
  const lineEnd = cursor.line < lines ? index.startOfLine(cursor.line + 1) - 1 : text.length;
  const column = cursor.column ?? 1;
  if (!Number.isInteger(column) || column < 1 || lineStart + column - 1 > lineEnd) {
    throw new CompressionInputError(`--cursor column ${column} is outside line ${cursor.line} of ${file.path}.`);
  }
  const offset = lineStart + column - 1;

  // The chunk holding the cursor; at the very start of a line, the chunk that line starts.
  const here = file.chunks.find((chunk) => chunk.startOffset <= offset && offset < chunk.endOffset) ?? file.chunks.at(-1);
  if (here && FUNCTION_KINDS.has(here.kind)) {
    const parts = here.kind === 'function-part' ? file.chunks.filter((chunk) => chunk.scope === here.scope) : [here];
    const start = parts[0]!.startOffset;
    const end = parts.at(-1)!.endOffset;
    return {
      query: text.slice(start, offset),
      excluded: new Set(parts.map((part) => part.id)),
      excludedSpan: { start, end },
      prefixStartLine: parts[0]!.startLine,
    };
  }
  const prefixStartLine = Math.max(1, cursor.line - LINES_BEFORE_CURSOR);
  const start = index.startOfLine(prefixStartLine);
  const covered = file.chunks.filter(
    (chunk) => (chunk.startLine >= prefixStartLine && chunk.endLine <= cursor.line) || chunk === here,
  );
  return {
    query: text.slice(start, offset),
    excluded: new Set(covered.map((chunk) => chunk.id)),
    excludedSpan: { start, end: Math.max(offset, here?.endOffset ?? offset) },
    prefixStartLine,
  };
}
