import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChunkDecision, CompressionResult, FileDecision } from '../../../src/core/compress/compressionResult';
import { DEFAULT_PARAMETERS } from '../../../src/core/compress/parameters';
import { ALL_STATUSES, arrangeTree, statusCounts } from '../../../src/webview/viewModel/arrangeTree';
import { budgetFigures, budgetRange } from '../../../src/webview/viewModel/budgetSlider';
import { chunkTree } from '../../../src/webview/viewModel/chunkTree';
import { resultHeader } from '../../../src/webview/viewModel/resultHeader';
import { resultForView } from '../../../src/webview/viewModel/resultForView';

// A small result as compress() reports it: two files, every status, one chunk with structural evidence.
function chunk(path: string, fields: Partial<ChunkDecision> & Pick<ChunkDecision, 'name' | 'status' | 'startLine' | 'endLine' | 'tokens'>): ChunkDecision {
  return {
    id: `${path}#${fields.name ?? fields.startLine}`,
    path,
    kind: 'function',
    parent: undefined,
    reason: fields.status === 'dropped' ? undefined : fields.status === 'pinned' ? 'pinned' : 'ranked',
    keptTokens: fields.status === 'dropped' ? 0 : fields.tokens,
    keptLines: fields.status === 'dropped' ? [] : [{ start: fields.startLine, end: fields.endLine }],
    score: undefined,
    components: {},
    blocks: undefined,
    ...fields,
  };
}

function file(path: string, chunks: ChunkDecision[]): FileDecision {
  return {
    path,
    language: 'python',
    tokens: chunks.reduce((sum, c) => sum + c.tokens, 0),
    keptTokens: chunks.reduce((sum, c) => sum + c.keptTokens, 0),
    chunks,
  };
}

const fees = file('shelfwise/fees.py', [
  chunk('shelfwise/fees.py', { kind: 'glue', name: undefined, status: 'kept', reason: 'container', startLine: 1, endLine: 8, tokens: 40 }),
  chunk('shelfwise/fees.py', {
    name: 'compute_late_fee',
    status: 'kept',
    startLine: 10,
    endLine: 30,
    tokens: 220,
    score: 0.05,
    components: { ami: { rank: 1, score: 2.4 }, bm25: { rank: 2, score: 7.1 } },
  }),
  chunk('shelfwise/fees.py', {
    name: 'waive',
    status: 'partial',
    startLine: 32,
    endLine: 60,
    tokens: 300,
    keptTokens: 120,
    score: 0.03,
    components: { bm25: { rank: 1, score: 9 }, ami: { rank: 3, score: 0.4 }, structure: { rank: 2, score: 1 } },
    evidence: ['self-method', 'near-cursor'],
    blocks: [
      { lines: { start: 32, end: 40 }, tokens: 60, score: 1, alwaysKept: true, kept: true },
      { lines: { start: 41, end: 50 }, tokens: 120, score: 0.2, alwaysKept: false, kept: false },
      { lines: { start: 51, end: 60 }, tokens: 60, score: 0.8, alwaysKept: false, kept: true },
    ],
  }),
]);
const holds = file('shelfwise/holds.py', [
  chunk('shelfwise/holds.py', { kind: 'method', parent: 'HoldQueue', name: 'place_hold', status: 'dropped', startLine: 5, endLine: 40, tokens: 500, score: 0.01, components: { ami: { rank: 4, score: -1 }, bm25: { rank: 4, score: 0 } } }),
  chunk('shelfwise/holds.py', { name: 'expire', status: 'pinned', startLine: 42, endLine: 50, tokens: 90 }),
  chunk('shelfwise/holds.py', { name: 'notify', status: 'dropped', startLine: 52, endLine: 60, tokens: 70 }),
]);

const result: CompressionResult = {
  text: '# File: shelfwise/fees.py\n...',
  mode: 'question',
  query: 'How is the late fee calculated?',
  parameters: { ...DEFAULT_PARAMETERS, budget: 500 },
  files: [fees, holds],
  skipped: [{ path: '.env', reason: 'secret' }],
  totals: { originalTokens: 1220, compressedTokens: 470, ratio: 1220 / 470 },
  timings: { chunk: 0.4, rank: 120, coarse: 2, fine: 30, render: 8, total: 160.4 },
  scorer: { name: 'ngram', model: 'kn3-cache', device: 'cpu', dtype: 'fp64', threads: 1 },
  scoring: { rank: { scored: 0, cached: 6, missing: 0 }, fine: { scored: 0, cached: 2, missing: 0 } },
  notes: ['1 file was cut to the model window'],
};

const tree = chunkTree(resultForView(result));
const row = (name: string) => tree.flatMap((f) => f.chunks).find((c) => c.label === name)!;

describe('the panel view model: a result as rows', () => {
  it('the header shows tokens in and out, the ratio, the budget, the chunks kept and the scorer', () => {
    const header = resultHeader(result);
    assert.equal(header.originalTokens, '1,220');
    assert.equal(header.compressedTokens, '470');
    assert.equal(header.ratio, '2.6×');
    assert.equal(header.budget, '500');
    assert.equal(header.chunks, '4 of 6 chunks kept');
    assert.equal(header.scorer, 'ngram scorer');
    assert.equal(header.model, 'kn3-cache');
    assert.equal(header.device, 'cpu');
    assert.equal(header.scoring, 'Ranking: 6 scores from the cache, none computed');
    assert.equal(header.skipped, '1 file skipped');
    assert.deepEqual(header.notes, ['1 file was cut to the model window']);
  });

  it('a bar per stage: the slowest stage fills its bar, the others in proportion', () => {
    const { stages, totalTime } = resultHeader(result);
    assert.deepEqual(stages.map((s) => s.label), ['Chunk', 'Rank', 'Select', 'Trim', 'Render']);
    assert.equal(stages.find((s) => s.stage === 'rank')!.share, 1);
    assert.equal(stages.find((s) => s.stage === 'fine')!.share, 30 / 120);
    assert.deepEqual(stages.map((s) => s.text), ['<1 ms', '120 ms', '2 ms', '30 ms', '8 ms']);
    assert.equal(totalTime, '160 ms');
  });

  it('the neural scorer shows its device and weights; a result without counts shows none', () => {
    const header = resultHeader({ ...result, scorer: { name: 'onnx', model: 'Qwen2.5-Coder-0.5B', device: 'cuda', dtype: 'fp16', threads: 4 }, scoring: undefined });
    assert.equal(header.device, 'cuda · fp16');
    assert.equal(header.scoring, undefined);
    assert.equal(resultHeader({ ...result, scoring: { rank: { scored: 3, cached: 1, missing: 0 }, fine: { scored: 0, cached: 0, missing: 0 } } }).scoring, 'Ranking: 1 score from the cache, 3 computed');
    assert.equal(resultHeader({ ...result, scoring: { rank: { scored: 0, cached: 6, missing: 0 }, fine: { scored: 1, cached: 1, missing: 0 } } }).scoring, 'Ranking: 6 scores from the cache, none computed; trimming scored 1 new text');
  });

  it('files hold their chunks in order with status, lines, tokens and a label', () => {
    assert.deepEqual(tree.map((f) => f.path), ['shelfwise/fees.py', 'shelfwise/holds.py']);
    assert.deepEqual(tree[0]!.chunks.map((c) => [c.label, c.statusLabel]), [
      ['imports and glue', 'kept'],
      ['compute_late_fee', 'kept'],
      ['waive', 'trimmed'],
    ]);
    assert.equal(tree[0]!.tokensText, '380 of 560 tokens kept');
    assert.deepEqual(tree[0]!.counts, { kept: 2, partial: 1, dropped: 0, pinned: 0 });
    assert.equal(row('HoldQueue.place_hold').detail, 'method · lines 5–40');
    assert.equal(row('waive').tokensText, '120 of 300 tokens');
    assert.equal(row('expire').tokensText, '90 tokens');
  });

  it('score bars run from the lowest to the highest score of the result; an unranked chunk has none', () => {
    assert.equal(row('compute_late_fee').scoreBar, 1);
    assert.equal(row('HoldQueue.place_hold').scoreBar, 0);
    assert.equal(row('waive').scoreBar, (0.03 - 0.01) / (0.05 - 0.01));
    assert.equal(row('compute_late_fee').scoreText, 'fused score 1.00');
    assert.equal(row('waive').scoreText, 'fused score 0.50');
    assert.match(row('waive').scoreTitle, /; 0\.03 as ranked$/);
    assert.equal(row('expire').scoreText, 'not ranked');
    assert.equal(row('expire').scoreBar, 0);
    const ami = chunkTree({ ...result, scorer: { ...result.scorer, name: 'onnx' } });
    assert.equal(ami[0]!.chunks[1]!.scoreText, 'AMI score 1.00', 'a neural scorer ranks by AMI');
  });

  it('a chip per ranking component, best rank first, the structural list included', () => {
    assert.deepEqual(row('waive').components.map((e) => e.text), ['BM25 #1', 'Structure #2', 'AMI #3']);
    assert.match(row('waive').components[1]!.title, /^Structure \(code the cursor’s function refers to\): rank 2, score 1\. self method: used before the cursor through self or this[^;]*; near the cursor: /);
    assert.deepEqual(row('compute_late_fee').components.map((e) => e.text), ['AMI #1', 'BM25 #2']);
    assert.equal(row('compute_late_fee').components[0]!.title, 'AMI (how much the code lowers the perplexity of the question): rank 1, score 2.4');
    assert.deepEqual(row('expire').components, []);
  });

  it('the structural evidence that kept a chunk: human labels, strongest first, in its reason', () => {
    assert.deepEqual(row('waive').structure.map((label) => [label.kind, label.text]), [['self-method', 'self method'], ['near-cursor', 'near the cursor']]);
    assert.equal(row('waive').why, 'ranked #2 of 3; trimmed to 2 of 3 blocks; structure: self method, near the cursor');
    assert.deepEqual(row('compute_late_fee').structure, [], 'no structural evidence outside completion mode');
    const labels = (evidence: NonNullable<ChunkDecision['evidence']>) => chunkTree(resultForView({ ...result, files: [file('a.py', [chunk('a.py', { name: 'f', status: 'kept', startLine: 1, endLine: 2, tokens: 5, score: 1, evidence })])] }))[0]!.chunks[0]!;
    const every = labels(['self-method', 'imported', 'same-file', 'name-match', 'enclosing-class', 'imported-unused', 'imported-file', 'near-cursor']);
    assert.deepEqual(every.structure.map((label) => label.text), ['self method', 'imported name', 'same-file name', 'name match', 'enclosing class', 'imported, not yet used', 'in an imported file', 'near the cursor']);
    for (const label of every.structure) assert.ok(label.meaning.length > 20, `${label.kind} says what it means`);
    assert.equal(labels(['imported']).why, 'ranked #1 of 1: kept whole; structure: imported name');
    const pinned = chunkTree(resultForView({ ...result, files: [file('a.py', [chunk('a.py', { name: 'f', status: 'pinned', startLine: 1, endLine: 2, tokens: 5, evidence: ['near-cursor'] })])] }))[0]!.chunks[0]!;
    assert.equal(pinned.why, 'pinned: always sent whole', 'a pin keeps it, whatever the evidence');
  });

  it('why: the overall rank, the trimming, the pin, the container, the budget', () => {
    assert.equal(row('compute_late_fee').why, 'ranked #1 of 3: kept whole');
    assert.equal(row('HoldQueue.place_hold').why, 'ranked #3 of 3: did not fit the budget');
    assert.equal(row('expire').why, 'pinned: always sent whole');
    assert.equal(row('imports and glue').why, 'brought along by the kept code inside it');
    assert.equal(row('notify').why, 'not ranked: left out before scoring');
  });
});

describe('the panel view model: sorting and filtering the tree', () => {
  const all = { statuses: ALL_STATUSES, text: '' };
  const names = (files: ReturnType<typeof arrangeTree>) => files.map((f) => [f.path, f.chunks.map((c) => c.label)]);

  it('file order is the result’s order', () => {
    assert.deepEqual(names(arrangeTree(tree, 'position', all)), names(tree));
  });

  it('by score: best first within a file, the file with the best chunk first, unranked last', () => {
    const sorted = arrangeTree(tree, 'score', all);
    assert.deepEqual(sorted[0]!.chunks.map((c) => c.label), ['compute_late_fee', 'waive', 'imports and glue']);
    assert.deepEqual(sorted[1]!.chunks.map((c) => c.label), ['HoldQueue.place_hold', 'expire', 'notify']);
  });

  it('by tokens: largest first, files too', () => {
    const sorted = arrangeTree(tree, 'tokens', all);
    assert.deepEqual(sorted.map((f) => f.path), ['shelfwise/holds.py', 'shelfwise/fees.py']);
    assert.deepEqual(sorted[1]!.chunks.map((c) => c.label), ['waive', 'compute_late_fee', 'imports and glue']);
  });

  it('by status: pinned, kept, trimmed, dropped', () => {
    const sorted = arrangeTree(tree, 'status', all);
    assert.deepEqual(sorted.find((f) => f.path.endsWith('holds.py'))!.chunks.map((c) => c.status), ['pinned', 'dropped', 'dropped']);
  });

  it('a status filter hides the other chunks and the files left empty', () => {
    const dropped = arrangeTree(tree, 'position', { statuses: ['dropped'], text: '' });
    assert.deepEqual(names(dropped), [['shelfwise/holds.py', ['HoldQueue.place_hold', 'notify']]]);
    assert.deepEqual(arrangeTree(tree, 'position', { statuses: [], text: '' }), []);
  });

  it('a text filter matches a chunk’s name or its file’s path, in any case', () => {
    assert.deepEqual(names(arrangeTree(tree, 'position', { statuses: ALL_STATUSES, text: 'LATE' })), [['shelfwise/fees.py', ['compute_late_fee']]]);
    assert.deepEqual(names(arrangeTree(tree, 'position', { statuses: ALL_STATUSES, text: 'holds.py' }))[0]![1], ['HoldQueue.place_hold', 'expire', 'notify']);
    assert.deepEqual(names(arrangeTree(tree, 'position', { statuses: ['kept'], text: 'holds' })), []);
  });

  it('status counts cover the whole tree', () => {
    assert.deepEqual(statusCounts(tree), { pinned: 1, kept: 2, partial: 1, dropped: 2 });
  });
});

describe('the panel view model: the budget slider', () => {
  it('runs from the setting’s minimum to the whole input, in steps that suit its size', () => {
    assert.deepEqual(budgetRange(1500, 6210), { min: 100, max: 6300, step: 100 });
    assert.deepEqual(budgetRange(1500, 1220), { min: 100, max: 1500, step: 50 });
    assert.deepEqual(budgetRange(4000, undefined), { min: 100, max: 16000, step: 100 });
    assert.deepEqual(budgetRange(4000, 250_000), { min: 100, max: 250_000, step: 500 });
  });

  it('says what a budget means before anything runs again', () => {
    assert.deepEqual(budgetFigures(1500, 6000), { budget: '1,500 tokens', effect: 'at least 4.0× smaller than 6,000' });
    assert.deepEqual(budgetFigures(8000, 6000), { budget: '8,000 tokens', effect: 'everything fits (6,000 tokens in)' });
    assert.equal(budgetFigures(1500, undefined).effect, 'run once to see what it keeps');
  });

  it('the panel never receives the compressed text itself', () => {
    assert.equal('text' in resultForView(result), false);
  });
});
