import { FUNCTION_KINDS, fileText, type FileChunks } from '../../chunking/chunk';
import { cursorEvidence } from './cursorEvidence';
import { EVIDENCE_ORDER, type EvidenceKind } from './evidence';
import { fileImports } from './fileImports';
import { queryReferences } from './queryReferences';
import type { ContextFiles } from './resolveModule';
import { SymbolTable } from './symbolTable';

/** Completion mode's third ranked list (algorithm.md, Stage 1) and why each chunk is on it. */
export interface StructuralRanking {
  /** Chunk ids with any evidence, best first. */
  readonly ranked: readonly string[];
  /** Per ranked chunk, its kinds of evidence, strongest kind first. */
  readonly evidence: ReadonlyMap<string, readonly EvidenceKind[]>;
}

/** The cursor: a context file and a 1-based line. */
export interface StructuralCursor {
  readonly path: string;
  readonly line: number;
}

/**
 * Ranks the context's chunks by structural evidence for a completion at the cursor, where `query` is the
 * code before it. Chunks without evidence are left off the list (RRF gives them nothing from it).
 */
export function structuralRanking(files: readonly FileChunks[], cursor: StructuralCursor, query: string): StructuralRanking {
  const file = files.find((f) => f.path === cursor.path);
  if (!file) return { ranked: [], evidence: new Map() };
  const table = new SymbolTable(files);
  const cursorChunk = Math.max(0, file.chunks.findIndex((c) => c.startLine <= cursor.line && cursor.line <= c.endLine));
  const here = file.chunks[cursorChunk];
  const enclosing = here && FUNCTION_KINDS.has(here.kind) ? enclosingDefinition(table, file, here.id) : undefined;

  const imports = fileImports(file.path, fileText(file), file.language, contextFiles(files));
  const scores = cursorEvidence(table, imports, { file, enclosing, cursorChunk }, queryReferences(query, file.language));

  const order = new Map(files.flatMap((f) => f.chunks).map((c, i) => [c.id, i]));
  const total = (id: string) => [...scores.get(id)!.values()].reduce((sum, w) => sum + w, 0);
  const ranked = [...scores.keys()].sort((a, b) => total(b) - total(a) || order.get(a)! - order.get(b)!);
  const evidence = new Map(ranked.map((id) => [id, EVIDENCE_ORDER.filter((kind) => scores.get(id)!.has(kind))]));
  return { ranked, evidence };
}

/** The definition of the function the cursor is in: for a function cut into parts, the part holding its signature. */
function enclosingDefinition(table: SymbolTable, file: FileChunks, chunkId: string) {
  const chunk = file.chunks.find((c) => c.id === chunkId)!;
  if (chunk.kind !== 'function-part') return table.of(chunkId);
  const scope = file.scopes.find((s) => s.id === chunk.scope);
  return scope ? table.of(scope.openingChunk) : undefined;
}

function contextFiles(files: readonly FileChunks[]): ContextFiles {
  const namespaces = new Map<string, string[]>();
  for (const file of files) {
    if (file.language !== 'csharp') continue;
    for (const chunk of file.chunks) {
      for (const m of chunk.text.matchAll(/^[ \t]*namespace\s+([\w.]+)/gm)) {
        const list = namespaces.get(m[1]!) ?? [];
        if (!list.includes(file.path)) list.push(file.path);
        namespaces.set(m[1]!, list);
      }
    }
  }
  return { paths: new Set(files.map((f) => f.path)), namespaces };
}
