import { lexCode } from '../../lexing/lexCode';

/** A name the code before the cursor uses: `helper(`, `self.save(`, `m.parse`, `CONFIG`. */
export interface Reference {
  readonly name: string;
  /** What it is reached through, as written: `['self']`, `['os', 'path']`; empty for a bare name. */
  readonly receiver: readonly string[];
  /** Called (`name(`, `new Name(`) rather than just mentioned. */
  readonly call: boolean;
  /** 0 at the query's start, 1 at its end (the cursor): nearer the cursor, more telling. */
  readonly nearness: number;
}

/** Member access in the languages we read: `.`, `?.`, `::`, `->`. */
const ACCESS = new Set(['.', '?.', '::', '->']);
/** `).`, `].`: a member of something computed. */
const AFTER_CALL = /[)\]]\s*(\.|\?\.|::|->)$/;

/**
 * Every identifier of the query with what it is reached through and whether it is called; comments and
 * strings are skipped. A chain broken by a call (`a().b`) leaves `b` with an unknown receiver (`['?']`).
 */
export function queryReferences(query: string, language: string | undefined): Reference[] {
  const tokens = lexCode(query, language).filter((t) => t.kind !== 'comment' && t.kind !== 'string');
  const references: Reference[] = [];
  const length = Math.max(1, query.length);
  let chain: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'identifier') {
      if (!ACCESS.has(token.text)) chain = AFTER_CALL.test(token.text) ? ['?'] : [];
      continue;
    }
    const previous = tokens[i - 1];
    const joined = previous !== undefined && (ACCESS.has(previous.text) || AFTER_CALL.test(previous.text)) && chain.length > 0;
    const receiver = joined ? chain : [];
    const next = tokens[i + 1];
    references.push({ name: token.text, receiver, call: next?.kind === 'operator' && next.text.startsWith('('), nearness: token.start / length });
    chain = [...receiver, token.text];
  }
  return references;
}
