import type { Node } from 'web-tree-sitter';
import type { FileChunks } from '../../../../src/core/chunking/chunk';
import { GrammarLoader } from '../../../../src/core/chunking/grammarLoader';
import type { LineRange } from '../../../../src/core/compress/lineRange';
import { distDir } from '../../../helpers/repoPaths';


/**
 * Each chunk kept with probability `share`, then what rendering expects the caller to bring: for every
 * kept chunk, the opening and closing chunks of each container (or split function) around it.
 */
export function randomChunks(file: FileChunks, random: () => number, share: number): Set<string> {
  const kept = new Set(file.chunks.filter(() => random() < share).map((chunk) => chunk.id));
  return withContainers(file, kept);
}

export function withContainers(file: FileChunks, kept: ReadonlySet<string>): Set<string> {
  const scopes = new Map(file.scopes.map((scope) => [scope.id, scope]));
  const byId = new Map(file.chunks.map((chunk) => [chunk.id, chunk]));
  const all = new Set(kept);
  for (const id of kept) {
    for (let scope = scopes.get(byId.get(id)!.scope ?? ''); scope; scope = scopes.get(scope.scope ?? '')) {
      all.add(scope.openingChunk);
      if (scope.closingChunk) all.add(scope.closingChunk);
    }
  }
  return all;
}

/** The lines of the kept chunks, in file order. */
export function linesOfChunks(file: FileChunks, kept: ReadonlySet<string>): LineRange[] {
  return file.chunks.filter((chunk) => kept.has(chunk.id)).map((chunk) => ({ start: chunk.startLine, end: chunk.endLine }));
}

/** A top-level statement of a function body on lines of its own: stage 2 may drop it. 1-based lines. */
export type Statement = LineRange;

const grammars = new GrammarLoader(distDir);

/**
 * For each function or method chunk, the top-level statements of its body that share no line with
 * anything else (the signature, the closing brace, another statement), found with the language's own
 * chunk query (`@function.body`).
 */
export async function bodyStatements(file: FileChunks, text: string): Promise<Map<string, Statement[]>> {
  const language = file.language!;
  const parser = await grammars.parserFor(language);
  const query = await grammars.queryFor(language, 'chunks');
  const tree = parser.parse(text)!;
  try {
    const bodies: Node[] = [];
    for (const match of query.matches(tree.rootNode)) {
      for (const capture of match.captures) if (capture.name === 'function.body') bodies.push(capture.node);
    }
    const result = new Map<string, Statement[]>();
    for (const chunk of file.chunks) {
      if (chunk.kind !== 'function' && chunk.kind !== 'method') continue;
      const inside = bodies.filter((b) => b.startPosition.row + 1 >= chunk.startLine && b.endPosition.row + 1 <= chunk.endLine);
      const outermost = inside.sort((a, b) => b.endIndex - b.startIndex - (a.endIndex - a.startIndex))[0];
      if (outermost) result.set(chunk.id, statementsOnOwnLines(outermost));
    }
    return result;
  } finally {
    tree.delete();
  }
}

function statementsOnOwnLines(body: Node): Statement[] {
  const statements: Statement[] = [];
  for (const node of body.namedChildren) {
    if (!node) continue;
    const before = node.previousSibling ?? body.previousSibling;
    const after = node.nextSibling ?? body.nextSibling;
    const start = node.startPosition.row;
    const end = node.endPosition.row;
    if (before && before.endPosition.row >= start) continue;
    if (after && after.startPosition.row <= end) continue;
    statements.push({ start: start + 1, end: end + 1 });
  }
  return statements;
}

/**
 * Stage 2's kind of selection: the kept chunks, but inside each kept function some of its top-level
 * statements dropped (each with probability `dropShare`; 1 drops them all, emptying the body).
 */
export function dropStatements(
  ranges: readonly LineRange[],
  statements: readonly Statement[],
  random: () => number,
  dropShare: number,
): LineRange[] {
  const dropped = statements.filter(() => random() < dropShare);
  if (dropped.length === 0) return [...ranges];
  const out: LineRange[] = [];
  for (const range of ranges) {
    let start = range.start;
    for (const statement of dropped) {
      if (statement.end < start || statement.start > range.end) continue;
      if (statement.start > start) out.push({ start, end: statement.start - 1 });
      start = statement.end + 1;
    }
    if (start <= range.end) out.push({ start, end: range.end });
  }
  return out;
}
