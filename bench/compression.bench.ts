// Compression benchmark (issue 6): the retrieval benchmark's tasks end to end through the pipeline — does
// the described function survive compression to 1/2, 1/4, 1/8 of its context? — and the time per stage of
// one compression, cold and warm. docs/benchmarks.md records the figures. Flags: --survival-only,
// --timings-only, --tasks N (an even sample of N tasks, for a quick look), --no-onnx.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chunker } from '../src/core/chunking/chunker';
import { GrammarLoader } from '../src/core/chunking/grammarLoader';
import { bm25ByFunction, lastTokens, pipelineRow, type CompressionRow } from './compression/compressionRows';
import { evaluateCompression } from './compression/evaluateCompression';
import { SURVIVAL_SHARE } from './compression/needle';
import { timeStages } from './compression/stageTimings';
import { ChunkedFiles } from './retrieval/chunkedFiles';
import { setupRetrievalCorpora } from './retrieval/corpusPackages';
import { loadTaskSet } from './retrieval/loadTaskSet';
import { BUDGET_FRACTIONS } from './retrieval/packBudget';
import { contextShape, hitRateTables, markdownTable, targetVerdicts } from './retrieval/report';
import { estimate } from './retrieval/statistics';

const repoRoot = path.resolve(__dirname, '..', '..');
const assetDir = path.join(repoRoot, 'dist');

const PIPELINE = 'pipeline (auto = fused)';
const BM25 = bm25ByFunction.name;
const ROWS: readonly CompressionRow[] = [
  pipelineRow(PIPELINE, { ranking: 'auto' }),
  pipelineRow('pipeline, --ranking ami', { ranking: 'ami' }),
  pipelineRow("pipeline, the paper's fineRatio 0.8, beta 0.5", { ranking: 'auto', fineRatio: 0.8, beta: 0.5 }),
  pipelineRow('coarse only (fineRatio 1)', { ranking: 'auto', fineRatio: 1 }),
  bm25ByFunction,
  lastTokens,
];

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(assetDir, 'grammars', 'python.wasm'))) throw new Error(`${assetDir} has no grammars: build first (node esbuild.js)`);
  const args = process.argv.slice(2);
  console.log(`# Compression benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.availableParallelism()} cores)`);
  if (!args.includes('--timings-only')) await survival(args);
  if (!args.includes('--survival-only')) await timeStages({ repoRoot, assetDir, onnx: !args.includes('--no-onnx') });
}

async function survival(args: readonly string[]): Promise<void> {
  const packages = setupRetrievalCorpora(repoRoot);
  const grammars = new GrammarLoader(assetDir);
  const chunkedFiles = new ChunkedFiles(new Chunker(grammars));
  const { set, cacheFile, generation } = await loadTaskSet(packages, { grammars, chunkedFiles }, false);
  const wanted = args.includes('--tasks') ? Number(args[args.indexOf('--tasks') + 1]) : set.tasks.length;
  const every = Math.max(1, Math.ceil(set.tasks.length / wanted));
  const tasks = set.tasks.filter((_, i) => i % every === 0);
  console.log(`\nTasks: ${tasks.length} of ${set.tasks.length} (${generation}: ${cacheFile})\n`);

  const folders = new Map(packages.map((p) => [p.name, p.folder]));
  const started = performance.now();
  const evaluation = await evaluateCompression(tasks, ROWS, (task) => folders.get(task.package)!, chunkedFiles, (done) => {
    if (done % 25 === 0 || done === tasks.length) process.stderr.write(`[compression] ${done}/${tasks.length} tasks, ${seconds(performance.now() - started)}\n`);
  });
  const names = ROWS.map((r) => r.name);
  console.log(
    `\n## Needle survival at budget (signature line kept and ≥ ${100 * SURVIVAL_SHARE}% of its non-blank lines), ± SE;` +
      ` Δ: paired difference to ${BM25} in points ± SE\n`,
  );
  console.log(`${contextShape(evaluation)}\n`);
  console.log(hitRateTables(evaluation, names, { metric: 'survived', reference: BM25, rateSe: true }));
  console.log(`\nTarget (${PIPELINE} vs ${BM25}: ahead on the mean over budgets, behind by no more than one SE at any budget):`);
  console.log(targetVerdicts(evaluation, PIPELINE, BM25));
  console.log(`\nNeedles lost, all tasks, per budget (1/2, 1/4, 1/8): signature dropped / signature kept but under ${100 * SURVIVAL_SHARE}% of the lines\n`);
  console.log(
    markdownTable(
      ['row', ...BUDGET_LABELS.map((b) => `lost@${b}: dropped / trimmed`)],
      names.map((n) => [n, ...evaluation.lost.get(n)!.map((l) => `${l.dropped} / ${l.trimmed}`)]),
    ),
  );
  const fills = names.map((n) => {
    const f = estimate(evaluation.fill.get(n)!);
    return `${n} ${(100 * f.mean).toFixed(1)}% (${evaluation.overBudget.get(n)} over)`;
  });
  console.log(`\nOutput tokens / budget, mean over tasks and budgets: ${fills.join('; ')}`);
  const rowTimes = names.map((n) => `${n} ${seconds(evaluation.rankingMs.get(n)!)}`).join(', ');
  console.log(`Contexts read, chunked and checked in ${seconds(evaluation.contextMs)}; n-gram training ${seconds(evaluation.trainingMs)}; rows (3 budgets each): ${rowTimes}`);
}

const BUDGET_LABELS = BUDGET_FRACTIONS.map((f) => `1/${Math.round(1 / f)}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
