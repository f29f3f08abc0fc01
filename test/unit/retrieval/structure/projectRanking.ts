import assert from 'node:assert/strict';
import type { FileChunks } from '../../../../src/core/chunking/chunk';
import { completionQuery } from '../../../../src/core/compress/completionQuery';
import type { EvidenceKind } from '../../../../src/core/retrieval/structure/evidence';
import { structuralRanking, type StructuralRanking } from '../../../../src/core/retrieval/structure/structuralRanking';
import { testChunker } from '../../../helpers/chunking';

/** A small project: path -> source. */
export type Project = Readonly<Record<string, string>>;

export async function chunkProject(project: Project): Promise<FileChunks[]> {
  const chunker = testChunker();
  return Promise.all(Object.entries(project).map(([path, text]) => chunker.chunkFile({ path, text })));
}

/** The structural ranking for a completion of the line of `path` that contains `lineText` (the cursor at its start). */
export function rankAt(files: readonly FileChunks[], path: string, lineText: string): StructuralRanking & { describe(id: string): string } {
  const file = files.find((f) => f.path === path)!;
  const lines = file.chunks.map((c) => c.text).join('').split('\n');
  const line = lines.findIndex((l) => l.includes(lineText)) + 1;
  assert.ok(line > 0, `${lineText} is not in ${path}`);
  const { query } = completionQuery(file, { path, line });
  const ranking = structuralRanking(files, { path, line }, query);
  const chunks = new Map(files.flatMap((f) => f.chunks).map((c) => [c.id, c]));
  return { ...ranking, describe: (id) => describe(chunks.get(id)!) };
}

/** `path:Parent.name` of a chunk, as the tests name the definitions they expect. */
export function describe(chunk: { path: string; name?: string; parent?: string }): string {
  return `${chunk.path}:${chunk.parent ? `${chunk.parent}.` : ''}${chunk.name ?? ''}`;
}

/** The evidence for the definition `name` (`path:Parent.name`), strongest kind first; none when it is not ranked. */
export function evidenceOf(ranking: ReturnType<typeof rankAt>, name: string): readonly EvidenceKind[] {
  const id = ranking.ranked.find((ranked) => ranking.describe(ranked) === name);
  return (id !== undefined && ranking.evidence.get(id)) || [];
}

/**
 * The definition `expected` (`path:Parent.name`) is on the list within the first `within`, and ahead of each
 * `wrong` one (other definitions of the same name), which may be absent.
 */
export function assertRanksFirst(ranking: ReturnType<typeof rankAt>, expected: string, wrong: readonly string[], within: number): void {
  const order = ranking.ranked.map((id) => ranking.describe(id));
  const at = order.indexOf(expected);
  assert.ok(at >= 0, `${expected} is not ranked at all: ${order.slice(0, 8).join(', ')}`);
  assert.ok(at < within, `${expected} is ranked ${at + 1}, not within the first ${within}: ${order.slice(0, within + 2).join(', ')}`);
  for (const other of wrong) {
    const there = order.indexOf(other);
    assert.ok(there < 0 || there > at, `${other} (${there + 1}) is ranked ahead of ${expected} (${at + 1})`);
  }
}
