import { languageById } from '../../languages/languageTable';

/** What rendering needs to know about a file's language (grammars/languages.json). */
export interface RenderSyntax {
  /** Its line-comment marker; undefined for a language we do not know (neutral placeholders and headers). */
  readonly lineComment: string | undefined;
  /** Python: a line ending with `opener` opens an indented block, which a `noOp` statement can fill. */
  readonly indentBlocks: { readonly opener: string; readonly noOp: string } | undefined;
  /** PHP: code only counts as code after the open tag; the close tag goes back to plain text. */
  readonly openTag: string | undefined;
  readonly closeTag: string | undefined;
  /** The info string of a markdown fence. */
  readonly fenceTag: string;
}

const byLanguage = new Map<string, RenderSyntax>();

export function renderSyntaxFor(language: string | undefined, path: string): RenderSyntax {
  const known = language === undefined ? undefined : byLanguage.get(language);
  if (known) return known;
  const spec = language === undefined ? undefined : languageById(language);
  if (!spec) return unknownLanguage(path);
  const syntax: RenderSyntax = {
    lineComment: spec.lineComment,
    indentBlocks: spec.indentBlocks,
    openTag: spec.openTag,
    closeTag: spec.closeTag,
    fenceTag: spec.id,
  };
  byLanguage.set(spec.id, syntax);
  return syntax;
}

/** A file we do not parse: no comment syntax, and the extension as the fence tag (`yaml`, `sql`, `sh`). */
function unknownLanguage(path: string): RenderSyntax {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return {
    lineComment: undefined,
    indentBlocks: undefined,
    openTag: undefined,
    closeTag: undefined,
    fenceTag: /^[a-z0-9_+-]+$/.test(extension) ? extension : '',
  };
}
