import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ContextIndex } from '../../../src/core/compress/contextIndex';
import { renderSelection } from '../../../src/core/compress/renderSelection';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { testChunker } from '../../helpers/chunking';
import { fixturesDir } from '../../helpers/repoPaths';

// Placeholders are costed with a typical line count, and tokens merge across line ends: a few tokens off.
const SLACK = 3;

test('the coarse stage costs a lone chunk as the rendering does: header, placeholders before and after', async () => {
  const chunker = testChunker();
  for (const sample of ['python/rate_limiter.py', 'typescript/lruCache.ts']) {
    const file = await chunker.chunkFile({ path: sample, text: fs.readFileSync(path.join(fixturesDir, 'samples', sample), 'utf8') });
    const index = new ContextIndex([file], countTokens);
    const render = renderSelection(index, 'text', undefined);
    // Chunks in containers bring more than themselves: only those that travel alone are compared.
    for (const chunk of file.chunks.filter((c) => index.broughtBy(c.id).length === 0)) {
      const estimate = index.tokens(chunk.id) + render.costOfAdding(chunk.id, new Set());
      const actual = countTokens(render({ pinned: new Set(), picks: [chunk.id], trimmed: new Map() }));
      assert.ok(Math.abs(actual - estimate) <= SLACK, `${chunk.id} (${chunk.kind} ${chunk.name}): rendered ${actual}, estimated ${estimate}`);
    }
  }
});
