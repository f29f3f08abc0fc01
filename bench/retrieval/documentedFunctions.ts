import type { Node, Tree } from 'web-tree-sitter';
import type { Chunk, FileChunks } from '../../src/core/chunking/chunk';

/** A function or method chunk with a doc comment of its own, as found in its file. */
export interface DocumentedFunction {
  readonly name: string;
  /** 1-based line of the definition: its first line after the doc comment (JS/TS), its `def` line (Python). */
  readonly line: number;
  /** An offset in the definition, before the doc (Python) or after it (JS/TS): where its chunk is found again. */
  readonly signatureOffset: number;
  /** The doc comment's whole lines, end exclusive (UTF-16 offsets): what the task removes from the file. */
  readonly docStart: number;
  readonly docEnd: number;
  /** The comment or docstring literal as written. */
  readonly docText: string;
}

/** A chunk that holds a function's signature: a function, a method, or the first part of a split function. */
export function holdsSignature(chunk: Chunk, file: FileChunks): boolean {
  if (chunk.kind === 'function' || chunk.kind === 'method') return true;
  return chunk.kind === 'function-part' && file.scopes.some((scope) => scope.openingChunk === chunk.id);
}

/**
 * JavaScript / TypeScript: the chunker attaches a comment that directly precedes a definition to its chunk,
 * so a documented function's chunk starts with comments; its doc is the last of them, when that is a `/**`.
 */
export function jsDocumentedFunctions(text: string, file: FileChunks): DocumentedFunction[] {
  const found: DocumentedFunction[] = [];
  for (const chunk of file.chunks) {
    if (!holdsSignature(chunk, file) || !chunk.name) continue;
    const comments = leadingComments(chunk.text);
    const doc = comments.at(-1);
    if (!doc || !chunk.text.startsWith('/**', doc.start) || doc.end - doc.start < 5) continue;
    const code = chunk.startOffset + doc.codeStart;
    const lines = wholeLines(text, chunk.startOffset + doc.start, chunk.startOffset + doc.end);
    if (!lines || code >= chunk.endOffset) continue;
    const docText = chunk.text.slice(doc.start, doc.end);
    found.push({ name: chunk.name, line: lineOf(text, code), signatureOffset: code, docStart: lines.start, docEnd: lines.end, docText });
  }
  return found;
}

/** The comments at the start of a text, and where the code after them starts. */
function leadingComments(text: string): { start: number; end: number; codeStart: number }[] {
  const comments: { start: number; end: number; codeStart: number }[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    let end: number;
    if (text.startsWith('//', i)) end = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) end = text.indexOf('*/', i + 2) < 0 ? -1 : text.indexOf('*/', i + 2) + 2;
    else break;
    if (end < 0) return [];
    comments.push({ start: i, end, codeStart: -1 });
    i = end;
  }
  return comments.map((c) => ({ ...c, codeStart: i }));
}

/**
 * Python: a docstring is the first statement of the body, a plain string literal on lines of its own. The
 * function must do something besides (no docstring-only stubs, no `pass` or `...` bodies).
 */
export function pythonDocumentedFunctions(text: string, file: FileChunks, tree: Tree): DocumentedFunction[] {
  const found: DocumentedFunction[] = [];
  for (const definition of tree.rootNode.descendantsOfType('function_definition')) {
    if (!definition) continue;
    const name = definition.childForFieldName('name')?.text;
    const statements = definition.childForFieldName('body')?.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment') ?? [];
    const [first, ...rest] = statements;
    if (!name || !first || first.type !== 'expression_statement' || first.namedChildCount !== 1) continue;
    const literal = first.namedChild(0)!;
    if (literal.type !== 'string' || !rest.some(doesSomething)) continue;
    const chunk = file.chunks.find((c) => c.startOffset <= definition.startIndex && definition.startIndex < c.endOffset);
    if (!chunk || chunk.name !== name || !holdsSignature(chunk, file)) continue; // nested, or not a chunk of its own
    const lines = wholeLines(text, literal.startIndex, literal.endIndex);
    if (!lines || literal.startPosition.row === definition.startPosition.row) continue;
    const line = definition.startPosition.row + 1;
    found.push({ name, line, signatureOffset: definition.startIndex, docStart: lines.start, docEnd: lines.end, docText: literal.text });
  }
  return found;
}

function doesSomething(statement: Node): boolean {
  if (statement.type === 'pass_statement') return false;
  return !(statement.type === 'expression_statement' && statement.namedChildCount === 1 && ['ellipsis', 'string'].includes(statement.namedChild(0)!.type));
}

/** The span's lines from the start of the first to after the newline of the last, if nothing else is on them. */
function wholeLines(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  if (text.slice(lineStart, start).trim() !== '' || text.slice(end, lineEnd).trim() !== '') return undefined;
  return { start: lineStart, end: lineEnd };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
