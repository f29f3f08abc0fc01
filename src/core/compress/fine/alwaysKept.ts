import { languageById } from '../../languages/languageTable';
import type { LineBlock } from './lineBlocks';

/** What decides which blocks of one function chunk stage 2 keeps whatever their score. */
export interface KeepRules {
  /** Statement types that end the function's flow (the language table's `returnLike`). */
  readonly returnLike: ReadonlySet<string>;
  /** Text that starts a comment line in the language. */
  readonly commentStarts: readonly string[];
  /** The chunk holds the function's signature (a whole function, or the first of its parts). */
  readonly opens: boolean;
  /** The chunk holds the function's closing line(s) (a whole function, or the last of its parts). */
  readonly closes: boolean;
}

export function keepRulesFor(language: string | undefined, role: { opens: boolean; closes: boolean }): KeepRules {
  const spec = language === undefined ? undefined : languageById(language);
  const lineComment = spec?.lineComment ?? '';
  // Languages with `//` line comments also have `/* */` blocks (C family, JS, Rust, Go, PHP).
  const commentStarts = lineComment === '//' ? ['//', '/*'] : lineComment ? [lineComment] : [];
  return { returnLike: new Set(spec?.returnLike ?? []), commentStarts, ...role };
}

/**
 * Which blocks are always kept (algorithm.md, Stage 2.5): the one holding the signature, the one holding
 * the closing line(s), and every block whose first non-blank line starts a return-like statement or is a
 * comment. `statementTypes`: the type of the statement starting on each line (0-based, in the chunk).
 */
export function alwaysKeptBlocks(
  blocks: readonly LineBlock[],
  lines: readonly string[],
  statementTypes: ReadonlyMap<number, string>,
  rules: KeepRules,
): boolean[] {
  return blocks.map((block, i) => {
    if ((i === 0 && rules.opens) || (i === blocks.length - 1 && rules.closes)) return true;
    const first = firstNonBlank(lines, block);
    if (first === undefined) return false;
    const type = statementTypes.get(first);
    if (type !== undefined && (rules.returnLike.has(type) || type.includes('comment'))) return true;
    const text = lines[first]!.trimStart();
    return rules.commentStarts.some((start) => text.startsWith(start));
  });
}

function firstNonBlank(lines: readonly string[], block: LineBlock): number | undefined {
  for (let i = block.start; i <= block.end; i++) if (lines[i]!.trim() !== '') return i;
  return undefined;
}
