/** What a piece of source text is, as far as ranking cares. */
export type LexKind = 'identifier' | 'number' | 'string' | 'comment' | 'operator';

export interface LexToken {
  readonly text: string;
  readonly kind: LexKind;
  /** UTF-16 offsets in the lexed text; end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** Languages whose `#` starts a comment (elsewhere it is a preprocessor line or an operator). */
const HASH_COMMENTS = new Set(['python', 'ruby', 'php']);
/** Languages without `//` and `/* */` comments (in Python `//` is floor division). */
const NO_SLASH_COMMENTS = new Set(['python', 'ruby']);

// One alternation, tried in order at each position: comments, strings, identifiers, numbers, operators.
const BLOCK_COMMENT = String.raw`\/\*[\s\S]*?(?:\*\/|$)`;
const LINE_COMMENT = String.raw`\/\/[^\n]*`;
const HASH_COMMENT = String.raw`#[^\n]*`;
const TRIPLE_STRING = String.raw`"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)`;
const STRING = String.raw`"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|` + '`(?:[^`\\\\]|\\\\.)*`?';
const IDENTIFIER = String.raw`[\p{L}_$][\p{L}\p{N}_$]*`;
const NUMBER = String.raw`\p{N}[\p{L}\p{N}_.]*`;
// Runs of punctuation, but never through a quote (a string starts there) nor `/` or `#` (a comment may).
const OPERATOR = String.raw`[^\s\p{L}\p{N}_$"'#/` + '`' + String.raw`]+|[#/]`;

function scanner(hashComments: boolean, slashComments: boolean): RegExp {
  const comment = [...(slashComments ? [BLOCK_COMMENT, LINE_COMMENT] : []), ...(hashComments ? [HASH_COMMENT] : [])].join('|');
  return new RegExp(
    `(${comment})|(${TRIPLE_STRING}|${STRING})|(${IDENTIFIER})|(${NUMBER})|(${OPERATOR})`,
    'gu',
  );
}

const SCANNERS = { hashOnly: scanner(true, false), both: scanner(true, true), slashOnly: scanner(false, true) };
const KINDS: readonly LexKind[] = ['comment', 'string', 'identifier', 'number', 'operator'];

/**
 * Cuts source text into comments, string literals, identifiers, numbers and operators, the same way for
 * every language (close enough for ranking; tree-sitter is for structure). Whitespace is dropped.
 */
export function lexCode(text: string, language?: string): LexToken[] {
  const hash = language !== undefined && HASH_COMMENTS.has(language);
  const slash = language === undefined || !NO_SLASH_COMMENTS.has(language);
  const pattern = hash && !slash ? SCANNERS.hashOnly : hash ? SCANNERS.both : SCANNERS.slashOnly;
  pattern.lastIndex = 0;
  const tokens: LexToken[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    tokens.push({ text: match[0], kind: KINDS[group - 1]!, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * The words an identifier is made of, lower case: `parseHTTPResponse2` → parse, http, response, 2;
 * `MAX_RETRY_COUNT` → max, retry, count.
 */
export function subtokens(identifier: string): string[] {
  return (identifier.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|\p{L}+/gu) ?? []).map((part) => part.toLowerCase());
}

/** The words of prose (a comment, a docstring, a string literal), lower case. */
export function proseWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.match(/[\p{L}_$][\p{L}\p{N}_$]*/gu) ?? []) words.push(...subtokens(word));
  return words;
}
