import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiskStore } from '../../../src/core/cache/diskStore';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import { compress } from '../../../src/core/compress/compress';
import type { CompressionResult } from '../../../src/core/compress/compressionResult';
import { contextScorers } from '../../../src/core/compress/contextScorers';
import { DEFAULT_PARAMETERS } from '../../../src/core/compress/parameters';
import { countTokens } from '../../../src/core/tokens/countTokens';
import { testChunker } from '../../helpers/chunking';
import { repoRoot } from '../../helpers/repoPaths';

// What the panel's budget slider relies on: the same question at another budget is answered from the
// score cache, and the result says how many texts were scored and how many came from the cache.
const SAMPLE = path.join(repoRoot, 'examples', 'sample-project');
const QUESTION = 'How is the late-return fee calculated when a member returns a book after the due date?';

describe('a new budget for the same question', () => {
  let files: FileChunks[];
  let dir: string;

  before(async () => {
    const chunker = testChunker();
    const paths = fs.readdirSync(path.join(SAMPLE, 'shelfwise'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.py'));
    files = await Promise.all(paths.sort().map((file) => chunker.chunkFile({ path: `shelfwise/${file}`, text: fs.readFileSync(path.join(SAMPLE, 'shelfwise', file), 'utf8') })));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-rebudget-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(budget: number, options: { cachedOnly?: boolean; dir?: string } = {}): Promise<CompressionResult> {
    const store = new DiskStore({ dir: options.dir ?? dir });
    try {
      return await compress(
        { files, query: { mode: 'question', text: QUESTION }, parameters: { ...DEFAULT_PARAMETERS, budget } },
        { ...contextScorers({ kind: 'ngram' }, files, store, SAMPLE, { cachedOnly: options.cachedOnly }), countTokens },
      );
    } finally {
      await store.flush();
    }
  }

  const scored = (result: CompressionResult) => result.scoring!.rank.scored + result.scoring!.fine.scored;
  const cached = (result: CompressionResult) => result.scoring!.rank.cached + result.scoring!.fine.cached;

  it('the first run scores; the same budget again scores nothing and gives the same text', async () => {
    const first = await run(1500);
    const { rank, fine } = first.scoring!;
    // (A text met twice in one run, as two identical functions, is scored once: the second is a cache hit.)
    assert.ok(rank.scored > 10 * rank.cached && fine.scored > 0, JSON.stringify(first.scoring));
    const again = await run(1500);
    assert.deepEqual(again.scoring, { rank: { scored: 0, cached: rank.scored + rank.cached, missing: 0 }, fine: { scored: 0, cached: fine.scored + fine.cached, missing: 0 } });
    assert.equal(again.text, first.text);
  });

  it('other budgets rank from the cache; stage 2 scores only functions no earlier budget trimmed, never a text twice', async () => {
    const budgets = [1200, 900, 600, 2500];
    const firstSweep: CompressionResult[] = [];
    for (const budget of budgets) firstSweep.push(await run(budget));
    for (const [i, budget] of budgets.entries()) {
      const result = firstSweep[i]!;
      assert.ok(result.totals.compressedTokens <= budget, `${result.totals.compressedTokens} tokens at budget ${budget}`);
      assert.equal(result.scoring!.rank.scored, 0, `budget ${budget} ranked again: ${JSON.stringify(result.scoring)}`);
      assert.ok(result.scoring!.rank.cached > 0);
    }
    assert.notEqual(firstSweep[0]!.text, firstSweep[2]!.text);
    for (const budget of budgets) {
      const again = await run(budget);
      assert.equal(scored(again), 0, `budget ${budget} scored again`);
      assert.equal(cached(again), cached(firstSweep[budgets.indexOf(budget)]!) + scored(firstSweep[budgets.indexOf(budget)]!));
    }
  });

  it('the slider asks for cached scores only: nothing is ever scored, what was never scored is said, and the cap holds', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-slider-'));
    try {
      await run(1500, { dir: fresh });
      for (const budget of [3000, 700, 2200]) {
        const moved = await run(budget, { dir: fresh, cachedOnly: true });
        assert.equal(moved.scoring!.rank.scored + moved.scoring!.fine.scored, 0, `budget ${budget}: ${JSON.stringify(moved.scoring)}`);
        assert.ok(moved.totals.compressedTokens <= budget);
        const missing = moved.scoring!.rank.missing + moved.scoring!.fine.missing;
        assert.equal(moved.notes.some((note) => note.startsWith('Re-selected from cached scores only')), missing > 0, JSON.stringify(moved.notes));
      }
      // With nothing cached at all, the ranking falls back on BM25 and still fills the budget.
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lcz-slider-empty-'));
      try {
        const cold = await run(1500, { dir: empty, cachedOnly: true });
        assert.equal(cold.scoring!.rank.scored + cold.scoring!.fine.scored, 0);
        assert.ok(cold.scoring!.rank.missing > 0);
        assert.ok(cold.totals.compressedTokens > 1000 && cold.totals.compressedTokens <= 1500, `${cold.totals.compressedTokens}`);
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
