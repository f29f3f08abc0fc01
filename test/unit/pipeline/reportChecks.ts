import assert from 'node:assert/strict';
import type { CompressionRequest } from '../../../src/core/compress/compressionRequest';
import type { CompressionResult } from '../../../src/core/compress/compressionResult';
import { renderContext, type RenderFile } from '../../../src/core/compress/render/renderContext';
import { mergeRanges } from '../../../src/core/compress/selection';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { textOf } from './scriptedScorer';

/** Every chunk of the report, across its files. */
export function allChunks(result: CompressionResult) {
  return result.files.flatMap((file) => file.chunks);
}

export function chunkNamed(result: CompressionResult, name: string, kind?: string) {
  const found = allChunks(result).find((chunk) => chunk.name === name && (kind === undefined || chunk.kind === kind));
  assert.ok(found, `no chunk named ${name}`);
  return found;
}

/**
 * The report agrees with itself and with the text: the cap holds, every decision is well-formed, and
 * rendering the kept lines the report lists gives back exactly the text an LLM would receive.
 */
export function assertConsistent(result: CompressionResult, request: CompressionRequest, label = ''): void {
  const budget = request.parameters.budget;
  assert.equal(result.totals.compressedTokens, countTokens(result.text), `${label} compressedTokens`);
  assert.ok(result.totals.compressedTokens <= budget, `${label} ${result.totals.compressedTokens} tokens > budget ${budget}`);
  let original = 0;
  for (const file of result.files) {
    original += file.tokens;
    assert.equal(file.keptTokens, file.chunks.reduce((sum, chunk) => sum + chunk.keptTokens, 0), `${label} ${file.path} keptTokens`);
    for (const chunk of file.chunks) {
      const where = `${label} ${chunk.id} (${chunk.status})`;
      for (const range of chunk.keptLines) {
        const inside = chunk.startLine <= range.start && range.start <= range.end && range.end <= chunk.endLine;
        assert.ok(inside, `${where}: kept lines outside the chunk`);
      }
      if (chunk.status === 'dropped') {
        assert.equal(chunk.reason, undefined, where);
        assert.deepEqual([chunk.keptLines, chunk.keptTokens], [[], 0], where);
      } else {
        assert.ok(chunk.keptLines.length > 0, `${where}: nothing kept`);
        const reasons = chunk.status === 'pinned' ? ['pinned'] : ['ranked', 'container'];
        assert.ok(reasons.includes(chunk.reason!), `${where}: reason ${chunk.reason}`);
      }
      if (chunk.status === 'partial') {
        const kept = chunk.blocks!.filter((block) => block.kept);
        assert.ok(kept.length < chunk.blocks!.length, `${where}: partial with every block kept`);
        assert.deepEqual(chunk.keptLines, mergeRanges(kept.map((block) => block.lines)), where);
        assert.ok(chunk.keptTokens < chunk.tokens, where);
      } else if (chunk.status !== 'dropped') {
        assert.deepEqual(chunk.keptLines, [{ start: chunk.startLine, end: chunk.endLine }], `${where}: kept whole`);
        assert.equal(chunk.keptTokens, chunk.tokens, where);
      }
    }
  }
  assert.equal(result.totals.originalTokens, original, `${label} originalTokens`);
  assert.equal(result.text, renderReport(result, request), `${label} the text is not what the report says was kept`);
}

/** What the report's kept lines render to. */
function renderReport(result: CompressionResult, request: CompressionRequest): string {
  const texts = new Map(request.files.map((file) => [file.path, textOf(file)]));
  const rendered: RenderFile[] = result.files.map((file) => ({
    path: file.path,
    language: file.language,
    text: texts.get(file.path)!,
    kept: file.chunks.flatMap((chunk) => chunk.keptLines),
  }));
  const cursorPath = request.query.mode === 'completion' ? request.query.cursor.path : undefined;
  const cursor = request.files.find((file) => file.path === cursorPath);
  return renderContext(rendered, {
    format: request.format ?? 'text',
    completion: cursor && { path: cursor.path, language: cursor.language, prefix: result.query },
  });
}
