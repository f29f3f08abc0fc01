import type { Chunk, FileChunks } from '../../src/core/chunking/chunk';

const DEFINING = new Set<Chunk['kind']>(['function', 'method', 'container-header', 'declaration']);

/**
 * The benchmark's own index of what defines a name (independent of the structural ranking under test):
 * functions, methods, classes and declarations by their chunk's name, and the part holding the signature
 * of a function cut into parts; `except` (the current function) left out.
 */
export function definitionIndex(files: readonly FileChunks[], except: string): Map<string, Chunk[]> {
  const index = new Map<string, Chunk[]>();
  for (const file of files) {
    const openings = new Set(file.scopes.filter((s) => s.kind === 'function').map((s) => s.openingChunk));
    for (const chunk of file.chunks) {
      if (chunk.id === except || chunk.name === undefined) continue;
      if (!DEFINING.has(chunk.kind) && !(chunk.kind === 'function-part' && openings.has(chunk.id))) continue;
      const list = index.get(chunk.name) ?? [];
      list.push(chunk);
      index.set(chunk.name, list);
    }
  }
  return index;
}

/** The first line of a chunk that names it outside a comment or decorator: its signature (1-based file line). */
export function signatureLine(chunk: Chunk): number {
  const word = new RegExp(`(?<![\\p{L}\\p{N}_$])${chunk.name!.replace(/[$]/g, '\\$')}(?![\\p{L}\\p{N}_$])`, 'u');
  const lines = chunk.text.split('\n');
  const at = lines.findIndex((line) => {
    const t = line.trim();
    return !/^(#|\/\/|\/\*|\*|@)/.test(t) && word.test(t);
  });
  return chunk.startLine + Math.max(0, at);
}
