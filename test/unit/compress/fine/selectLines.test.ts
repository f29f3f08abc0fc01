import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Chunk } from '../../../../src/core/chunking/chunk';
import { selectLines, type FineCandidate } from '../../../../src/core/compress/fine/selectLines';
import { DEFAULT_PARAMETERS } from '../../../../src/core/compress/parameters';
import type { Scorer } from '../../../../src/core/scoring/scorer';
import { testChunker } from '../../../helpers/chunking';
import { seededRandom } from '../../../helpers/seededRandom';

/** Ten budget tokens per line of code: block sizes are easy to read off the source. */
const tenPerLine = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length * 10;

interface FakeScorer extends Scorer {
  readonly calls: { lineLogProbs: number; queryLogProbs: number };
}

/**
 * A scripted scorer: lines listed in `spikes` are hard to predict (log-prob -5, the others -1, blank lines
 * nothing); the query is likely (1/2 per token instead of 1/10) after a context holding one of its words.
 */
function fakeScorer(spikes: ReadonlySet<string>): FakeScorer {
  const calls = { lineLogProbs: 0, queryLogProbs: 0 };
  return {
    calls,
    info: () => ({ name: 'remote', model: 'scripted', device: 'cpu', dtype: 'f32', threads: 1 }),
    lineLogProbs: async (text) => {
      calls.lineLogProbs++;
      return Float64Array.from(text.split('\n'), (line) => (line.trim() === '' ? Number.NaN : spikes.has(line.trim()) ? -5 : -1));
    },
    queryLogProbs: async (contexts, query) => {
      calls.queryLogProbs++;
      const words = query.split(/\s+/).filter(Boolean);
      return contexts.map((context) => {
        const relevant = context !== '' && words.some((word) => context.includes(word));
        return Float64Array.of(Math.log(relevant ? 1 / 2 : 1 / 10));
      });
    },
  };
}

const HANDLE = `import os


def handle(request):
    user = load_user(request)
    audit.write(user.name, request.path)
    metrics.increment("requests.handled")
    token = sign_token(user.secret, ttl=3600)
    cache.store(user.id, token)
    return respond(token)
`;
// Spikes after lines 1, 3 and 5 of the function: blocks are the signature with `user`, audit + metrics,
// token + cache, and the return (signature and return always kept: 30 of its 70 tokens).
const HANDLE_SPIKES = new Set(['user = load_user(request)', 'metrics.increment("requests.handled")', 'cache.store(user.id, token)']);

async function chunksOf(path: string, text: string): Promise<Chunk[]> {
  return [...(await testChunker().chunkFile({ path, text })).chunks];
}

async function handleCandidate(): Promise<FineCandidate> {
  const chunk = (await chunksOf('handler.py', HANDLE)).find((c) => c.name === 'handle')!;
  return { chunk, coarseScore: 1 };
}

const PARAMETERS = { beta: DEFAULT_PARAMETERS.beta, spikeK: DEFAULT_PARAMETERS.spikeK, minLinesForFine: DEFAULT_PARAMETERS.minLinesForFine };

describe('stage 2: selecting lines inside kept functions', () => {
  it('keeps the block that makes the query most predictable, with the signature and the return', async () => {
    const candidate = await handleCandidate();
    const start = candidate.chunk.startLine + (candidate.chunk.text.startsWith('\n') ? 1 : 0);
    assert.equal(candidate.chunk.text.split('\n').find((l) => l.trim() !== ''), 'def handle(request):');
    for (const [query, keptMiddle] of [
      ['sign_token', { start: start + 4, end: start + 5 }],
      ['audit.write', { start: start + 2, end: start + 3 }],
    ] as const) {
      // 50 tokens: 30 always kept leave room for one of the two 20-token middle blocks.
      const result = await selectLines([candidate], query, fakeScorer(HANDLE_SPIKES), 50, PARAMETERS, { countTokens: tenPerLine });
      const selection = result.get(candidate.chunk.id)!;
      assert.equal(selection.keptTokens, 50, query);
      assert.deepEqual(
        selection.blocks.map((b) => [b.lines.start - start, b.lines.end - start, b.alwaysKept, b.kept]),
        [
          [0, 1, true, true],
          [2, 3, false, keptMiddle.start === start + 2],
          [4, 5, false, keptMiddle.start === start + 4],
          [6, candidate.chunk.endLine - start, true, true],
        ],
        query,
      );
      assert.ok(selection.keptLines.some((r) => r.start <= keptMiddle.start && r.end >= keptMiddle.end), query);
      assert.ok(!selection.dropped);
    }
  });

  it('scores all blocks of all functions in one batched call', async () => {
    const candidate = await handleCandidate();
    const other = (await chunksOf('other.py', HANDLE.replace('def handle', 'def handle_again'))).find((c) => c.name === 'handle_again')!;
    const scorer = fakeScorer(HANDLE_SPIKES);
    await selectLines([candidate, { chunk: other, coarseScore: 0.5 }], 'sign_token', scorer, 60, PARAMETERS, { countTokens: tenPerLine });
    assert.deepEqual(scorer.calls, { lineLogProbs: 2, queryLogProbs: 1 });
  });

  it('keeps short functions and chunks that are not functions whole, without scoring them', async () => {
    const chunks = await chunksOf('short.py', 'import os\n\n\ndef tiny(x):\n    return x + 1\n');
    const scorer = fakeScorer(new Set());
    const candidates = chunks.map((chunk) => ({ chunk, coarseScore: 1 }));
    const result = await selectLines(candidates, 'q', scorer, 1000, PARAMETERS, { countTokens: tenPerLine });
    for (const chunk of chunks) {
      const selection = result.get(chunk.id)!;
      assert.deepEqual(selection.keptLines, [{ start: chunk.startLine, end: chunk.endLine }]);
      assert.deepEqual(selection.blocks, []);
    }
    assert.deepEqual(scorer.calls, { lineLogProbs: 0, queryLogProbs: 0 });
  });

  it('a function with a budget share below its always-kept blocks keeps just those if they fit the hard cap, else is dropped', async () => {
    const candidate = await handleCandidate();
    const scorer = fakeScorer(HANDLE_SPIKES);
    const kept = (await selectLines([candidate], 'sign_token', scorer, 10, PARAMETERS, { countTokens: tenPerLine, hardCap: 40 })).get(candidate.chunk.id)!;
    assert.equal(kept.keptTokens, 30);
    assert.deepEqual(kept.blocks.map((b) => b.kept), [true, false, false, true]);
    const dropped = (await selectLines([candidate], 'sign_token', scorer, 10, PARAMETERS, { countTokens: tenPerLine, hardCap: 29 })).get(candidate.chunk.id)!;
    assert.ok(dropped.dropped);
    assert.deepEqual(dropped.keptLines, []);
    assert.equal(dropped.keptTokens, 0);
  });

  it('a middle part of a split function has no signature or closing block to keep', async () => {
    const candidate = { ...(await handleCandidate()), opens: false, closes: false };
    const result = await selectLines([candidate], 'sign_token', fakeScorer(HANDLE_SPIKES), 25, PARAMETERS, { countTokens: tenPerLine });
    const selection = result.get(candidate.chunk.id)!;
    // The return still starts its block, so it stays; 25 - 10 leaves no room for a 20-token block.
    assert.deepEqual(selection.blocks.map((b) => [b.alwaysKept, b.kept]), [[false, false], [false, false], [false, false], [true, true]]);
  });

  it('gives the function with the better coarse score a larger share', async () => {
    const candidate = await handleCandidate();
    const twin = (await chunksOf('twin.py', HANDLE.replace('def handle', 'def handle_twin'))).find((c) => c.name === 'handle_twin')!;
    const result = await selectLines(
      [candidate, { chunk: twin, coarseScore: 0 }],
      'nothing matches',
      fakeScorer(HANDLE_SPIKES),
      110,
      PARAMETERS,
      { countTokens: tenPerLine },
    );
    assert.ok(result.get(candidate.chunk.id)!.keptTokens > result.get(twin.id)!.keptTokens);
  });

  it('never keeps more tokens than the budget, over random scores and every budget', async () => {
    const source = `import os


def short(a):
    return a


def load(path, mode):
    if not path:
        raise ValueError(path)
    # read it all
    with open(path, mode) as f:
        data = f.read()
    lines = data.splitlines()
    lines = [line.strip() for line in lines]
    return lines


def parse(lines):
    out = {}
    for line in lines:
        key, _, value = line.partition("=")
        out[key] = value
    check(out)
    log(out)
    log(len(out))
    return out


class Store:
    def put(self, key, value):
        self.items[key] = value
        self.count += 1
        self.dirty = True
        self.flush_if_needed()
        return value
`;
    const chunks = await chunksOf('store.py', source);
    const total = chunks.reduce((sum, chunk) => sum + tenPerLine(chunk.text), 0);
    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(seed);
      const words = ['path', 'lines', 'out', 'value', 'self', 'log'];
      const scorer: Scorer = {
        ...fakeScorer(new Set()),
        lineLogProbs: async (text) => Float64Array.from(text.split('\n'), (line) => (line.trim() === '' ? Number.NaN : -4 * random())),
      };
      const candidates = chunks.map((chunk) => ({ chunk, coarseScore: random() }));
      for (let budget = 0; budget <= total; budget += 10) {
        const query = words[Math.floor(random() * words.length)]!;
        const result = await selectLines(candidates, query, scorer, budget, PARAMETERS, { countTokens: tenPerLine });
        const kept = [...result.values()].reduce((sum, s) => sum + s.keptTokens, 0);
        assert.ok(kept <= budget, `seed ${seed}, budget ${budget}: kept ${kept}`);
        for (const selection of result.values()) {
          const blockTokens = selection.blocks.filter((b) => b.kept).reduce((sum, b) => sum + b.tokens, 0);
          if (selection.blocks.length > 0) assert.equal(selection.keptTokens, blockTokens);
        }
        if (budget === total) assert.equal(kept, total, 'a budget for everything keeps everything');
      }
    }
  });

  it('stops when cancelled', async () => {
    const candidate = await handleCandidate();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      selectLines([candidate], 'q', fakeScorer(HANDLE_SPIKES), 40, PARAMETERS, { countTokens: tenPerLine, signal: controller.signal }),
      { name: 'AbortError' },
    );
  });
});
