import type { Parser, Query } from 'web-tree-sitter';
import { languageForPath } from '../languages/languageTable';
import { countTokens, tokensAtMost } from '../tokens/countTokens';
import { assembleChunks, fallbackChunks, type AssembledFile } from './assembleChunks';
import type { FileChunks } from './chunk';
import { contentHash } from './chunkIds';
import { findDefinitions } from './findDefinitions';
import type { GrammarLoader } from './grammarLoader';

export interface ChunkerOptions {
  /** Functions (and glue) above this many budget tokens are cut into parts. Default 1,024. */
  readonly sizeCap?: number;
}

export interface SourceFile {
  /** Workspace-relative POSIX path; its extension picks the language. */
  readonly path: string;
  readonly text: string;
}

export const DEFAULT_SIZE_CAP = 1024;

/** Cuts files into chunks with tree-sitter: one parser per language, reused. */
export class Chunker {
  private readonly parsers = new Map<string, Promise<Parser>>();
  private readonly sizeCap: number;

  constructor(
    private readonly grammars: GrammarLoader,
    options: ChunkerOptions = {},
  ) {
    this.sizeCap = options.sizeCap ?? DEFAULT_SIZE_CAP;
  }

  /** Never throws for what is in the file: syntax errors are chunked around, unknown languages fall back. */
  async chunkFile(file: SourceFile): Promise<FileChunks> {
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
    const tree = parser.parse(file.text);
    if (!tree) return result(file, hash, spec.id, fallbackChunks(file.text, file.path, spec.id), 0, 'the parser gave up');
    try {
      const definitions = findDefinitions(tree, query, spec, file.text);
      const assembled = assembleChunks(file.text, file.path, spec.id, spec.lineComment, definitions, {
        sizeCap: this.sizeCap,
        countTokens,
        tokensAtMost,
      });
      const errors = tree.rootNode.hasError ? tree.rootNode.descendantsOfType('ERROR').length || 1 : 0;
      return result(file, hash, spec.id, assembled, errors, undefined);
    } finally {
      tree.delete();
    }
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
