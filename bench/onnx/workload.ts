// The neural scorer's benchmark workload: chunks of real code of about N model tokens, and a query.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files of the Python standard library the chunks come from, in this order. */
const SOURCES = ['textwrap.py', 'heapq.py', 'bisect.py', 'shlex.py', 'fnmatch.py', 'glob.py', 'json/decoder.py', 'json/encoder.py', 'csv.py', 'colorsys.py'];
/** The query: code from another file, as in completion mode. */
const QUERY_SOURCE = 'statistics.py';

export interface Workload {
  readonly chunks: readonly string[];
  readonly query: string;
  readonly secondQuery: string;
}

export function pythonLibrary(): string | undefined {
  const lib = fs.readdirSync('/usr/lib').filter((name) => /^python3\.\d+$/.test(name)).sort().pop();
  return lib ? path.join('/usr/lib', lib) : undefined;
}

/**
 * `count` chunks of consecutive lines of at least `chunkTokens` tokens each, and two queries of at
 * least `queryTokens` tokens, counted with `tokenize`.
 */
export function buildWorkload(count: number, chunkTokens: number, queryTokens: number, tokenize: (text: string) => number): Workload {
  const lib = pythonLibrary();
  if (!lib) throw new Error('No Python standard library in /usr/lib: the benchmark workload comes from it.');
  const chunks: string[] = [];
  for (const source of SOURCES) {
    for (const piece of pieces(fs.readFileSync(path.join(lib, source), 'utf8'), chunkTokens, tokenize)) {
      if (chunks.length < count) chunks.push(piece);
    }
  }
  const [query, secondQuery] = [...pieces(fs.readFileSync(path.join(lib, QUERY_SOURCE), 'utf8'), queryTokens, tokenize)].slice(10, 12);
  return { chunks, query: query!, secondQuery: secondQuery! };
}

function* pieces(text: string, tokens: number, tokenize: (text: string) => number): Generator<string> {
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    lines.push(line);
    const piece = `${lines.join('\n')}\n`;
    if (lines.length % 4 === 0 && tokenize(piece) >= tokens) {
      yield piece;
      lines = [];
    }
  }
}

/** Blocks of a chunk for the block-score step: runs of `lines` lines. */
export function blocksOf(chunk: string, lines: number): string[] {
  const all = chunk.replace(/\n$/, '').split('\n');
  const blocks: string[] = [];
  for (let i = 0; i < all.length; i += lines) blocks.push(`${all.slice(i, i + lines).join('\n')}\n`);
  return blocks;
}
