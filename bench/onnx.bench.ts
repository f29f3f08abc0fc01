// The neural scorer's speed and the work it saves (issue: neural scorer). docs/onnx-scorer.md has the figures.
//   node out/bench/onnx.bench.js [--rounds N] [--only tiny-qwen2|57m|0.5b]
// Models: the committed tiny one, and the random-weight 57M and 0.5B shapes that
// scripts/make-bench-models.sh writes to ~/.cache/longcodezip-bench-models/{57m,0.5b}.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';
import { TARGETS_INPUT } from '../src/core/scoring/onnx/logProbHead';
import { openModelFolder } from '../src/core/scoring/onnx/modelFolder';
import { OnnxProcessScorer } from '../src/core/scoring/onnx/onnxProcessScorer';
import { OnnxScorer, type OnnxScorerOptions } from '../src/core/scoring/onnx/onnxScorer';
import { ourCompression, referenceCompression, total } from './onnx/tokenCounts';
import { buildWorkload, type Workload } from './onnx/workload';

const repoRoot = path.resolve(__dirname, '..', '..');
const benchModels = path.join(os.homedir(), '.cache', 'longcodezip-bench-models');
const argRounds = process.argv.indexOf('--rounds');
const ROUNDS = argRounds > 0 ? Number(process.argv[argRounds + 1]) : 3;
const argOnly = process.argv.indexOf('--only');
const ONLY = argOnly > 0 ? process.argv[argOnly + 1] : undefined;
const THREADS = os.availableParallelism();
const BLOCK_LINES = 6;

interface BenchModel {
  readonly name: string;
  readonly folder: string;
  readonly chunks: number;
  /** Model tokens of a chunk and of the query (at least). */
  readonly chunkTokens: number;
  readonly queryTokens: number;
  /** Only the cold query figure (a big model on a small machine). */
  readonly coldOnly?: boolean;
}

const MODELS: BenchModel[] = [
  // Its window is 256 tokens: smaller chunks and query, so that chunk + query fit.
  { name: 'tiny (0.4M, test fixture)', folder: path.join(repoRoot, 'test', 'fixtures', 'models', 'tiny-qwen2'), chunks: 40, chunkTokens: 80, queryTokens: 50 },
  { name: '57M (random weights)', folder: path.join(benchModels, '57m'), chunks: 40, chunkTokens: 250, queryTokens: 200 },
  { name: '0.5B shape (random weights)', folder: path.join(benchModels, '0.5b'), chunks: 10, chunkTokens: 250, queryTokens: 200, coldOnly: true },
];

interface RecordedRun {
  readonly feeds: Record<string, ort.Tensor>;
  readonly fetches: readonly string[];
}

/** Every session.run of the scorer, kept to be run again on a plain session of the same model. */
class Recorder {
  runs: RecordedRun[] = [];
  sessionMs = 0;
  readonly observer: OnnxScorerOptions['observer'] = (feeds, fetches, ms) => {
    this.runs.push({ feeds, fetches });
    this.sessionMs += ms;
  };
  reset(): void {
    this.runs = [];
    this.sessionMs = 0;
  }
}

/** The model file as published, no log-prob head: what a plain implementation runs, fetching the logits. */
async function rawReplay(session: ort.InferenceSession, runs: readonly RecordedRun[]): Promise<number> {
  let ms = 0;
  for (const run of runs) {
    const feeds = { ...run.feeds };
    delete feeds[TARGETS_INPUT];
    const fetches = ['logits', ...run.fetches.filter((name) => name.startsWith('present'))];
    const started = performance.now();
    await session.run(feeds, fetches);
    ms += performance.now() - started;
  }
  return ms;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const best = (values: number[]) => Math.min(...values);
const fmt = (ms: number) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`.padStart(10);
const perSecond = (tokens: number, ms: number) => `${Math.round((tokens / ms) * 1000).toLocaleString('en')} tokens/s`.padStart(17);
const percent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;

async function benchModel(model: BenchModel): Promise<void> {
  console.log(`\n## ${model.name}: ${model.folder}`);
  if (!fs.existsSync(path.join(model.folder, 'config.json'))) {
    console.log('absent: run scripts/make-bench-models.sh to write it');
    return;
  }
  const recorder = new Recorder();
  const options: OnnxScorerOptions = { folder: model.folder, dtype: 'fp32', threads: THREADS, observer: recorder.observer };
  const loadStarted = performance.now();
  const scorer = await OnnxScorer.open(options);
  const loadMs = performance.now() - loadStarted;
  const raw = await ort.InferenceSession.create(openModelFolder(model.folder, 'fp32').modelPath, {
    intraOpNumThreads: THREADS,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const single = model.coldOnly ? undefined : await OnnxScorer.open({ ...options, observer: undefined, batchRows: 1 });
  const uncached = model.coldOnly ? undefined : await OnnxScorer.open({ ...options, observer: undefined, cacheBytes: 0 });
  try {
    const count = (text: string) => scorer.tokenize(text).length;
    const work: Workload = buildWorkload(model.chunks, model.chunkTokens, model.queryTokens, count);
    const chunkTokens = work.chunks.map(count);
    console.log(
      `load ${fmt(loadMs)}; ${work.chunks.length} chunks of ${Math.min(...chunkTokens)}-${Math.max(...chunkTokens)} tokens, query ${count(work.query)} tokens; ` +
        `${THREADS} threads; batches of at most ${scorer['batchRows']} rows, ${scorer['batchTokens']} tokens; best of ${model.coldOnly ? 1 : ROUNDS}`,
    );
    const rounds = model.coldOnly ? 1 : ROUNDS;
    await scorer.queryLogProbs(work.chunks.slice(0, 2), work.query); // warm-up
    scorer.clearCache();

    // Cold query: every chunk + blank line + query in one pass each (batched); key/values kept.
    const query = { scorer: [] as number[], session: [] as number[], raw: [] as number[], tokens: 0 };
    for (let round = 0; round < rounds; round++) {
      scorer.clearCache();
      recorder.reset();
      const before = scorer.stats.tokens;
      query.scorer.push(await timed(() => scorer.queryLogProbs(['', ...work.chunks], work.query)));
      query.tokens = scorer.stats.tokens - before;
      query.session.push(recorder.sessionMs);
      query.raw.push(await rawReplay(raw, recorder.runs));
    }
    report('queryLogProbs, cold', query.tokens, best(query.scorer), best(query.session), best(query.raw));
    if (model.coldOnly) return;

    // Line values, cold: one pass over each chunk alone.
    const lines = { scorer: [] as number[], session: [] as number[], raw: [] as number[], tokens: 0 };
    for (let round = 0; round < rounds; round++) {
      scorer.clearCache();
      recorder.reset();
      const before = scorer.stats.tokens;
      lines.scorer.push(await timed(async () => {
        for (const chunk of work.chunks) await scorer.lineLogProbs(chunk);
      }));
      lines.tokens = scorer.stats.tokens - before;
      lines.session.push(recorder.sessionMs);
      lines.raw.push(await rawReplay(raw, recorder.runs));
    }
    report('lineLogProbs, cold', lines.tokens, best(lines.scorer), best(lines.session), best(lines.raw));

    // Batching: the same cold query one context per pass.
    const oneByOne: number[] = [];
    for (let round = 0; round < rounds; round++) {
      single!.clearCache();
      oneByOne.push(await timed(() => single!.queryLogProbs(['', ...work.chunks], work.query)));
    }
    console.log(`batching: one context per pass ${fmt(best(oneByOne))} vs batched ${fmt(best(query.scorer))} = ${(best(oneByOne) / best(query.scorer)).toFixed(2)}x`);

    // A second query over the same chunks: from their cached key/values, or from scratch.
    const warm: number[] = [];
    const cold: number[] = [];
    let warmTokens = 0;
    let coldTokens = 0;
    for (let round = 0; round < rounds; round++) {
      scorer.clearCache();
      await scorer.queryLogProbs(['', ...work.chunks], work.query);
      let before = scorer.stats.tokens;
      warm.push(await timed(() => scorer.queryLogProbs(['', ...work.chunks], work.secondQuery)));
      warmTokens = scorer.stats.tokens - before;
      before = uncached!.stats.tokens;
      cold.push(await timed(() => uncached!.queryLogProbs(['', ...work.chunks], work.secondQuery)));
      coldTokens = uncached!.stats.tokens - before;
    }
    console.log(
      `second query: cached key/values ${fmt(best(warm))} (${warmTokens} tokens) vs none ${fmt(best(cold))} (${coldTokens} tokens) = ${(best(cold) / best(warm)).toFixed(2)}x faster`,
    );

    // The model tokens of one whole compression, ours against the reference's scheme, same selection.
    scorer.clearCache();
    const ami = await scorer.queryLogProbs(['', ...work.chunks], work.query);
    const keptCount = Math.ceil(work.chunks.length / 2);
    const meanLogProb = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const kept = work.chunks
      .map((_, i) => i)
      .sort((a, b) => meanLogProb(ami[b + 1]!) - meanLogProb(ami[a + 1]!))
      .slice(0, keptCount)
      .sort((a, b) => a - b);
    scorer.clearCache();
    const oursCold = await ourCompression(scorer, work.chunks, kept, work.query, BLOCK_LINES);
    const oursAgain = await ourCompression(scorer, work.chunks, kept, work.secondQuery, BLOCK_LINES);
    const reference = referenceCompression(count, work.chunks, kept, work.query, BLOCK_LINES);
    const referenceAgain = referenceCompression(count, work.chunks, kept, work.secondQuery, BLOCK_LINES);
    const row = (label: string, c: { stage1: number; lines: number; blocks: number }) =>
      `${label.padEnd(28)} stage 1 ${String(c.stage1).padStart(7)}  lines ${String(c.lines).padStart(7)}  blocks ${String(c.blocks).padStart(7)}  total ${String(total(c)).padStart(7)}`;
    console.log(`one compression (${keptCount} of ${work.chunks.length} chunks kept, blocks of ${BLOCK_LINES} lines), model tokens:`);
    console.log(row('  reference scheme', reference));
    console.log(row('  ours, cold', oursCold));
    console.log(row('  ours, second query', oursAgain));
    console.log(
      `  fewer tokens: cold ${(total(reference) / total(oursCold)).toFixed(2)}x (target >= 1.5x), second query ${(total(referenceAgain) / total(oursAgain)).toFixed(2)}x (target >= 2.5x)`,
    );

    await childProcessFigure(model, work);
  } finally {
    await Promise.all([scorer.dispose(), raw.release(), single?.dispose(), uncached?.dispose()]);
  }
}

function report(what: string, tokens: number, scorerMs: number, sessionMs: number, rawMs: number): void {
  console.log(`${what}: ${tokens} model tokens`);
  console.log(`  scorer call            ${fmt(scorerMs)} ${perSecond(tokens, scorerMs)}`);
  console.log(`  its session.run calls  ${fmt(sessionMs)} ${perSecond(tokens, sessionMs)}  (with the log-prob head)`);
  console.log(`  raw session.run        ${fmt(rawMs)} ${perSecond(tokens, rawMs)}  (same tensors, published model, logits out)`);
  console.log(`  overhead over raw: ${percent(scorerMs / rawMs - 1)} (target within 10%); over its own runs: ${percent(scorerMs / sessionMs - 1)}`);
}

/** The cold query through the child process, against the same in this process. */
async function childProcessFigure(model: BenchModel, work: Workload): Promise<void> {
  const script = path.join(repoRoot, 'dist', 'onnxWorker.js');
  if (!fs.existsSync(script)) {
    console.log('child process: dist/onnxWorker.js is not built; skipped');
    return;
  }
  const child = await OnnxProcessScorer.open({ script, folder: model.folder, dtype: 'fp32', threads: THREADS, cacheBytes: 0 });
  const local = await OnnxScorer.open({ folder: model.folder, dtype: 'fp32', threads: THREADS, cacheBytes: 0 });
  try {
    const inChild: number[] = [];
    const here: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      inChild.push(await timed(() => child.queryLogProbs(work.chunks, work.query)));
      here.push(await timed(() => local.queryLogProbs(work.chunks, work.query)));
    }
    console.log(`child process: cold query ${fmt(best(inChild))} vs in this process ${fmt(best(here))} = ${percent(best(inChild) / best(here) - 1)}`);
  } finally {
    await Promise.all([child.dispose(), local.dispose()]);
  }
}

async function main(): Promise<void> {
  console.log(`# Neural scorer benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.availableParallelism()} cores, onnxruntime-node ${ort.env.versions.common})`);
  for (const model of MODELS) if (!ONLY || path.basename(model.folder) === ONLY) await benchModel(model);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
