import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { FileChunks } from '../../src/core/chunking/chunk';
import type { ChunkedFiles } from './chunkedFiles';
import type { CorpusPackage } from './corpusPackages';
import { jsDocQuery, proseWordCount, pythonDocQuery } from './docQuery';
import { jsDocumentedFunctions, pythonDocumentedFunctions, type DocumentedFunction } from './documentedFunctions';

/** A documented function that passed the query filters: a task, once it has a context. */
export interface Candidate {
  readonly key: string;
  readonly file: string;
  readonly fn: DocumentedFunction;
  readonly query: string;
}

/** A package read once: its files in path order, their texts and their chunks' tokens. */
export interface ScannedPackage {
  readonly pkg: CorpusPackage;
  readonly files: readonly string[];
  readonly texts: ReadonlyMap<string, string>;
  readonly fileTokens: ReadonlyMap<string, number>;
  readonly candidates: readonly Candidate[];
  readonly documented: number;
  readonly tooFewWords: number;
  readonly namesItself: number;
}

/**
 * Every documented function of a package, in path and line order, with its query, less those whose query
 * has fewer than `minWords` words of prose or names the function itself (a whole word, case-sensitive):
 * a doc that says `chunk(array, size)` makes finding `chunk` a name lookup.
 */
export async function scanPackage(
  pkg: CorpusPackage,
  files: readonly string[],
  deps: { readonly chunkedFiles: ChunkedFiles; readonly pythonParser: Parser },
  minWords: number,
): Promise<ScannedPackage> {
  const texts = new Map<string, string>();
  const fileTokens = new Map<string, number>();
  const candidates: Candidate[] = [];
  let documented = 0;
  let tooFewWords = 0;
  let namesItself = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.join(pkg.folder, file), 'utf8');
    texts.set(file, text);
    const chunked = await deps.chunkedFiles.chunk(file, text);
    fileTokens.set(file, chunked.tokens.reduce((sum, n) => sum + n, 0));
    for (const fn of documentedFunctions(pkg, text, chunked.file, deps.pythonParser)) {
      documented++;
      const query = pkg.language === 'python' ? pythonDocQuery(fn.docText) : jsDocQuery(fn.docText);
      if (proseWordCount(query) < minWords) tooFewWords++;
      else if (new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRegExp(fn.name)}(?![\\p{L}\\p{N}_$])`, 'u').test(query)) namesItself++;
      else candidates.push({ key: `${pkg.name}/${file}:${fn.line}:${fn.name}`, file, fn, query });
    }
  }
  return { pkg, files, texts, fileTokens, candidates, documented, tooFewWords, namesItself };
}

function documentedFunctions(pkg: CorpusPackage, text: string, file: FileChunks, parser: Parser): DocumentedFunction[] {
  if (pkg.language !== 'python') return jsDocumentedFunctions(text, file);
  const tree = parser.parse(text);
  if (!tree) return [];
  try {
    return pythonDocumentedFunctions(text, file, tree);
  } finally {
    tree.delete();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
