import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileChunks } from '../../../src/core/chunking/chunk';
import { compress } from '../../../src/core/compress/compress';
import type { ChunkDecision, CompressionResult } from '../../../src/core/compress/compressionResult';
import { marksForFile, mergeRanges } from '../../../src/extension/editor/compressionMarks';
import { chunkTree } from '../../../src/webview/viewModel/chunkTree';
import { resultForView } from '../../../src/webview/viewModel/resultForView';
import { testChunker } from '../../helpers/chunking';
import { parameters, scriptedScorer, servicesWith } from '../pipeline/scriptedScorer';

function chunk(overrides: Partial<ChunkDecision> & Pick<ChunkDecision, 'kind' | 'startLine' | 'endLine' | 'status'>): ChunkDecision {
  const kept = overrides.status === 'dropped' ? [] : [{ start: overrides.startLine, end: overrides.endLine }];
  return {
    id: `app.py#${overrides.startLine}`,
    path: 'app.py',
    name: undefined,
    parent: undefined,
    reason: overrides.status === 'dropped' ? undefined : 'ranked',
    tokens: 100,
    keptTokens: overrides.status === 'dropped' ? 0 : 100,
    keptLines: kept,
    score: undefined,
    components: {},
    blocks: undefined,
    ...overrides,
  };
}

/** app.py: imports (1-2), total() kept (3-10), refund() trimmed to two blocks (11-30), audit() dropped (31-40). */
function result(scorer: 'ngram' | 'onnx' = 'ngram'): CompressionResult {
  const chunks = [
    chunk({ kind: 'glue', startLine: 1, endLine: 2, status: 'kept', reason: 'container', tokens: 12, keptTokens: 12 }),
    chunk({ kind: 'function', name: 'total', startLine: 3, endLine: 10, status: 'kept', tokens: 212, keptTokens: 212, score: 0.05, components: { ami: { rank: 1, score: 2.5 }, bm25: { rank: 2, score: 7.1 } } }),
    chunk({
      kind: 'method',
      name: 'refund',
      parent: 'Till',
      startLine: 11,
      endLine: 30,
      status: 'partial',
      tokens: 300,
      keptTokens: 120,
      keptLines: [{ start: 11, end: 14 }, { start: 20, end: 22 }, { start: 30, end: 30 }],
      score: 0.04,
      blocks: [
        { lines: { start: 11, end: 14 }, tokens: 40, score: 1, alwaysKept: true, kept: true },
        { lines: { start: 15, end: 19 }, tokens: 100, score: 0.1, alwaysKept: false, kept: false },
        { lines: { start: 20, end: 22 }, tokens: 60, score: 0.9, alwaysKept: false, kept: true },
      ],
    }),
    chunk({ kind: 'function', name: 'audit', startLine: 31, endLine: 40, status: 'dropped', tokens: 150, score: 0.01 }),
  ];
  return {
    text: '',
    mode: 'question',
    query: 'q',
    parameters: parameters(500),
    files: [{ path: 'app.py', language: 'python', tokens: 674, keptTokens: 344, chunks }],
    skipped: [],
    totals: { originalTokens: 674, compressedTokens: 344, ratio: 1.96 },
    timings: { chunk: 0, rank: 0, coarse: 0, fine: 0, render: 0, total: 0 },
    scorer: { name: scorer, model: 'm', device: 'cpu', dtype: 'q8', threads: 1 },
    notes: [],
  };
}

describe('editor marks of the last compression', () => {
  it('fades exactly the lines that were not sent: the trimmed blocks and the dropped function', () => {
    const marks = marksForFile(result(), 'app.py')!;
    assert.deepEqual(marks.dropped, [{ start: 15, end: 19 }, { start: 23, end: 29 }, { start: 31, end: 40 }]);
    assert.deepEqual(marks.kept, [{ start: 1, end: 10 }]);
    assert.deepEqual(marks.keptBlocks, [{ start: 11, end: 14 }, { start: 20, end: 22 }, { start: 30, end: 30 }]);
  });

  it('puts a lens above each function with its status, relative score and tokens', () => {
    const lenses = marksForFile(result(), 'app.py')!.lenses;
    assert.deepEqual(
      lenses.map((lens) => [lens.line, lens.title]),
      [
        [3, 'kept · fused score 1.00 · 212 tokens'],
        [11, 'trimmed · fused score 0.75 · 120 of 300 tokens'],
        [31, 'dropped · fused score 0.00 · 150 tokens'],
      ],
    );
  });

  it('says the same score as the panel’s row for the same function', () => {
    const rows = chunkTree(resultForView(result())).flatMap((file) => file.chunks);
    const lenses = marksForFile(result(), 'app.py')!.lenses;
    for (const name of ['total', 'Till.refund', 'audit']) {
      const row = rows.find((candidate) => candidate.label === name)!;
      const lens = lenses.find((candidate) => candidate.line === row.startLine)!;
      assert.equal(lens.title.split(' · ')[1], row.scoreText, name);
      assert.equal(lens.title.split(' · ')[0], row.statusLabel, name);
    }
  });

  it('names the score after the ranking that decided: AMI with a neural scorer under auto', () => {
    assert.match(marksForFile(result('onnx'), 'app.py')!.lenses[0]!.title, /^kept · AMI score 1\.00/);
  });

  it('hovers on each definition: components with ranks, tokens sent, blocks kept', () => {
    const hovers = marksForFile(result(), 'app.py')!.hovers;
    assert.deepEqual(hovers.map((hover) => hover.line), [3, 11, 31]);
    assert.match(hovers[0]!.markdown, /`total` — kept whole/);
    assert.match(hovers[0]!.markdown, /AMI rank 1 \(score 2\.5\) · BM25 rank 2 \(score 7\.1\)/);
    assert.match(hovers[1]!.markdown, /`Till\.refund` — trimmed/);
    assert.match(hovers[1]!.markdown, /120 of 300 tokens sent in 2 of 3 blocks/);
    assert.match(hovers[2]!.markdown, /150 tokens, none sent/);
  });

  it('gives a split function one lens, and pinned code no score', () => {
    const base = result();
    const parts = [
      chunk({ kind: 'function-part', parent: 'load', startLine: 1, endLine: 20, status: 'kept', tokens: 90, keptTokens: 90, score: 0.05 }),
      chunk({ kind: 'function-part', parent: 'load', startLine: 21, endLine: 40, status: 'dropped', tokens: 80, score: 0.01 }),
      chunk({ kind: 'function', name: 'save', startLine: 41, endLine: 45, status: 'pinned', reason: 'pinned', tokens: 30, keptTokens: 30 }),
    ];
    const split = { ...base, files: [{ ...base.files[0]!, chunks: parts }] };
    assert.deepEqual(
      marksForFile(split, 'app.py')!.lenses.map((lens) => lens.title),
      ['trimmed · fused score 1.00 · 90 of 170 tokens', 'pinned · 30 tokens'],
    );
  });

  it('completion mode: the lens and the hover name the structural evidence that put a function forward', () => {
    const base = result();
    const [glue, total, refund, audit] = base.files[0]!.chunks;
    const withEvidence = [
      glue!,
      { ...total!, evidence: ['self-method', 'near-cursor'] as const, components: { ...total!.components, structure: { rank: 1, score: 9 } } },
      refund!,
      { ...audit!, evidence: ['name-match'] as const },
    ];
    const completion = { ...base, mode: 'completion' as const, files: [{ ...base.files[0]!, chunks: withEvidence }] };
    const marks = marksForFile(completion, 'app.py')!;
    assert.deepEqual(
      marks.lenses.map((lens) => lens.title),
      ['kept · fused score 1.00 · 212 tokens · self method, near the cursor', 'trimmed · fused score 0.75 · 120 of 300 tokens', 'dropped · fused score 0.00 · 150 tokens · name match'],
    );
    const hover = marks.hovers[0]!.markdown;
    assert.match(hover, /AMI rank 1 \(score 2\.5\) · Structure rank 1 \(score 9\) · BM25 rank 2/);
    assert.match(hover, /Structure: \*\*self method\*\* \(used before the cursor through self or this[^)]*\); \*\*near the cursor\*\* \(/);
    assert.doesNotMatch(marks.hovers[1]!.markdown, /Structure/, 'no structural evidence, no line');
  });

  it('a split function lists the evidence of all its parts once, strongest first', () => {
    const base = result();
    const parts = [
      chunk({ kind: 'function-part', parent: 'load', startLine: 1, endLine: 20, status: 'kept', tokens: 90, keptTokens: 90, score: 0.05, evidence: ['near-cursor'] }),
      chunk({ kind: 'function-part', parent: 'load', startLine: 21, endLine: 40, status: 'kept', tokens: 80, keptTokens: 80, score: 0.01, evidence: ['imported', 'near-cursor'] }),
    ];
    const split = { ...base, files: [{ ...base.files[0]!, chunks: parts }] };
    assert.equal(marksForFile(split, 'app.py')!.lenses[0]!.title, 'kept · fused score 1.00 · 170 tokens · imported name, near the cursor');
  });

  it('has nothing for a file the compression did not read', () => {
    assert.equal(marksForFile(result(), 'other.py'), undefined);
  });

  it('merges overlapping and touching line ranges', () => {
    assert.deepEqual(mergeRanges([{ start: 5, end: 6 }, { start: 1, end: 2 }, { start: 3, end: 3 }, { start: 6, end: 9 }]), [{ start: 1, end: 3 }, { start: 5, end: 9 }]);
  });

  it('on a real compression: kept and faded lines split the file, every lens sits on a function', async () => {
    const text = [
      'import math',
      '',
      ...Array.from({ length: 6 }, (_, f) => [
        '',
        `def step_${f}(value):`,
        ...Array.from({ length: 8 }, (_, line) => `    value = value * ${f + 2} + math.sqrt(${line + 1})  # step ${f} line ${line}`),
        '    return value',
      ]).flat(),
      '',
    ].join('\n');
    const file: FileChunks = await testChunker().chunkFile({ path: 'steps.py', text });
    const scorer = scriptedScorer('ngram', { query: (context) => (context.includes('step_2') ? -0.5 : -3), line: (line) => (line.includes('line 3') ? -0.1 : -4) });
    const compressed = await compress({ files: [file], query: { mode: 'question', text: 'what does step_2 do' }, parameters: parameters(260) }, servicesWith(scorer));
    const marks = marksForFile(compressed, 'steps.py')!;
    const lines = text.split('\n').length - 1;
    const covered = new Map<number, string>();
    for (const [kind, ranges] of [['dropped', marks.dropped], ['kept', marks.kept], ['block', marks.keptBlocks]] as const) {
      for (const range of ranges) for (let line = range.start; line <= range.end; line++) {
        assert.equal(covered.get(line), undefined, `line ${line} is both ${covered.get(line)} and ${kind}`);
        covered.set(line, kind);
      }
    }
    assert.equal(covered.size, lines);
    assert.ok(marks.dropped.length > 0, 'a budget this small drops something');
    const starts = new Set(file.chunks.filter((c) => c.kind === 'function').map((c) => c.startLine));
    assert.equal(marks.lenses.length, 6);
    for (const lens of marks.lenses) assert.ok(starts.has(lens.line), `lens at ${lens.line}`);
  });
});
