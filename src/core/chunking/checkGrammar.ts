import type { GrammarLoader } from './grammarLoader';

/** What a user sees about whether parsing works in this installation. */
export type GrammarCheck =
  | { readonly languageId: string; readonly ok: true; readonly namedNodes: number; readonly millis: number }
  | { readonly languageId: string; readonly ok: false; readonly error: string };

/** Loads one grammar and parses a sample with it: proves the runtime and the grammar file work here. */
export async function checkGrammar(loader: GrammarLoader, languageId: string, sample: string): Promise<GrammarCheck> {
  const started = performance.now();
  try {
    const parser = await loader.parserFor(languageId);
    const tree = parser.parse(sample);
    if (!tree) return { languageId, ok: false, error: 'the parser returned no tree' };
    try {
      if (tree.rootNode.hasError) return { languageId, ok: false, error: 'the sample did not parse without errors' };
      return { languageId, ok: true, namedNodes: countNamed(tree.rootNode), millis: performance.now() - started };
    } finally {
      tree.delete();
      parser.delete();
    }
  } catch (error) {
    return { languageId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

interface NamedTree {
  readonly namedChildren: readonly (NamedTree | null)[];
}

function countNamed(node: NamedTree): number {
  let count = 1;
  for (const child of node.namedChildren) if (child) count += countNamed(child);
  return count;
}
