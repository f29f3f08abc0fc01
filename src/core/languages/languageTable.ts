import table from '../../../grammars/languages.json';

/** One row of grammars/languages.json: what the engine knows about a language. */
export interface LanguageSpec {
  /** Our id; also the grammar file name `dist/grammars/<id>.wasm`. */
  readonly id: string;
  /** The name users read. */
  readonly name: string;
  /** File extensions, lower case, with the dot. */
  readonly extensions: readonly string[];
  /** The line-comment marker used for placeholders in rendered output. */
  readonly lineComment: string;
  /** Node types that belong to the definition they directly precede: doc comments, decorators, attributes. */
  readonly attachBefore: readonly string[];
  /** Statement node types that end a function's flow (`return`, `throw`, a Rust tail expression). */
  readonly returnLike: readonly string[];
  /** How deep below the file or a container a definition may start (findDefinitions); default 5. */
  readonly scanDepth?: number;
  /**
   * Rendering, for a language whose blocks are indentation (Python): a line ending with `opener` opens a
   * block, and `noOp` is the statement that stands in for a block body whose every line was dropped.
   */
  readonly indentBlocks?: { readonly opener: string; readonly noOp: string };
  /** Rendering, for a language embedded in text (PHP): code starts after `openTag` and ends at `closeTag`. */
  readonly openTag?: string;
  readonly closeTag?: string;
}

export const LANGUAGES: readonly LanguageSpec[] = table.languages;

const byExtension = new Map(LANGUAGES.flatMap((spec) => spec.extensions.map((ext) => [ext, spec] as const)));
const byId = new Map(LANGUAGES.map((spec) => [spec.id, spec] as const));

/** The language of a file by its extension, or undefined for a language we do not parse. */
export function languageForPath(filePath: string): LanguageSpec | undefined {
  const dot = filePath.lastIndexOf('.');
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  if (dot <= slash + 1) return undefined;
  return byExtension.get(filePath.slice(dot).toLowerCase());
}

export function languageById(id: string): LanguageSpec | undefined {
  return byId.get(id);
}
