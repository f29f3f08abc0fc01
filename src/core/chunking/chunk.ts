/** Bumped whenever chunking would cut the same text differently: cached chunks of another version are stale. */
export const CHUNK_FORMAT_VERSION = 4;

/** What a chunk is, in the words of the algorithm (algorithm.md, Stage 0). */
export type ChunkKind =
  /** A top-level function, or one nested only in containers that is not a method. */
  | 'function'
  /** A function defined in a container (class, struct, impl, trait, interface, namespace, module). */
  | 'method'
  /** One piece of a function larger than the size cap, cut at statement boundaries. */
  | 'function-part'
  /** A container's opening part: its signature and whatever precedes its first member chunk; a block's opening lines, unnamed. */
  | 'container-header'
  /** A container's closing part: whatever follows its last member chunk; a block's closing lines. */
  | 'container-footer'
  /** A type, interface, enum or constant declaration (or a container with no member chunks). */
  | 'declaration'
  /** Imports and any other code between definitions. */
  | 'glue'
  /** A blank-line separated block of a file whose language we do not parse, or that failed to parse. */
  | 'block-fallback';

/** The kinds that are function code: what stage 2 trims and what a completion's current function is. */
export const FUNCTION_KINDS: ReadonlySet<ChunkKind> = new Set<ChunkKind>(['function', 'method', 'function-part']);

/**
 * A contiguous piece of one file. The chunks of a file cover it exactly, in order, without overlap:
 * joining their `text` gives the file back. Plain data: it crosses worker boundaries and is cached.
 */
export interface Chunk {
  /** Stable across edits elsewhere: `path#hash` of the text (with `~2`, `~3` for repeats in the file). */
  readonly id: string;
  /** Workspace-relative POSIX path. */
  readonly path: string;
  /** Language id of grammars/languages.json, or undefined for a file we do not parse. */
  readonly language: string | undefined;
  readonly kind: ChunkKind;
  /** The function's, container's or declaration's name; undefined for glue and fallback blocks. */
  readonly name: string | undefined;
  /**
   * The qualified name of what owns it: the enclosing containers ("Outer.Inner"), a Go method's receiver
   * type, the `A` of a C++ `A::f`, the function of a function-part. Undefined at top level.
   */
  readonly parent: string | undefined;
  /** The id of the scope (a container, a block, or a function split into parts) this chunk belongs to. */
  readonly scope: string | undefined;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** UTF-16 code units, as VS Code and tree-sitter count; `end` is exclusive. */
  readonly startOffset: number;
  readonly endOffset: number;
  readonly text: string;
  /**
   * Functions, methods and function parts: where the statements of the body start, in order, one per
   * line (the first statement that starts the line), those nested in a statement right after it. Stage 2
   * cuts blocks only there. Empty for a body without statements (or one the query does not capture).
   */
  readonly statements?: readonly StatementStart[];
}

/** A line of a function where one of its body's statements starts (docs/chunking.md). */
export interface StatementStart {
  /** 1-based file line; only blanks precede the statement on it. */
  readonly line: number;
  /** 1-based file line where the statement ends. */
  readonly endLine?: number;
  /**
   * Its node type; for an `expression_statement`, its expression's type (Rust's `return x;` and PHP's
   * `throw` are expressions); `@tail-expression` for a Rust body's final value (see TAIL_EXPRESSION).
   */
  readonly type: string;
  /**
   * How deep it is nested in the body's other statements: absent for the body's own (top-level)
   * statements, 1 for those in the body of a top-level `if`, loop, `case` or callback, and so on. Nested
   * statements follow the statement that holds them: the one before them with one depth less.
   */
  readonly depth?: number;
}

/**
 * The type given to the last statement of a body that is a value without a `;` (Rust's tail expression,
 * the function's result), for languages whose `returnLike` names it: no node type says that.
 */
export const TAIL_EXPRESSION = '@tail-expression';

/**
 * A container, a block around definitions (a module-level `if`, `#ifdef`, `extern "C" { }`: it adds no
 * name to what is inside), or a function split into parts: what chunks with the same `scope` belong to.
 */
export interface Scope {
  readonly id: string;
  readonly kind: 'container' | 'block' | 'function';
  /** The container's or function's name; a block's first line. */
  readonly name: string;
  /** Qualified name of the owner, as in Chunk.parent. */
  readonly parent: string | undefined;
  /** The enclosing scope's id. */
  readonly scope: string | undefined;
  /** The chunk holding the opening (container header, or the function part with the signature). */
  readonly openingChunk: string;
  /**
   * The chunk holding the closing line(s): container footer, last function part; none for a Python class;
   * for a block, its footer, or the glue with a clause it cannot stand without (a `try`'s `except`).
   */
  readonly closingChunk: string | undefined;
}

/** Everything chunking knows about one file. */
export interface FileChunks {
  readonly path: string;
  readonly language: string | undefined;
  /** Hash of the file's text: the cache key. */
  readonly contentHash: string;
  readonly chunks: readonly Chunk[];
  readonly scopes: readonly Scope[];
  /** Syntax errors tree-sitter found: what parsed was still chunked. */
  readonly parseErrors: number;
  /** Why the file was cut into blank-line blocks instead of parsed (unknown language, parser failure). */
  readonly fallbackReason: string | undefined;
}

/** A file's text: its chunks cover it exactly, in order. */
export function fileText(file: FileChunks): string {
  return file.chunks.map((chunk) => chunk.text).join('');
}
