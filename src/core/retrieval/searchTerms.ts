import { lexCode, proseWords, subtokens } from '../lexing/lexCode';

/** Words that carry no meaning for search, in prose or as identifier parts. */
const STOP_WORDS = new Set(
  ('a an and are as at be by for from has have how i if in into is it its of on or that the this to was what when ' +
    'where which who why will with does do can should would could there their them then than these those').split(' '),
);

/**
 * The terms a text is searched by (BM25 and the like): every identifier whole and as its camelCase /
 * snake_case words, and the words of comments, docstrings and string literals; lower case, stop words
 * and one-letter words left out. Code and a prose question land in the same vocabulary.
 */
export function searchTerms(text: string, language?: string): string[] {
  const terms: string[] = [];
  const keep = (word: string) => {
    if (word.length > 1 && !STOP_WORDS.has(word)) terms.push(word);
  };
  for (const token of lexCode(text, language)) {
    if (token.kind === 'identifier') {
      const parts = subtokens(token.text);
      const whole = token.text.toLowerCase();
      if (parts.length > 1) keep(whole);
      parts.forEach(keep);
    } else if (token.kind === 'comment' || token.kind === 'string') {
      proseWords(token.text).forEach(keep);
    }
  }
  return terms;
}
