import type { Node, Query, Tree } from 'web-tree-sitter';
import type { LanguageSpec } from '../languages/languageTable';
import { TAIL_EXPRESSION } from './chunk';

/** A span of a file in UTF-16 offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * What a query capture names (docs/chunking.md): a function or method; a container whose functions are
 * methods (class, struct, interface, impl, trait); a namespace whose functions stay functions (namespace,
 * module); a declaration (type, enum, constant); a block around definitions that adds no name (a
 * module-level `if`, `#ifdef`, `extern "C" { }`): kept only when definitions were found inside it.
 */
export type DefinitionKind = 'function' | 'container' | 'namespace' | 'declaration' | 'block';

/**
 * A statement of a function body: where it starts (offset, 0-based row), its last row, its type
 * (StatementStart), and how deep it is nested in other statements (0: top level of the body).
 */
export interface Statement {
  readonly start: number;
  readonly row: number;
  readonly endRow: number;
  readonly type: string;
  readonly depth: number;
}

export interface Definition extends Span {
  readonly kind: DefinitionKind;
  /** Its name; a block's first line (`if TYPE_CHECKING:`, `#ifdef _WIN32`). */
  readonly name: string | undefined;
  /** Where its name node starts: a wrapper (decorators, `export`) and the definition inside it share it. */
  readonly nameAt: number | undefined;
  /** The owner named outside the definition: a Go receiver type, the `A` of a C++ `A::f`. */
  readonly owner: string | undefined;
  /**
   * The statements of a function's body in source order: the top-level ones, where a large function may be
   * cut and stage 2 may cut blocks, each followed by the statements nested in it (the bodies of its `if`,
   * loops, `case`s and callbacks, at depth 1 and below). Read from the syntax tree when asked, so only
   * while the tree is alive.
   */
  readonly statements: () => readonly Statement[];
  /** Definitions directly inside a container, namespace or block (never inside a function or declaration). */
  readonly children: Definition[];
  /**
   * A block's first clause that it cannot stand without (Python's `except`/`finally` after `try`): where it
   * starts. Found over several matches (one per clause), so set while the query runs.
   */
  clauseAt?: number;
}

const MAIN_CAPTURES = new Set<string>(['function', 'container', 'namespace', 'declaration', 'block']);

/**
 * How deep below the file, and below each container, block or `@scan` node, a definition may start.
 * Matching the whole tree costs a third of the parse time; definitions sit near the top (functions deep
 * inside others are not chunks anyway), so the query runs on the file and again on each container, block
 * and `@scan` node it finds outside functions, this deep.
 */
const DEFAULT_SCAN_DEPTH = 5;

/**
 * Runs a language's chunk query and returns the forest of definitions, outermost first, in source order.
 * Leading doc comments, decorators and attributes (the table's `attachBefore`) join the definition.
 * Definitions inside a function or a declaration are dropped: nested functions and lambdas stay inside.
 */
export function findDefinitions(tree: Tree, query: Query, spec: LanguageSpec, text: string): Definition[] {
  const found = new Map<string, Definition>();
  const attach = new Set(spec.attachBefore);
  const maxStartDepth = spec.scanDepth ?? DEFAULT_SCAN_DEPTH;
  const marksTail = spec.returnLike.includes(TAIL_EXPRESSION);
  const pending: Node[] = [tree.rootNode];
  // A node within reach of several scans is queued once: nested `#if` chains would otherwise be
  // re-scanned once per ancestor, which grows exponentially with their depth.
  const queued = new Set<number>([tree.rootNode.id]);
  for (let scanned = pending.pop(); scanned; scanned = pending.pop()) {
    const deeper: Node[] = [];
    const closed: Span[] = []; // functions and declarations: nothing inside them is scanned again
    for (const match of query.matches(scanned, { maxStartDepth })) {
      let main: { kind: DefinitionKind; node: Node } | undefined;
      let name: Node | undefined;
      let owner: Node | undefined;
      let body: Node | undefined;
      let clause: Node | undefined;
      for (const capture of match.captures) {
        if (MAIN_CAPTURES.has(capture.name)) main = { kind: capture.name as DefinitionKind, node: capture.node };
        else if (capture.name === 'scan') {
          if (capture.node.id !== scanned.id) deeper.push(capture.node);
        }
        else if (capture.name.endsWith('.name')) name ??= capture.node;
        else if (capture.name === 'function.parent') owner ??= capture.node;
        else if (capture.name === 'function.body') body ??= capture.node;
        else if (capture.name === 'block.clause') clause ??= capture.node;
      }
      if (!main) continue;
      const key = `${main.node.startIndex}:${main.node.endIndex}`;
      const known = found.get(key);
      if (known) {
        // The first pattern that captured a node decides what it is; a block's clauses come one per match.
        if (clause && known.kind === 'block') known.clauseAt = Math.min(known.clauseAt ?? Infinity, clause.startIndex);
        continue;
      }
      if (main.kind === 'container' || main.kind === 'namespace' || main.kind === 'block') {
        if (main.node.id !== scanned.id) deeper.push(main.node);
      } else {
        closed.push({ start: main.node.startIndex, end: main.node.endIndex });
      }
      found.set(key, {
        kind: main.kind,
        start: attachedStart(main.node, attach, text),
        end: main.node.endIndex,
        name: main.kind === 'block' ? firstLineAt(text, main.node.startIndex) : name?.text,
        nameAt: name?.startIndex,
        owner: owner?.text.replaceAll('::', '.'),
        statements: body ? statementsOf(body, marksTail) : () => [],
        children: [],
        ...(clause && main.kind === 'block' ? { clauseAt: clause.startIndex } : {}),
      });
    }
    const isClosed = insideAny(closed);
    for (const node of deeper) {
      if (queued.has(node.id) || isClosed(node.startIndex, node.endIndex)) continue;
      queued.add(node.id);
      pending.push(node);
    }
  }
  return withoutEmptyBlocks(nest([...found.values()]));
}

function firstLineAt(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  return text.slice(start, newline < 0 ? text.length : newline).trim();
}

/** Reads a body's statements when asked; `marksTail`: type its final value `@tail-expression`. */
function statementsOf(body: Node, marksTail: boolean): () => Statement[] {
  return () => {
    const nodes = namedChildren(body);
    const last = marksTail ? lastNonComment(nodes) : -1;
    const statements: Statement[] = [];
    nodes.forEach((node, i) => {
      const type = i === last && isTailExpression(node) ? TAIL_EXPRESSION : statementType(node);
      statements.push(statementAt(node, type, 0));
      statements.push(...nestedStatements(node, body.type, 1));
    });
    return statements;
  };
}

/**
 * Node types whose named children are statements although they are not blocks: the arms of a switch or a
 * match (`case x:` and what follows it). Types a grammar does not have are ignored.
 */
const CASE_TYPES = [
  'switch_case',
  'switch_default',
  'expression_case',
  'type_case',
  'default_case',
  'communication_case',
  'case_statement',
  'switch_block_statement_group',
  'switch_section',
  'case_clause',
  'when',
  'match_arm',
];

/** Statements shorter than this many lines are not looked into: nothing inside them is worth a block of its own. */
const MIN_NESTING_LINES = 4;

/**
 * The statements nested in `node`, in source order with their depth: the named children of every block
 * of the body's own type (an `if`'s or a loop's body, a callback's body) and of every switch or match arm
 * inside it, and the arms themselves. A statement that does not start its line is skipped with all it holds.
 */
function nestedStatements(node: Node, blockType: string, depth: number): Statement[] {
  if (node.endPosition.row - node.startPosition.row + 1 < MIN_NESTING_LINES) return [];
  const children: Node[] = [];
  if (CASE_TYPES.includes(node.type)) {
    // An arm's statements are its children (`case 1:` then statements), or those of its block (Rust, Python).
    for (const child of namedChildren(node)) children.push(...(child.type === blockType ? namedChildren(child) : [child]));
  } else {
    for (const holder of node.descendantsOfType([blockType, ...CASE_TYPES])) {
      if (!holder || !isDirectlyInside(holder, node, blockType)) continue;
      if (CASE_TYPES.includes(holder.type)) children.push(holder);
      else children.push(...namedChildren(holder));
    }
  }
  children.sort((a, b) => a.startIndex - b.startIndex);
  const found: Statement[] = [];
  let reach = -1;
  for (const child of children) {
    if (child.startIndex < reach) continue; // inside a statement already taken (its own nesting finds it)
    reach = child.endIndex;
    found.push(statementAt(child, statementType(child), depth));
    found.push(...nestedStatements(child, blockType, depth + 1));
  }
  return found;
}

/** No block of the body's type and no switch arm lies between `holder` and `node`: `holder` is one level down. */
function isDirectlyInside(holder: Node, node: Node, blockType: string): boolean {
  for (let up = holder.parent; up && up.id !== node.id; up = up.parent) {
    if (up.type === blockType || CASE_TYPES.includes(up.type)) return false;
  }
  return true;
}

function statementAt(node: Node, type: string, depth: number): Statement {
  return { start: node.startIndex, row: node.startPosition.row, endRow: lastTokenRow(node), type, depth };
}

/** The row of a node's last token: a `case` arm's node reaches over the indentation of the next arm's line. */
function lastTokenRow(node: Node): number {
  let last = node;
  while (last.childCount > 0) last = last.lastChild!;
  return last.endPosition.row;
}

function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null);
}

/** A statement's node type; an `expression_statement` is described by its expression (`return x;` in Rust). */
function statementType(node: Node): string {
  const type = node.type;
  if (type !== 'expression_statement') return type;
  return node.firstNamedChild?.type ?? type;
}

function lastNonComment(nodes: readonly Node[]): number {
  for (let i = nodes.length - 1; i >= 0; i--) if (!nodes[i]!.type.includes('comment')) return i;
  return -1;
}

/** The body's last statement is its value when no `;` ends it and it defines nothing (a nested fn, a `let`). */
function isTailExpression(node: Node): boolean {
  if (/_(item|declaration|definition)$/.test(node.type)) return false;
  return node.lastChild?.type !== ';' && node.nextSibling?.type !== ';';
}

/** A test of whether a span lies inside one of the given spans. */
function insideAny(spans: Span[]): (start: number, end: number) => boolean {
  spans.sort((a, b) => a.start - b.start);
  const reach: number[] = []; // the furthest end among spans starting at or before each one
  for (const span of spans) reach.push(Math.max(span.end, reach[reach.length - 1] ?? -1));
  return (start, end) => {
    let low = 0;
    let high = spans.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (spans[mid]!.start <= start) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return last >= 0 && reach[last]! >= end;
  };
}

/** Extends a definition back over the comments, decorators and attributes right above it. */
function attachedStart(node: Node, attach: ReadonlySet<string>, text: string): number {
  let first = node;
  for (let previous = node.previousNamedSibling; previous && attach.has(previous.type); previous = previous.previousNamedSibling) {
    const touching = previous.endPosition.row >= first.startPosition.row - 1;
    if (!touching || !startsItsLine(previous, text)) break;
    first = previous;
  }
  return first.startIndex;
}

function startsItsLine(node: Node, text: string): boolean {
  for (let i = node.startIndex - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10) return true;
    if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  return true;
}

function nest(definitions: Definition[]): Definition[] {
  definitions.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Definition[] = [];
  const open: Definition[] = [];
  for (const definition of definitions) {
    while (open.length > 0 && open[open.length - 1]!.end <= definition.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && (definition.end > parent.end || parent.kind === 'function' || parent.kind === 'declaration')) {
      continue; // inside a function or declaration (stays inside), or overlapping (cannot be a chunk)
    }
    if (parent && isWrapperOf(parent, definition)) continue; // its members join the wrapper
    (parent ? parent.children : roots).push(definition);
    open.push(definition);
  }
  return roots;
}

/**
 * The same definition inside its wrapper (decorators, `export`): same kind, same end, same name. A Python
 * class that is the last member of its class ends there too, but has a name of its own; nested blocks
 * (`if` in `if`) are two.
 */
function isWrapperOf(parent: Definition, definition: Definition): boolean {
  return parent.kind === definition.kind && parent.kind !== 'block' && parent.end === definition.end && parent.nameAt === definition.nameAt;
}

/** Blocks matter only around definitions: one without any is code like the rest. */
function withoutEmptyBlocks(definitions: Definition[]): Definition[] {
  return definitions.filter((definition) => {
    const children = withoutEmptyBlocks(definition.children);
    definition.children.splice(0, definition.children.length, ...children);
    return definition.kind !== 'block' || children.length > 0;
  });
}
