import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CachedScorer } from '../../src/core/cache/cachedScorer';
import { ChunkCache } from '../../src/core/cache/chunkCache';
import { DiskStore } from '../../src/core/cache/diskStore';
import { ChunkIndex } from '../../src/core/chunking/chunkIndex';
import { ParsePool } from '../../src/core/chunking/parsePool';
import { compress } from '../../src/core/compress/compress';
import type { CompressionServices } from '../../src/core/compress/compressionRequest';
import type { CompressionResult, StageTimings } from '../../src/core/compress/compressionResult';
import { DEFAULT_PARAMETERS } from '../../src/core/compress/parameters';
import { ngramForContext } from '../../src/core/scoring/ngram/ngramForContext';
import { OnnxScorer, type OnnxScorerStats } from '../../src/core/scoring/onnx/onnxScorer';
import { countTokens } from '../../src/core/tokens/countTokens';
import { WorkspaceFilter } from '../../src/core/workspace/workspaceFilter';
import { markdownTable } from '../retrieval/report';

const BUDGET = 2000;
/** The demo's question (scripts/demo.mjs) on the demo's project. */
const QUESTION = 'How is the late-return fee calculated when a member returns a book after the due date?';
const ROUNDS = 3;
const STAGES: readonly (keyof StageTimings)[] = ['chunk', 'rank', 'coarse', 'fine', 'render', 'total'];
const BENCH_MODELS = path.join(os.homedir(), '.cache', 'longcodezip-bench-models');

/** Builds a compression's scorers on its store and chunked files, as the CLI does for the n-gram scorer. */
type ScorersFor = (store: DiskStore, files: Parameters<typeof ngramForContext>[0], root: string) => Pick<CompressionServices, 'scorer' | 'cheapScorer'>;

interface Run {
  readonly label: string;
  readonly timings: StageTimings;
  readonly tokens: number;
  readonly originalTokens: number;
  /** Tokens the neural model ran over in this run, and in how many passes. */
  readonly model?: OnnxScorerStats;
}

/**
 * Time per stage of one compression of examples/sample-project (19k tokens) at a 2,000-token budget, as
 * the CLI runs it: chunk index with its disk cache, a cached scorer, stores flushed after each run. Cold:
 * a fresh cache dir; warm: the same request again on the same store (chunks and scores on disk).
 */
export async function timeStages(options: { repoRoot: string; assetDir: string; onnx: boolean }): Promise<void> {
  const root = path.join(options.repoRoot, 'examples', 'sample-project');
  const rows: string[][] = [];
  const ngram: ScorersFor = (store, files, workspace) => ({ scorer: () => cachedNgram(store, files, workspace) });
  const ngramRuns = bestPairs(await pairs(root, options.assetDir, ngram, ROUNDS, true), 'n-gram');
  for (const run of ngramRuns) rows.push(row(run));

  const notes: string[] = [];
  for (const [size, dtype, rounds, warm] of [['57m', 'q8', 2, true], ['0.5b', 'q8', 1, false]] as const) {
    const folder = path.join(BENCH_MODELS, size);
    if (!options.onnx || !fs.existsSync(folder)) {
      notes.push(`onnx ${size}: not run (${options.onnx ? `no model in ${folder}` : '--no-onnx'})`);
      continue;
    }
    const loadStart = performance.now();
    const model = await OnnxScorer.open({ folder, dtype });
    notes.push(`onnx ${size} (${dtype}, random weights, Qwen2 shape): model opened in ${Math.round(performance.now() - loadStart)} ms, before the timed runs`);
    try {
      const onnx: ScorersFor = (store, files, workspace) => {
        model.clearCache();
        return {
          scorer: () => new CachedScorer({ store, workspace, info: model.info(), fingerprint: `onnx\0${folder}\0${dtype}`, open: async () => model }),
          cheapScorer: () => cachedNgram(store, files, workspace),
        };
      };
      for (const run of bestPairs(await pairs(root, options.assetDir, onnx, rounds, warm, () => model.stats), `onnx ${size}`)) rows.push(row(run));
    } finally {
      await model.dispose();
    }
  }

  const contextTokens = ngramRuns[0]!.originalTokens.toLocaleString('en');
  console.log(`\n## Time per compression, by stage (ms): examples/sample-project (${contextTokens} tokens), budget ${BUDGET}, the demo's question\n`);
  console.log(markdownTable(['scorer, cache', ...STAGES, 'output tokens', 'model tokens (passes)'], rows));
  console.log(
    `\nCold/warm pairs run in turn; per row the best by total (n-gram of ${ROUNDS}, onnx 57m of 2, 0.5b one cold run). Cold chunking` +
      ' includes starting the parse workers, as a CLI run does; stores are flushed after each run, outside the timings.',
  );
  for (const note of notes) console.log(`- ${note}`);
}

function cachedNgram(store: DiskStore, files: Parameters<typeof ngramForContext>[0], workspace: string): CachedScorer {
  const ngram = ngramForContext(files);
  return new CachedScorer({ store, workspace, info: ngram.info, fingerprint: ngram.fingerprint, open: () => ngram.open() });
}

/** `rounds` cold runs, each in a fresh cache dir and followed (if `warm`) by a warm run on the same store. */
async function pairs(
  root: string,
  assetDir: string,
  scorers: ScorersFor,
  rounds: number,
  warm: boolean,
  modelStats?: () => OnnxScorerStats,
): Promise<{ cold: Run; warm?: Run }[]> {
  const measured = async (cache: ChunkCache, store: DiskStore, pool: ParsePool): Promise<Omit<Run, 'label'>> => {
    const before = modelStats?.();
    const run = await compressOnce(root, pool, cache, store, scorers);
    const after = modelStats?.();
    if (!before || !after) return run;
    return { ...run, model: { passes: after.passes - before.passes, tokens: after.tokens - before.tokens, paddedTokens: after.paddedTokens - before.paddedTokens } };
  };
  const out: { cold: Run; warm?: Run }[] = [];
  for (let round = 0; round < rounds; round++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'longcodezip-bench-'));
    const store = new DiskStore({ dir });
    const pool = new ParsePool({ assetDir, workers: Math.min(os.availableParallelism(), 8) });
    try {
      const cache = new ChunkCache({ store, workspace: root });
      const cold = await measured(cache, store, pool);
      out.push({ cold: { label: 'cold', ...cold }, ...(warm ? { warm: { label: 'warm', ...(await measured(cache, store, pool)) } } : {}) });
      process.stderr.write(`[compression] timing round ${round + 1}/${rounds}: cold ${cold.timings.total} ms\n`);
    } finally {
      await pool.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** One CLI-like compression: a new chunk index on the cache (the pool's workers stay up), then `compress`. */
async function compressOnce(root: string, pool: ParsePool, cache: ChunkCache, store: DiskStore, scorers: ScorersFor): Promise<Omit<Run, 'label'>> {
  const started = performance.now();
  const snapshot = await new ChunkIndex(new WorkspaceFilter({ root }), pool, { cache }).build({ paths: [root] });
  const chunkMillis = Math.round(performance.now() - started);
  const result: CompressionResult = await compress(
    { files: snapshot.files, query: { mode: 'question', text: QUESTION }, parameters: { ...DEFAULT_PARAMETERS, budget: BUDGET }, prepared: { chunkMillis } },
    { ...scorers(store, snapshot.files, root), countTokens },
  );
  await store.flush();
  return { timings: result.timings, tokens: result.totals.compressedTokens, originalTokens: result.totals.originalTokens };
}

function bestPairs(runs: { cold: Run; warm?: Run }[], scorer: string): Run[] {
  const best = (list: Run[]) => list.reduce((a, b) => (b.timings.total < a.timings.total ? b : a));
  const colds = best(runs.map((r) => r.cold));
  const warms = runs.flatMap((r) => (r.warm ? [r.warm] : []));
  return [{ ...colds, label: `${scorer}, cold` }, ...(warms.length ? [{ ...best(warms), label: `${scorer}, warm` }] : [])];
}

function row(run: Run): string[] {
  const model = run.model ? `${run.model.tokens.toLocaleString('en')} (${run.model.passes})` : '–';
  return [run.label, ...STAGES.map((stage) => Math.round(run.timings[stage]).toLocaleString('en')), String(run.tokens), model];
}
