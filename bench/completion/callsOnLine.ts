import { lexCode } from '../../src/core/lexing/lexCode';

/** Words that are followed by `(` without being calls of a definition. */
const NOT_CALLS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'elif', 'and', 'or', 'not', 'in', 'with', 'function', 'typeof', 'await', 'yield', 'super', 'print', 'assert', 'lambda', 'def', 'class', 'new', 'sizeof']);

/**
 * The names a line calls: an identifier directly followed by `(` (a method `x.f(` counts as `f`, `new C(` as
 * `C`), outside comments and strings, each once, in order.
 */
export function callsOnLine(line: string, language: string): string[] {
  const tokens = lexCode(line, language).filter((t) => t.kind !== 'comment' && t.kind !== 'string');
  const calls: string[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.kind !== 'identifier' || NOT_CALLS.has(token.text) || next?.kind !== 'operator' || !next.text.startsWith('(')) return;
    if (!calls.includes(token.text)) calls.push(token.text);
  });
  return calls;
}
