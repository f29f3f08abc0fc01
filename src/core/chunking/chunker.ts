import type { Parser, Query, Tree } from 'web-tree-sitter';
import { languageForPath } from '../languages/languageTable';
import { countTokens, tokensAtMost } from '../tokens/countTokens';
import { assembleChunks, fallbackChunks, type AssembledFile } from './assembleChunks';
import type { FileChunks } from './chunk';
import { contentHash } from './chunkIds';
import { countSyntaxErrors } from './countSyntaxErrors';
import { findDefinitions } from './findDefinitions';
import type { GrammarLoader } from './grammarLoader';
import { textEdit } from './textEdit';

export interface ChunkerOptions {
  /** Functions (and glue) above this many budget tokens are cut into parts. Default 1,024. */
  readonly sizeCap?: number;
  /** The budget tokenizer's count (default o200k); the benchmark swaps it to time chunking alone. */
  readonly countTokens?: (text: string) => number;
}

export interface SourceFile {
  /** Workspace-relative POSIX path; its extension picks the language. */
  readonly path: string;
  readonly text: string;
}

export const DEFAULT_SIZE_CAP = 1024;

/** Syntax trees kept for incremental re-parsing of files being edited (each holds memory in the WASM heap). */
const KEPT_TREES = 16;

interface KeptTree {
  readonly language: string;
  readonly text: string;
  readonly tree: Tree;
}

/** Cuts files into chunks with tree-sitter: one parser per language, reused. */
export class Chunker {
  private readonly parsers = new Map<string, Promise<Parser>>();
  private readonly sizeCap: number;
  private readonly countTokens: (text: string) => number;
  private readonly kept = new Map<string, KeptTree>();

  constructor(
    private readonly grammars: GrammarLoader,
    options: ChunkerOptions = {},
  ) {
    this.sizeCap = options.sizeCap ?? DEFAULT_SIZE_CAP;
    this.countTokens = options.countTokens ?? countTokens;
  }

  /**
   * Never throws for what is in the file: syntax errors are chunked around, unknown languages fall back.
   * `keepTree`: keep the syntax tree so the next version of this file is re-parsed incrementally (for
   * files being edited; a bulk build does not keep trees).
   */
  async chunkFile(file: SourceFile, options: { keepTree?: boolean } = {}): Promise<FileChunks> {
    const hash = contentHash(file.text);
    const spec = languageForPath(file.path);
    if (!spec) return result(file, hash, undefined, fallbackChunks(file.text, file.path, undefined), 0, 'no grammar for this file type');

    let parser: Parser;
    let query: Query;
    try {
      [parser, query] = await Promise.all([this.parser(spec.id), this.grammars.queryFor(spec.id, 'chunks')]);
    } catch (error) {
      // A broken installation should not lose the file: it is still there, in blank-line blocks.
      const reason = error instanceof Error ? error.message : String(error);
      return result(file, hash, spec.id, fallbackChunks(file.text, file.path, spec.id), 0, reason);
    }
    const tree = this.parse(parser, spec.id, file);
    if (!tree) return result(file, hash, spec.id, fallbackChunks(file.text, file.path, spec.id), 0, 'the parser gave up');
    let keep = false;
    try {
      const definitions = findDefinitions(tree, query, spec, file.text);
      const assembled = assembleChunks(file.text, file.path, spec.id, spec.lineComment, definitions, {
        sizeCap: this.sizeCap,
        countTokens: this.countTokens,
        tokensAtMost,
      });
      const errors = countSyntaxErrors(tree.rootNode);
      keep = options.keepTree === true;
      return result(file, hash, spec.id, assembled, errors, undefined);
    } finally {
      if (keep) this.keep(file.path, { language: spec.id, text: file.text, tree });
      else tree.delete();
    }
  }

  /** Forgets the kept tree of a file (deleted, or no longer edited). */
  forget(path: string): void {
    this.kept.get(path)?.tree.delete();
    this.kept.delete(path);
  }

  private parse(parser: Parser, language: string, file: SourceFile): Tree | null {
    const previous = this.kept.get(file.path);
    if (!previous || previous.language !== language) return parser.parse(file.text);
    this.kept.delete(file.path);
    previous.tree.edit(textEdit(previous.text, file.text));
    const tree = parser.parse(file.text, previous.tree);
    previous.tree.delete();
    return tree;
  }

  private keep(path: string, kept: KeptTree): void {
    this.forget(path);
    this.kept.set(path, kept);
    if (this.kept.size > KEPT_TREES) this.forget(this.kept.keys().next().value!);
  }

  private parser(languageId: string): Promise<Parser> {
    let parser = this.parsers.get(languageId);
    if (!parser) {
      parser = this.grammars.parserFor(languageId);
      this.parsers.set(languageId, parser);
      parser.catch(() => this.parsers.delete(languageId));
    }
    return parser;
  }
}

function result(
  file: SourceFile,
  contentHash: string,
  language: string | undefined,
  assembled: AssembledFile,
  parseErrors: number,
  fallbackReason: string | undefined,
): FileChunks {
  return { path: file.path, language, contentHash, chunks: assembled.chunks, scopes: assembled.scopes, parseErrors, fallbackReason };
}
