// Retrieval benchmark (issue 4): find the function a doc comment describes, in 6k-30k token contexts of real
// libraries, with budgets of 1/2, 1/4 and 1/8 of the context. docs/retrieval-benchmark.md says how tasks are
// made and records the figures. Flags: --regenerate (ignore the cached tasks), --tasks-only (no rankers).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Chunker } from '../src/core/chunking/chunker';
import { GrammarLoader } from '../src/core/chunking/grammarLoader';
import { fused, ngramAmi } from './retrieval/amiRankers';
import { ChunkedFiles } from './retrieval/chunkedFiles';
import { setupRetrievalCorpora } from './retrieval/corpusPackages';
import { evaluateRankers } from './retrieval/evaluateRankers';
import { loadTaskSet } from './retrieval/loadTaskSet';
import { bm25, seededRandom, sourceOrder, type NamedRanker } from './retrieval/rankers';
import { contextShape, hitRateTables, targetVerdicts, taskSetSummary } from './retrieval/report';

const repoRoot = path.resolve(__dirname, '..', '..');
const assetDir = path.join(repoRoot, 'dist');

const RANKERS: readonly NamedRanker[] = [sourceOrder, seededRandom, bm25, ngramAmi, fused];

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(assetDir, 'grammars', 'python.wasm'))) throw new Error(`${assetDir} has no grammars: build first (node esbuild.js)`);
  const packages = setupRetrievalCorpora(repoRoot);
  const grammars = new GrammarLoader(assetDir);
  const chunkedFiles = new ChunkedFiles(new Chunker(grammars));

  const { set, cacheFile, generation } = await loadTaskSet(packages, { grammars, chunkedFiles }, process.argv.includes('--regenerate'));

  console.log(`# Retrieval benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.availableParallelism()} cores)`);
  console.log(`\nTasks: ${set.tasks.length} (${generation}: ${cacheFile})\nCorpora: ${set.sources.join(', ')}\n`);
  console.log(taskSetSummary(set));
  if (process.argv.includes('--tasks-only')) return;

  const folders = new Map(packages.map((p) => [p.name, p.folder]));
  const evaluation = await evaluateRankers(set.tasks, RANKERS, (task) => folders.get(task.package)!, chunkedFiles, (done) => {
    if (done % 50 === 0) process.stderr.write(`[retrieval] ${done}/${set.tasks.length} tasks\n`);
  });
  const names = RANKERS.map((r) => r.name);
  console.log('\n## Hit rate at budget (gold chunk inside the greedy no-overflow packing); Δ: paired difference to BM25 in points ± SE\n');
  console.log(`${contextShape(evaluation)}\n`);
  console.log(hitRateTables(evaluation, names));
  if (names.includes(fused.name)) {
    console.log('\nTarget (fused vs BM25: better on the mean over budgets, not worse by more than one SE at any budget):');
    console.log(targetVerdicts(evaluation, fused.name));
  }
  const rankingTimes = names.map((n) => `${n} ${seconds(evaluation.rankingMs.get(n)!)}`).join(', ');
  console.log(`\nContexts read, chunked and checked in ${seconds(evaluation.contextMs)}; ranking: ${rankingTimes}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
