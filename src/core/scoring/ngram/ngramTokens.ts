import { languageForPath } from '../../languages/languageTable';
import { lexCode, subtokens } from '../../lexing/lexCode';
import { LINE_END } from './vocabulary';

/** A text as the n-gram model sees it. */
export interface NgramText {
  /** The tokens in order, with LINE_END for every line break. */
  readonly tokens: readonly string[];
  /** 0-based line of each token; a LINE_END belongs to the line it ends. */
  readonly lines: Int32Array;
  /** UTF-16 offset in the text where each token starts. */
  readonly starts: Int32Array;
}

/** How source text becomes n-gram tokens (docs/ngram.md has the measurements behind the defaults). */
export interface LexingChoices {
  /**
   * An identifier as itself (`parseUrl`), as its lower-case words (parse, url), or as itself followed by
   * its words when it has more than one.
   */
  readonly identifiers: 'whole' | 'words' | 'whole+words';
  /** String and number literals of at most this many characters stay verbatim, longer ones are a placeholder. */
  readonly literalChars: number;
  /** The lower-case words of a long string (a docstring, a message) follow its placeholder. */
  readonly stringWords: boolean;
  /** The lower-case words of a comment follow its marker; without them a comment is the marker alone. */
  readonly commentWords: boolean;
  /** A run of operator characters (`):`) is one token; otherwise every character is one. */
  readonly operatorRuns: boolean;
}

export const DEFAULT_LEXING: LexingChoices = {
  identifiers: 'words',
  literalChars: 0,
  stringWords: true,
  commentWords: true,
  operatorRuns: true,
};

export const STRING_PLACEHOLDER = '<str>';
export const NUMBER_PLACEHOLDER = '<num>';
export const COMMENT_MARKER = '<comment>';

const WORD = /[\p{L}_$][\p{L}\p{N}_$]*/gu;

/**
 * The n-gram tokens of `text`: by default identifiers as their lower-case words, every string and number
 * literal as a placeholder with a string's words after it, a comment as a marker and its words,
 * operator runs as lexCode cuts them, and a LINE_END per line break. Prose (a question) lexes the same
 * way, so its words meet the words of code and comments.
 *
 * `language` (an id of the language table) decides whether `#` starts a comment; without it, a text
 * with a line that starts with `# ` or holds ` # ` is read as such a language: scored chunks come
 * without a path.
 */
export function ngramTokens(text: string, language?: string, choices: LexingChoices = DEFAULT_LEXING): NgramText {
  const tokens: string[] = [];
  const lines: number[] = [];
  const starts: number[] = [];
  let line = 0;
  let nextLineEnd = text.indexOf('\n');
  const push = (token: string, start: number) => {
    while (nextLineEnd !== -1 && nextLineEnd < start) {
      tokens.push(LINE_END);
      lines.push(line++);
      starts.push(nextLineEnd);
      nextLineEnd = text.indexOf('\n', nextLineEnd + 1);
    }
    tokens.push(token);
    lines.push(line);
    starts.push(start);
  };
  const pushWords = (source: string, offset: number) => {
    WORD.lastIndex = 0;
    for (let match = WORD.exec(source); match; match = WORD.exec(source)) {
      for (const word of wordsOf(match[0])) push(word, offset + match.index);
    }
  };

  for (const token of lexCode(text, language ?? guessLanguage(text))) {
    switch (token.kind) {
      case 'identifier': {
        // `_` and `$` have no words: they stay as they are.
        const words = wordsOf(token.text);
        if (choices.identifiers === 'words' && words.length > 0) {
          for (const word of words) push(word, token.start);
        } else {
          push(token.text, token.start);
          if (choices.identifiers === 'whole+words' && words.length > 1) for (const word of words) push(word, token.start);
        }
        break;
      }
      case 'number':
        push(token.text.length <= choices.literalChars ? token.text : NUMBER_PLACEHOLDER, token.start);
        break;
      case 'string':
        if (token.text.length <= choices.literalChars && !token.text.includes('\n')) {
          push(token.text, token.start);
        } else {
          push(STRING_PLACEHOLDER, token.start);
          if (choices.stringWords) pushWords(token.text, token.start);
        }
        break;
      case 'comment':
        push(COMMENT_MARKER, token.start);
        if (choices.commentWords) pushWords(token.text, token.start);
        break;
      case 'operator':
        if (choices.operatorRuns) push(token.text, token.start);
        else for (let i = 0; i < token.text.length; i++) push(token.text[i]!, token.start + i);
        break;
    }
  }
  push(LINE_END, text.length); // flushes the line ends after the last token
  tokens.pop();
  lines.pop();
  starts.pop();
  return { tokens, lines: Int32Array.from(lines), starts: Int32Array.from(starts) };
}

/** The language id of a file's path, for ngramTokens. */
export function languageOfPath(path: string): string | undefined {
  return languageForPath(path)?.id;
}

/** subtokens() of an identifier, remembered: the same names come back all the time. */
const knownWords = new Map<string, readonly string[]>();
const KNOWN_WORDS_LIMIT = 100_000;

function wordsOf(identifier: string): readonly string[] {
  let words = knownWords.get(identifier);
  if (words === undefined) {
    if (knownWords.size >= KNOWN_WORDS_LIMIT) knownWords.clear();
    words = subtokens(identifier);
    knownWords.set(identifier, words);
  }
  return words;
}

const HASH_COMMENT_LINE = /^[ \t]*# |[ \t]# /m;

function guessLanguage(text: string): string | undefined {
  return HASH_COMMENT_LINE.test(text) ? 'python' : undefined;
}
